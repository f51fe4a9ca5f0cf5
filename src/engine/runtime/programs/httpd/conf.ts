// Apache's configuration, read enough to serve: one directive per line (`Name args…`, a trailing
// `\` continuing the line, `#` comments), `<Directory …>`-style sections, `Include` of other files
// relative to ServerRoot. A directive no loaded module defines stops Apache with its famous
// message — `AH00526: Syntax error on line 5 of …/httpd.conf:` then `Invalid command 'Lisen',
// perhaps misspelled or defined by a module not included in the server configuration`.
import { isFsError } from '../../../layer/fs-errors';
import type { Overlay } from '../../../layer/overlay';

export interface HttpdConf {
  serverRoot: string;
  listens: number[];
  documentRoot: string;
  directoryIndex: string[];
  serverName?: string;
  errorLog: string;
  customLogs: { path: string; format: string }[];
  logFormats: Map<string, string>;
  modules: Set<string>;
  types: Map<string, string>;
  serverTokens: 'Full' | 'OS' | 'Minor' | 'Minimal' | 'Major' | 'Prod';
}

export class HttpdConfigError extends Error {
  override name = 'HttpdConfigError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`AH00526: Syntax error on line ${line} of ${file}:\n${reason}`);
  }
}

/** Directives of the core and of the modules the image loads (the config may name any of them). */
const KNOWN = new Set(
  `ServerRoot Listen LoadModule User Group ServerAdmin ServerName DocumentRoot Directory DirectoryMatch Files FilesMatch
  Location LocationMatch VirtualHost IfModule IfDefine IfFile IfVersion Options AllowOverride Require DirectoryIndex
  ErrorLog LogLevel LogFormat CustomLog TransferLog TypesConfig AddType AddEncoding AddHandler AddOutputFilter
  Include IncludeOptional Alias ScriptAlias Redirect RedirectMatch RewriteEngine RewriteRule RewriteCond
  ServerTokens ServerSignature Timeout KeepAlive MaxKeepAliveRequests KeepAliveTimeout HostnameLookups
  EnableMMAP EnableSendfile ErrorDocument Header RequestHeader SetEnvIf SetEnv UnsetEnv PassEnv DefaultType
  AddDefaultCharset MIMEMagicFile StartServers MinSpareThreads MaxSpareThreads ThreadsPerChild MaxRequestWorkers
  MaxConnectionsPerChild ServerLimit ThreadLimit PidFile Mutex ProxyPass ProxyPassReverse ProxyPreserveHost
  ProxyRequests SSLEngine SSLCertificateFile SSLCertificateKeyFile SSLProtocol SSLCipherSuite TraceEnable
  FileETag LimitRequestBody Define UseCanonicalName AccessFileName Order Allow Deny Satisfy AuthType AuthName
  AuthUserFile DirectorySlash ExpiresActive ExpiresDefault ExpiresByType DeflateCompressionLevel
  AddOutputFilterByType ScriptSock RemoteIPHeader RemoteIPInternalProxy`.split(/\s+/),
);

interface Line {
  file: string;
  line: number;
  words: string[];
}

function words(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!);
  return out;
}

function readLines(fs: Overlay, path: string, serverRoot: string, depth: number): Line[] {
  const text = fs.readText(path);
  const out: Line[] = [];
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const start = i + 1;
    let line = raw[i]!;
    while (line.endsWith('\\') && i + 1 < raw.length) line = line.slice(0, -1) + raw[++i]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const w = words(trimmed);
    const name = w[0]!.replace(/^<\/?/, '').replace(/>$/, '');
    if (!KNOWN.has(name) && !w[0]!.startsWith('</')) {
      throw new HttpdConfigError(
        path,
        start,
        `Invalid command '${name}', perhaps misspelled or defined by a module not included in the server configuration`,
      );
    }
    if ((name === 'Include' || name === 'IncludeOptional') && depth < 10) {
      out.push(...include(fs, w[1] ?? '', serverRoot, depth, name === 'IncludeOptional', { file: path, line: start }));
      continue;
    }
    out.push({
      file: path,
      line: start,
      words: w.map((x, j) => (j === 0 ? x.replace(/>$/, '') : x.replace(/>$/, ''))),
    });
  }
  return out;
}

