// The responses nginx writes, header by header in the order it sends them: `Server`, `Date`,
// `Content-Type`, `Content-Length`, `Last-Modified`, `Location`, `Connection: keep-alive`, `ETag`,
// `Accept-Ranges`, then any `add_header` — which nginx adds only to successful and redirect
// responses (200, 201, 204, 206, 301, 302, 303, 304, 307, 308) unless marked `always`.
import { utf8, type Bytes } from '../../../bytes';
import type { Stats } from '../../../layer/overlay';
import { getHeader, type WireRequest } from '../../../wire/message';
import { httpDate } from '../log-time';
import { etagOf } from './static';
import { specialPage } from './pages';

export interface Reply {
  status: number;
  headers: [string, string][];
  body: Bytes;
}

export interface ReplyContext {
  request: WireRequest;
  now: number;
  version: string;
  serverTokens: boolean;
}

const ADD_HEADER_STATUSES = new Set([200, 201, 204, 206, 301, 302, 303, 304, 307, 308]);

function head(c: ReplyContext): [string, string][] {
  return [
    ['Server', c.serverTokens ? `nginx/${c.version}` : 'nginx'],
    ['Date', httpDate(c.now)],
  ];
}

/** An error or redirect page nginx writes itself; `location` for 301/302. */
export function specialReply(c: ReplyContext, status: number, location?: string): Reply {
  const page =
    specialPage(status, {
      version: c.version,
      serverTokens: c.serverTokens,
      userAgent: getHeader(c.request, 'user-agent'),
    }) ?? '';
  const body = utf8(page);
  const headers = head(c);
  if (page !== '') headers.push(['Content-Type', 'text/html'], ['Content-Length', String(body.length)]);
  else headers.push(['Content-Length', '0']);
  if (location !== undefined) headers.push(['Location', location]);
  headers.push(['Connection', 'keep-alive']);
  return { status, headers, body };
}

/** A text body (`return 200 "ok"`, an autoindex page) with the given type. */
export function textReply(c: ReplyContext, status: number, text: string, contentType: string): Reply {
  const body = utf8(text);
  const headers = head(c);
  headers.push(['Content-Type', contentType], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']);
  return { status, headers, body };
}

/** A file from disk, honouring If-None-Match / If-Modified-Since (304) and a single byte Range (206). */
export function fileReply(c: ReplyContext, stats: Stats, content: Bytes, contentType: string, status = 200): Reply {
  const lastModified = httpDate(stats.mtime * 1000);
  const etag = etagOf(stats);
  const conditional =
    status === 200 &&
    (getHeader(c.request, 'if-none-match')
      ?.split(/\s*,\s*/)
      .includes(etag) ||
      (getHeader(c.request, 'if-none-match') === undefined &&
        getHeader(c.request, 'if-modified-since') === lastModified));
  if (conditional) {
    const headers = head(c);
    headers.push(['Last-Modified', lastModified], ['Connection', 'keep-alive'], ['ETag', etag]);
    return { status: 304, headers, body: new Uint8Array(0) };
  }
  let body = content;
  let range: string | undefined;
  const m = status === 200 ? /^bytes=(\d*)-(\d*)$/.exec(getHeader(c.request, 'range') ?? '') : null;
  if (m && (m[1] !== '' || m[2] !== '')) {
    const size = content.length;
    const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
    const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (start >= size || start > end) return specialReply(c, 416);
    body = content.subarray(start, end + 1);
    range = `bytes ${start}-${end}/${size}`;
    status = 206;
  }
  const headers = head(c);
  headers.push(['Content-Type', contentType], ['Content-Length', String(body.length)], ['Last-Modified', lastModified]);
  headers.push(['Connection', 'keep-alive'], ['ETag', etag]);
  if (range) headers.push(['Content-Range', range]);
  else if (status === 200) headers.push(['Accept-Ranges', 'bytes']);
  return { status, headers, body };
}

/** Append `add_header` pairs where nginx would. */
export function withAddedHeaders(reply: Reply, added: readonly [string, string][]): Reply {
  if (added.length === 0 || !ADD_HEADER_STATUSES.has(reply.status)) return reply;
  return { ...reply, headers: [...reply.headers, ...added] };
}
