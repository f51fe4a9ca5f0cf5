// curl's command line (curl 8.x, as Ubuntu 24.04 ships it): short options that combine (`-sSL`),
// long ones (`--unix-socket /var/run/docker.sock`), a value attached or separate (`-XPOST`,
// `-X POST`), repeated `-H` headers and `-d` data (joined with `&`, `@file` read from a file),
// and the URL, which gets `http://` when it has no scheme. Mistakes get curl's words and status 2.

export interface CurlOptions {
  url?: string;
  method?: string;
  headers: string[];
  /** `-d` values; `raw` ones (`--data-raw`) never read `@file`. */
  data: { value: string; raw: boolean }[];
  output?: string;
  unixSocket?: string;
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  verbose: boolean;
  fail: boolean;
  location: boolean;
}

const SWITCHES: Readonly<Record<string, keyof CurlOptions>> = {
  s: 'silent',
  silent: 'silent',
  S: 'showError',
  'show-error': 'showError',
  i: 'include',
  include: 'include',
  I: 'head',
  head: 'head',
  v: 'verbose',
  verbose: 'verbose',
  f: 'fail',
  fail: 'fail',
  L: 'location',
  location: 'location',
};

const VALUED: Readonly<Record<string, string>> = {
  X: 'request',
  request: 'request',
  H: 'header',
  header: 'header',
  d: 'data',
  data: 'data',
  'data-raw': 'data-raw',
  'data-binary': 'data',
  o: 'output',
  output: 'output',
  'unix-socket': 'unix-socket',
  url: 'url',
  u: 'user',
  user: 'user',
  A: 'user-agent',
  'user-agent': 'user-agent',
};

export const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";

/** Parse curl's arguments; a string is the error text to print (status 2). */
export function parseCurlArgs(args: readonly string[]): CurlOptions | string {
  const o: CurlOptions = {
    headers: [],
    data: [],
    silent: false,
    showError: false,
    include: false,
    head: false,
    verbose: false,
    fail: false,
    location: false,
  };
  const apply = (name: string, value: string) => {
    switch (name) {
      case 'request':
        o.method = value;
        break;
      case 'header':
        o.headers.push(value);
        break;
      case 'data':
      case 'data-raw':
        o.data.push({ value, raw: name === 'data-raw' });
        break;
      case 'output':
        o.output = value;
        break;
      case 'unix-socket':
        o.unixSocket = value;
        break;
      case 'url':
        o.url = value;
        break;
      case 'user':
        o.headers.push(`Authorization: Basic ${btoa(value.includes(':') ? value : `${value}:`)}`);
        break;
      case 'user-agent':
        o.headers.push(`User-Agent: ${value}`);
        break;
    }
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith('--') && arg.length > 2) {
      const name = arg.slice(2);
      const flag = Object.hasOwn(SWITCHES, name) ? SWITCHES[name] : undefined;
      if (flag) (o[flag] as boolean) = true;
      else if (Object.hasOwn(VALUED, name)) {
        const value = args[++i];
        if (value === undefined) return `curl: option ${arg}: requires parameter\n${TRY_HELP}`;
        apply(VALUED[name] as string, value);
      } else return `curl: option ${arg}: is unknown\n${TRY_HELP}`;
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j] as string;
        const flag = Object.hasOwn(SWITCHES, letter) ? SWITCHES[letter] : undefined;
        if (flag) {
          (o[flag] as boolean) = true;
          continue;
        }
        const name = Object.hasOwn(VALUED, letter) ? VALUED[letter] : undefined;
        if (!name) return `curl: option -${arg.slice(j)}: is unknown\n${TRY_HELP}`;
        const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
        if (value === undefined) return `curl: option -${letter}: requires parameter\n${TRY_HELP}`;
        apply(name, value);
        break;
      }
      continue;
    }
    o.url ??= arg;
  }
  return o;
}
