// From directives to the settings nginx serves with. Most http-level directives can be written in
// `http`, `server` or `location` and are inherited downwards: a `root` in `http { }` applies to
// every server that sets none. A list directive (`error_page`, `add_header`, `access_log`) set at
// one level replaces the parent's whole list — it does not add to it, a classic surprise. Defaults
// are those of nginx.org's package (prefix /etc/nginx, logs in /var/log/nginx).
import { NginxConfigError } from './conf-error';
import type { Directive } from './conf-parse';
import { CONF_PREFIX } from './conf-parse';

export interface Listen {
  port: number;
  /** `0.0.0.0`, `[::]`, or a specific address. */
  address: string;
  defaultServer: boolean;
}

/** Settings that may be written at http, server or location level. */
export interface Scope {
  root: string;
  index: string[];
  /** status → URI (`error_page 500 502 503 504 /50x.html`), with an optional `=code` override. */
  errorPages: Map<number, { uri: string; status?: number }>;
  /** `off`, or where and in which format to log. */
  accessLogs: { path: string; format: string }[];
  defaultType: string;
  types: Map<string, string>;
  addHeaders: [string, string][];
  /** `proxy_set_header` pairs (a list directive: one set at a level replaces the parent's). */
  proxySetHeaders: [string, string][];
  serverTokens: boolean;
  autoindex: boolean;
}

export interface LocationConf extends Scope {
  /** `=` exact, `^~` prefix that stops the regex search, `~`/`~*` regex, `` plain prefix. */
  modifier: '' | '=' | '^~' | '~' | '~*';
  path: string;
  locations: LocationConf[];
  proxyPass?: { url: string; file: string; line: number };
  returns?: { status: number; text?: string };
  tryFiles?: string[];
  alias?: string;
}

export interface ServerConf extends Scope {
  listens: Listen[];
  names: string[];
  locations: LocationConf[];
  returns?: { status: number; text?: string };
  tryFiles?: string[];
}

export interface NginxConf {
  user?: string;
  workerProcesses: number | 'auto';
  pid: string;
  daemon: boolean;
  errorLog: { path: string; level: string };
  logFormats: Map<string, string>;
  /** `upstream name { server host:port; … }`: the servers of each named group. */
  upstreams: Map<string, string[]>;
  servers: ServerConf[];
}

/** nginx's predefined `combined` format. */
export const COMBINED_FORMAT =
  '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"';

const rootScope = (): Scope => ({
  root: `${CONF_PREFIX}html`,
  index: ['index.html'],
  errorPages: new Map(),
  accessLogs: [{ path: '/var/log/nginx/access.log', format: 'combined' }],
  defaultType: 'text/plain',
  types: new Map([
    ['html', 'text/html'],
    ['gif', 'image/gif'],
    ['jpg', 'image/jpeg'],
  ]),
  addHeaders: [],
  proxySetHeaders: [],
  serverTokens: true,
  autoindex: false,
});

function fail(d: Directive, reason: string): never {
  throw new NginxConfigError(reason, d.file, d.line);
}

function argCount(d: Directive, min: number, max = min): void {
  if (d.args.length < min || d.args.length > max) fail(d, `invalid number of arguments in "${d.name}" directive`);
}

function absolute(path: string): string {
  return path.startsWith('/') ? path : CONF_PREFIX + path;
}

function status(d: Directive, text: string): number {
  const n = /^\d{3}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 300 && n <= 599)) fail(d, `value "${text}" must be between 300 and 599`);
  return n;
}

/** Apply the scope directives of one level on a copy of the parent's scope. */
function scopeOf(parent: Scope, list: readonly Directive[]): Scope {
  const s: Scope = { ...parent };
  const lists = new Set<string>();
  const fresh = <K extends 'errorPages' | 'accessLogs' | 'addHeaders' | 'proxySetHeaders'>(key: K) => {
    if (!lists.has(key)) {
      lists.add(key);
      s[key] = (key === 'errorPages' ? new Map() : []) as Scope[K];
    }
  };
  for (const d of list) {
    switch (d.name) {
      case 'root':
        argCount(d, 1);
        s.root = absolute(d.args[0]!);
        break;
      case 'index':
        if (d.args.length === 0) argCount(d, 1);
        s.index = [...d.args];
        break;
      case 'error_page': {
        if (d.args.length < 2) argCount(d, 2);
        fresh('errorPages');
        const uri = d.args[d.args.length - 1]!;
        const codes = d.args.slice(0, -1);
        const override = codes[codes.length - 1]!.startsWith('=') ? codes.pop()!.slice(1) : undefined;
        for (const c of codes) s.errorPages.set(status(d, c), { uri, status: override ? Number(override) : undefined });
        break;
      }
      case 'access_log':
        fresh('accessLogs');
        if (d.args[0] === 'off') break;
        argCount(d, 1, 4);
        s.accessLogs.push({ path: absolute(d.args[0]!), format: d.args[1] ?? 'combined' });
        break;
      case 'default_type':
        argCount(d, 1);
        s.defaultType = d.args[0]!;
        break;
      case 'types':
        s.types = typesOf(d.block ?? []);
        break;
      case 'add_header':
        argCount(d, 2, 3);
        fresh('addHeaders');
        s.addHeaders.push([d.args[0]!, d.args[1]!]);
        break;
      case 'proxy_set_header':
        argCount(d, 2);
        fresh('proxySetHeaders');
        s.proxySetHeaders.push([d.args[0]!, d.args[1]!]);
        break;
      case 'server_tokens':
        s.serverTokens = d.args[0] !== 'off';
        break;
      case 'autoindex':
        s.autoindex = d.args[0] === 'on';
        break;
    }
  }
  return s;
}

