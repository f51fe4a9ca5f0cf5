// Apache serving its DocumentRoot (core + mod_dir + mod_mime): a file is sent with `Last-Modified`,
// an ETag made of its size and modification time in microseconds (`"2d-432a5e4a73a80"`, Apache's
// default `FileETag MTime Size`), and a Content-Type from mime.types; a directory asked for
// without its slash is redirected to it (mod_dir, with the Host the client used, port included); a
// directory with an index file serves it in place. Every request goes to the CustomLog.
import { utf8, type Bytes } from '../../../bytes';
import type { Overlay } from '../../../layer/overlay';
import { getHeader, type WireRequest, type WireResponse } from '../../../wire/message';
import type { ConnectionInfo } from '../../contract';
import { commonLogTime, httpDate } from '../log-time';
import { parseRequestUri } from '../nginx/uri';
import type { HttpdConf } from './conf';
import { apachePage } from './pages';

export interface HttpdServer {
  fs: Overlay;
  conf: HttpdConf;
  version: string;
  now(): number;
  accessLog(path: string, line: string): void;
}

interface Result {
  status: number;
  headers: [string, string][];
  body: Bytes;
}

/** `Apache/2.4.63 (Unix)` as ServerTokens allows. */
export function serverHeader(conf: HttpdConf, version: string): string {
  switch (conf.serverTokens) {
    case 'Prod':
    case 'Major' as string:
      return 'Apache';
    case 'Minimal':
      return `Apache/${version}`;
    default:
      return `Apache/${version} (Unix)`;
  }
}

function stat(fs: Overlay, path: string) {
  try {
    return fs.stat(path);
  } catch {
    return undefined;
  }
}

/** Apache's LogFormat escapes: %h %l %u %t %r %>s %s %b %B %{Header}i. */
function formatLog(
  format: string,
  f: { request: WireRequest; remote: string; time: number; status: number; bytes: number },
): string {
  return format.replace(
    /%(>?)(\{([^}]*)\})?([a-zA-Z%])/g,
    (_, _final: string, _b: string, arg: string | undefined, code: string) => {
      switch (code) {
        case 'h':
        case 'a':
          return f.remote;
        case 'l':
        case 'u':
          return '-';
        case 't':
          return `[${commonLogTime(f.time)}]`;
        case 'r':
          return `${f.request.method} ${f.request.url} HTTP/1.1`;
        case 's':
          return String(f.status);
        case 'b':
          return f.bytes === 0 ? '-' : String(f.bytes);
        case 'B':
          return String(f.bytes);
        case 'i':
          return getHeader(f.request, arg ?? '') ?? '-';
        case 'm':
          return f.request.method;
        case 'U':
          return f.request.url.split('?')[0]!;
        case '%':
          return '%';
        default:
          return '-';
      }
    },
  );
}

export class HttpdHandler {
  constructor(private readonly s: HttpdServer) {}

  async handle(request: WireRequest, connection?: ConnectionInfo): Promise<WireResponse> {
    const time = this.s.now();
    const result = this.respond(request, time);
    const bytes = request.method === 'HEAD' ? 0 : result.body.length;
    for (const log of this.s.conf.customLogs) {
      const format = this.s.conf.logFormats.get(log.format) ?? log.format;
      this.s.accessLog(
        log.path,
        formatLog(format, { request, remote: connection?.remoteAddress ?? '-', time, status: result.status, bytes }) +
          '\n',
      );
    }
    return {
      status: result.status,
      headers: Object.fromEntries(result.headers),
      body: request.method === 'HEAD' ? undefined : result.body,
    };
  }

  private base(time: number): [string, string][] {
    return [
      ['Date', httpDate(time)],
      ['Server', serverHeader(this.s.conf, this.s.version)],
    ];
  }

  private page(time: number, status: number, detail: { location?: string; method?: string } = {}): Result {
    const body = utf8(apachePage(status, detail));
    const headers = this.base(time);
    if (detail.location) headers.push(['Location', detail.location]);
    if (status === 405) headers.push(['Allow', 'GET,POST,OPTIONS,HEAD']);
    headers.push(['Content-Length', String(body.length)], ['Content-Type', 'text/html; charset=iso-8859-1']);
    return { status, headers, body };
  }

  private respond(request: WireRequest, time: number): Result {
    const parsed = parseRequestUri(request.url);
    if (!parsed.ok) return this.page(time, 400);
    const { fs, conf } = this.s;
    let path = conf.documentRoot + parsed.uri;
    let st = stat(fs, path);
    if (st?.type === 'dir') {
      if (!parsed.uri.endsWith('/')) {
        const host = getHeader(request, 'host') ?? conf.serverName ?? 'localhost';
        const query = parsed.args ? `?${parsed.args}` : '';
        return this.page(time, 301, { location: `http://${host}${parsed.uri}/${query}` });
      }
      const index = conf.directoryIndex.map((n) => `${path}${n}`).find((p) => stat(fs, p)?.type === 'file');
      if (index === undefined) return this.page(time, 403);
      path = index;
      st = stat(fs, path);
    }
    if (!st || st.type !== 'file') return this.page(time, 404);
    if (request.method === 'OPTIONS') {
      return {
        status: 200,
        headers: [...this.base(time), ['Allow', 'GET,POST,OPTIONS,HEAD'], ['Content-Length', '0']],
        body: new Uint8Array(0),
      };
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return this.page(time, 405, { method: request.method });
    const content = fs.readFile(path);
    const etag = `"${content.length.toString(16)}-${(st.mtime * 1_000_000).toString(16)}"`;
    const lastModified = httpDate(st.mtime * 1000);
    const headers = this.base(time);
    headers.push(['Last-Modified', lastModified], ['ETag', etag]);
    const since = getHeader(request, 'if-modified-since');
    const match = getHeader(request, 'if-none-match');
    if (
      (match !== undefined && match.split(/\s*,\s*/).includes(etag)) ||
      (match === undefined && since !== undefined && Date.parse(since) >= st.mtime * 1000)
    ) {
      return { status: 304, headers, body: new Uint8Array(0) };
    }
    headers.push(['Accept-Ranges', 'bytes'], ['Content-Length', String(content.length)]);
    const dot = path.lastIndexOf('.');
    const type = dot > path.lastIndexOf('/') ? conf.types.get(path.slice(dot + 1).toLowerCase()) : undefined;
    if (type) headers.push(['Content-Type', type]);
    return { status: 200, headers, body: content };
  }
}
