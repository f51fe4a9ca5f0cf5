// Parses `npm run serve` options: `--engine HOST:PORT` and repeatable `--registry NAME=HOST:PORT`.
// With no flags at all, the engine is served on Docker's unencrypted TCP port, 127.0.0.1:2375.
// Servers bind loopback only, so any other host is refused here, before anything listens.

export interface Endpoint {
  host: string;
  port: number;
}

export interface ServeOptions {
  engine?: Endpoint;
  registries: { name: string; at: Endpoint }[];
}

const loopback = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|::1|\[::1\])$/;

export function parseEndpoint(text: string): Endpoint {
  const m = /^(.*):(\d{1,5})$/.exec(text);
  if (!m) throw new Error(`invalid address "${text}": expected HOST:PORT`);
  const host = m[1]!.replace(/^\[(.*)\]$/, '$1');
  const port = Number(m[2]);
  if (port > 65535) throw new Error(`invalid port in "${text}"`);
  if (!loopback.test(host)) throw new Error(`refusing to bind ${host}: Dockyard serves on loopback addresses only`);
  return { host, port };
}

/** Where the engine listens when `npm run serve` is given no flags. */
export const DEFAULT_ENGINE: Endpoint = { host: '127.0.0.1', port: 2375 };

export function parseServeArgs(argv: string[]): ServeOptions {
  if (argv.length === 0) return { engine: { ...DEFAULT_ENGINE }, registries: [] };
  const opts: ServeOptions = { registries: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') && arg.startsWith('--') ? splitOnce(arg, '=') : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`flag needs an argument: ${flag}`);
      return v;
    };
    if (flag === '--engine') opts.engine = parseEndpoint(value());
    else if (flag === '--registry') {
      const spec = value();
      const [name, at] = splitOnce(spec, '=');
      if (!name || at === undefined) throw new Error(`invalid --registry "${spec}": expected NAME=HOST:PORT`);
      opts.registries.push({ name, at: parseEndpoint(at) });
    } else throw new Error(`unknown flag: ${arg}`);
  }
  return opts;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}