/** A `types { text/html html htm; }` block as extension → media type. */
function typesOf(list: readonly Directive[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const d of list) for (const ext of d.args) types.set(ext.toLowerCase(), d.name);
  return types;
}

function returnOf(d: Directive): { status: number; text?: string } {
  argCount(d, 1, 2);
  const [first, second] = d.args as [string, string | undefined];
  if (/^\d+$/.test(first)) return { status: Number(first), text: second };
  if (/^https?:\/\//.test(first) || first.startsWith('$scheme')) return { status: 302, text: first };
  return fail(d, `invalid return code "${first}"`);
}

function locationOf(parent: Scope, d: Directive): LocationConf {
  argCount(d, 1, 2);
  const [modifier, path] = d.args.length === 2 ? [d.args[0]!, d.args[1]!] : ['', d.args[0]!];
  if (!['', '=', '^~', '~', '~*'].includes(modifier)) fail(d, `invalid location modifier "${modifier}"`);
  const list = d.block ?? [];
  const scope = scopeOf(parent, list);
  const loc: LocationConf = {
    ...scope,
    modifier: modifier as LocationConf['modifier'],
    path,
    locations: list.filter((x) => x.name === 'location').map((x) => locationOf(scope, x)),
  };
  for (const x of list) {
    if (x.name === 'proxy_pass') {
      argCount(x, 1);
      loc.proxyPass = { url: x.args[0]!, file: x.file, line: x.line };
    } else if (x.name === 'return') loc.returns ??= returnOf(x);
    else if (x.name === 'try_files') {
      if (x.args.length < 2) argCount(x, 2);
      loc.tryFiles = [...x.args];
    } else if (x.name === 'alias') {
      argCount(x, 1);
      loc.alias = x.args[0];
    }
  }
  return loc;
}

/** `80`, `8080 default_server`, `[::]:80`, `127.0.0.1:8080`, `*:80`. */
function listenOf(d: Directive): Listen {
  if (d.args.length === 0) argCount(d, 1, 20);
  const spec = d.args[0]!;
  const flags = d.args.slice(1);
  const m = /^(?:(\[[^\]]*\]|[^:]+):)?(\d+)$/.exec(spec) ?? /^(\[[^\]]*\]|[^:]+)()$/.exec(spec);
  if (!m) fail(d, `invalid port in "${spec}" of the "listen" directive`);
  const port = m[2] ? Number(m[2]) : 80;
  if (port < 1 || port > 65535) fail(d, `invalid port in "${spec}" of the "listen" directive`);
  const address = !m[1] || m[1] === '*' ? '0.0.0.0' : m[1];
  return { port, address, defaultServer: flags.includes('default_server') || flags.includes('default') };
}

function serverOf(parent: Scope, d: Directive): ServerConf {
  const list = d.block ?? [];
  const scope = scopeOf(parent, list);
  const server: ServerConf = {
    ...scope,
    listens: list.filter((x) => x.name === 'listen').map(listenOf),
    names: list.filter((x) => x.name === 'server_name').flatMap((x) => x.args),
    locations: list.filter((x) => x.name === 'location').map((x) => locationOf(scope, x)),
  };
  for (const x of list) {
    if (x.name === 'return') server.returns ??= returnOf(x);
    if (x.name === 'try_files') server.tryFiles = [...x.args];
  }
  if (server.listens.length === 0) server.listens.push({ port: 80, address: '0.0.0.0', defaultServer: false });
  return server;
}

/** The settings of a parsed, checked configuration (main-level directives plus `-g` ones). */
export function buildConf(main: readonly Directive[]): NginxConf {
  const conf: NginxConf = {
    workerProcesses: 1,
    pid: '/var/run/nginx.pid',
    daemon: true,
    errorLog: { path: '/var/log/nginx/error.log', level: 'error' },
    logFormats: new Map([['combined', COMBINED_FORMAT]]),
    upstreams: new Map(),
    servers: [],
  };
  for (const d of main) {
    if (d.name === 'user') conf.user = d.args[0];
    else if (d.name === 'worker_processes') {
      argCount(d, 1);
      const v = d.args[0]!;
      if (v !== 'auto' && !/^\d+$/.test(v)) fail(d, `invalid value "${v}" in "worker_processes" directive`);
      conf.workerProcesses = v === 'auto' ? 'auto' : Number(v);
    } else if (d.name === 'pid') conf.pid = absolute(d.args[0] ?? conf.pid);
    else if (d.name === 'daemon') conf.daemon = d.args[0] !== 'off';
    else if (d.name === 'error_log') conf.errorLog = { path: absolute(d.args[0]!), level: d.args[1] ?? 'error' };
  }
  for (const http of main.filter((d) => d.name === 'http')) {
    const list = http.block ?? [];
    for (const f of list.filter((x) => x.name === 'log_format')) {
      if (f.args.length < 2) argCount(f, 2);
      const escape = f.args[1]!.startsWith('escape=') ? 1 : 0;
      conf.logFormats.set(f.args[0]!, f.args.slice(1 + escape).join(''));
    }
    for (const u of list.filter((x) => x.name === 'upstream')) {
      argCount(u, 1);
      const servers = (u.block ?? []).filter((x) => x.name === 'server' && x.args[0]).map((x) => x.args[0]!);
      if (servers.length === 0) fail(u, `no servers are inside upstream`);
      conf.upstreams.set(u.args[0]!, servers);
    }
    const scope = scopeOf(rootScope(), list);
    conf.servers.push(...list.filter((x) => x.name === 'server').map((x) => serverOf(scope, x)));
  }
  return conf;
}