function include(
  fs: Overlay,
  pattern: string,
  root: string,
  depth: number,
  optional: boolean,
  at: { file: string; line: number },
): Line[] {
  const path = pattern.startsWith('/') ? pattern : `${root}/${pattern}`;
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash);
  const glob = path.slice(slash + 1);
  let names: string[];
  try {
    names = /[*?]/.test(glob)
      ? fs
          .readdir(dir)
          .filter((n) => new RegExp(`^${glob.replace(/\./g, '\\.').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(n))
      : [glob];
    return names.flatMap((n) => readLines(fs, `${dir}/${n}`, root, depth + 1));
  } catch (err) {
    if (!isFsError(err) || optional) return [];
    throw new HttpdConfigError(
      at.file,
      at.line,
      `Could not open configuration file ${path}: No such file or directory`,
    );
  }
}

function absolute(root: string, path: string): string {
  return path.startsWith('/') ? path : `${root}/${path}`;
}

function readTypes(fs: Overlay, path: string): Map<string, string> {
  const types = new Map<string, string>();
  try {
    for (const line of fs.readText(path).split('\n')) {
      if (line.trim() === '' || line.startsWith('#')) continue;
      const [type, ...exts] = line.trim().split(/\s+/);
      for (const e of exts) types.set(e.toLowerCase(), type!);
    }
  } catch {
    // no mime.types: everything is served without a type, as Apache does
  }
  return types;
}

/** Read `httpd.conf` (and its includes) as the settings Apache serves with. */
export function loadHttpdConf(fs: Overlay, path: string, serverRoot: string): HttpdConf {
  const lines = readLines(fs, path, serverRoot, 0);
  const conf: HttpdConf = {
    serverRoot,
    listens: [],
    documentRoot: `${serverRoot}/htdocs`,
    directoryIndex: ['index.html'],
    errorLog: `${serverRoot}/logs/error_log`,
    customLogs: [],
    logFormats: new Map([['common', '%h %l %u %t "%r" %>s %b']]),
    modules: new Set(),
    types: new Map(),
    serverTokens: 'Full',
  };
  let depth = 0;
  for (const { words: w } of lines) {
    const [name, a, b] = [w[0]!, w[1], w[2]];
    if (name.startsWith('</')) depth--;
    else if (name.startsWith('<')) depth++;
    if (name === 'ServerRoot' && a) conf.serverRoot = a;
    else if (name === 'Listen' && a) conf.listens.push(Number(a.split(':').pop()));
    else if (name === 'DocumentRoot' && a) conf.documentRoot = absolute(conf.serverRoot, a).replace(/\/$/, '');
    else if (name === 'DirectoryIndex' && depth === 0) conf.directoryIndex = w.slice(1);
    else if (name === 'ServerName' && a) conf.serverName = a;
    else if (name === 'ErrorLog' && a) conf.errorLog = absolute(conf.serverRoot, a);
    else if (name === 'LogFormat' && a && b) conf.logFormats.set(b, a);
    else if ((name === 'CustomLog' || name === 'TransferLog') && a) {
      conf.customLogs.push({ path: absolute(conf.serverRoot, a), format: b ?? 'common' });
    } else if (name === 'LoadModule' && a) conf.modules.add(a);
    else if (name === 'TypesConfig' && a) conf.types = readTypes(fs, absolute(conf.serverRoot, a));
    else if (name === 'AddType' && a) for (const e of w.slice(2)) conf.types.set(e.replace(/^\./, '').toLowerCase(), a);
    else if (name === 'ServerTokens' && a) conf.serverTokens = a as HttpdConf['serverTokens'];
  }
  if (conf.listens.length === 0) conf.listens.push(80);
  return conf;
}
