// Parses `npm run serve` options: `--engine HOST:PORT`, repeatable `--registry NAME=HOST:PORT`,
// `--quiet` (no live trace) and `--mermaid` (a sequence diagram after each request to the engine).
// With neither an engine nor a registry named, the engine is served on Docker's unencrypted TCP
// port, 127.0.0.1:2375.
// Servers bind loopback only, so any other host is refused here, before anything listens.

export interface Endpoint {
  host: string;
  port: number;
}

export interface ServeOptions {
  engine?: Endpoint;
  registries: { name: string; at: Endpoint }[];
  /** Print the trace live, one line per message (default true). */
  trace: boolean;
  /** Print a Mermaid sequence diagram when each request to the engine has been answered. */
  mermaid: boolean;
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
  const opts: ServeOptions = { registries: [], trace: true, mermaid: false };
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
    } else if (flag === '--quiet' && inline === undefined) opts.trace = false;
    else if (flag === '--mermaid' && inline === undefined) opts.mermaid = true;
    else throw new Error(`unknown flag: ${arg}`);
  }
  if (!opts.engine && opts.registries.length === 0) opts.engine = { ...DEFAULT_ENGINE };
  return opts;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}
