// One nginx worker answering requests: pick the `server` by the Host header among those listening
// on the port, the `location` by the URI, then run the phases — `return`, `proxy_pass`,
// `try_files`, the index and static modules — and, for an error status with an `error_page`, serve
// that page instead (an internal redirect). Every request ends with a line in the access log, and
// failures also with a line in the error log.
import type { Overlay } from '../../../layer/overlay';
import type { Bytes } from '../../../bytes';
import type { ConnectionInfo, HttpHandler } from '../../contract';
import { getHeader, type WireRequest } from '../../../wire/message';
import { autoindexPage } from './autoindex';
import type { LocationConf, NginxConf, Scope, ServerConf } from './conf-model';
import { findLocation } from './location';
import { contentTypeOf } from './mime';
import { forward, passedHeaders, type Upstreams } from './proxy';
import { fileReply, specialReply, textReply, withAddedHeaders, type Reply, type ReplyContext } from './response';
import { resolveStatic } from './static';
import { parseRequestUri } from './uri';
import { expand, hostOf, type RequestFacts } from './variables';

export interface Worker {
  fs: Overlay;
  conf: NginxConf;
  version: string;
  hostname: string;
  pid: number;
  now(): number;
  net: Parameters<typeof forward>[0];
  upstreams: Upstreams;
  /** Write `[error]`-level (or other) lines to the error log, nginx's context suffix included. */
  errorLog(level: 'error' | 'warn' | 'info', message: string): void;
  /** Write one access-log line to the log at `path`. */
  accessLog(path: string, line: string): void;
}

interface Outcome {
  reply: Reply;
  scope: Scope;
  upstreamAddr?: string;
}

const MAX_INTERNAL_REDIRECTS = 10;

function serverFor(servers: readonly ServerConf[], port: number, request: WireRequest): ServerConf {
  const here = servers.filter((s) => s.listens.some((l) => l.port === port));
  const host = (getHeader(request, 'host') ?? '').split(':')[0]!.toLowerCase();
  const named = here.find((s) =>
    s.names.some(
      (n) =>
        n === host ||
        (n.startsWith('*.') && host.endsWith(n.slice(1))) ||
        (n.startsWith('.') && (host === n.slice(1) || host.endsWith(n))),
    ),
  );
  return named ?? here.find((s) => s.listens.some((l) => l.port === port && l.defaultServer)) ?? here[0]!;
}

export class NginxWorker {
  private connections = 0;

  constructor(private readonly w: Worker) {}

  /** The handler for one listening port. */
  handlerFor(port: number): HttpHandler {
    return (request, connection) => this.handle(port, request, connection);
  }

  private async handle(port: number, request: WireRequest, connection?: ConnectionInfo) {
    const conn = ++this.connections;
    const server = serverFor(this.w.conf.servers, port, request);
    const facts: RequestFacts = {
      request,
      uri: '/',
      args: '',
      remoteAddr: connection?.remoteAddress ?? '-',
      serverName: server.names[0] ?? '',
      serverPort: port,
      hostname: this.w.hostname,
      pid: this.w.pid,
      time: this.w.now(),
    };
    const c: ReplyContext = { request, now: facts.time, version: this.w.version, serverTokens: server.serverTokens };
    const parsed = parseRequestUri(request.url);
    let outcome: Outcome;
    if (!parsed.ok) outcome = { reply: specialReply(c, 400), scope: server };
    else {
      facts.uri = parsed.uri;
      facts.args = parsed.args;
      outcome = await this.run(server, facts, c, conn, 0);
    }
    const reply = outcome.reply;
    facts.status = reply.status;
    facts.bodyBytesSent = reply.body.length;
    facts.upstreamAddr = outcome.upstreamAddr;
    for (const log of outcome.scope.accessLogs) {
      const format = this.w.conf.logFormats.get(log.format) ?? this.w.conf.logFormats.get('combined')!;
      this.w.accessLog(log.path, expand(format, facts, '-') + '\n');
    }
    const headers = Object.fromEntries(reply.headers);
    const body = request.method === 'HEAD' ? undefined : reply.body;
    return { status: reply.status, headers, body };
  }

  private logError(message: string, facts: RequestFacts, conn: number, upstream?: string): void {
    const referrer = getHeader(facts.request, 'referer');
    const host = getHeader(facts.request, 'host');
    this.w.errorLog(
      'error',
      `*${conn} ${message}, client: ${facts.remoteAddr}, server: ${facts.serverName}, request: "${facts.request.method} ${facts.request.url} HTTP/1.1"` +
        (upstream ? `, upstream: "${upstream}"` : '') +
        (host ? `, host: "${host}"` : '') +
        (referrer ? `, referrer: "${referrer}"` : ''),
    );
  }

  /** Run the phases for `facts.uri`; `depth` counts internal redirects. */
  private async run(
    server: ServerConf,
    facts: RequestFacts,
    c: ReplyContext,
    conn: number,
    depth: number,
  ): Promise<Outcome> {
    if (depth > MAX_INTERNAL_REDIRECTS) {
      this.logError(
        `rewrite or internal redirection cycle while internally redirecting to "${facts.uri}"`,
        facts,
        conn,
      );
      return { reply: specialReply(c, 500), scope: server };
    }
    if (server.returns) return { reply: this.returned(server.returns, server, facts, c), scope: server };
    const loc = findLocation(server.locations, facts.uri);
    const scope: Scope = loc ?? server;
    c = { ...c, serverTokens: scope.serverTokens };
    const redirect = (uri: string) => this.run(server, { ...facts, uri, args: facts.args }, c, conn, depth + 1);

    let outcome: Outcome;
    if (loc?.returns) outcome = { reply: this.returned(loc.returns, scope, facts, c), scope };
    else if (loc?.proxyPass) outcome = await this.proxied(loc, facts, c, conn);
    else {
      const tryFiles = loc?.tryFiles ?? server.tryFiles;
      const tried = tryFiles ? this.tryFiles(tryFiles, loc ?? server, facts) : undefined;
      if (tried?.kind === 'redirect') return redirect(tried.uri);
      if (tried?.kind === 'status') outcome = { reply: specialReply(c, tried.status), scope };
      else outcome = await this.staticFile(loc ?? server, tried?.uri ?? facts.uri, facts, c, conn, redirect);
    }
    return this.withErrorPage(outcome, server, facts, c, conn, depth);
  }

  private returned(ret: { status: number; text?: string }, scope: Scope, facts: RequestFacts, c: ReplyContext): Reply {
    const text = ret.text === undefined ? undefined : expand(ret.text, facts);
    if ([301, 302, 303, 307, 308].includes(ret.status)) {
      return withAddedHeaders(specialReply(c, ret.status, text), scope.addHeaders);
    }
    if (text === undefined) return specialReply(c, ret.status);
    return withAddedHeaders(textReply(c, ret.status, text, scope.defaultType), scope.addHeaders);
  }

  private tryFiles(
    list: readonly string[],
    where: Scope & Partial<LocationConf>,
    facts: RequestFacts,
  ): { kind: 'serve'; uri: string } | { kind: 'redirect'; uri: string } | { kind: 'status'; status: number } {
    for (const candidate of list.slice(0, -1)) {
      const uri = expand(candidate, facts);
      const path = where.root.replace(/\/$/, '') + uri;
      if (uri.endsWith('/') ? this.isType(path, 'dir') : this.isType(path, 'file')) return { kind: 'serve', uri };
    }
    const last = list[list.length - 1]!;
    if (/^=\d{3}$/.test(last)) return { kind: 'status', status: Number(last.slice(1)) };
    return { kind: 'redirect', uri: expand(last, facts) };
  }

  private isType(path: string, type: 'file' | 'dir'): boolean {
    try {
      return this.w.fs.stat(path).type === type;
    } catch {
      return false;
    }
  }

  private async staticFile(
    where: Scope & Partial<LocationConf>,
    uri: string,
    facts: RequestFacts,
    c: ReplyContext,
    conn: number,
    redirect: (uri: string) => Promise<Outcome>,
  ): Promise<Outcome> {
    const method = facts.request.method;
    if (!['GET', 'HEAD', 'POST'].includes(method)) return { reply: specialReply(c, 405), scope: where };
    const found = resolveStatic(this.w.fs, where, uri);
    switch (found.kind) {
      case 'index':
        return redirect(found.uri);
      case 'slash': {
        const port = facts.serverPort === 80 ? '' : `:${facts.serverPort}`;
        const location = `http://${hostOf(facts)}${port}${uri}/${facts.args ? `?${facts.args}` : ''}`;
        return { reply: withAddedHeaders(specialReply(c, 301, location), where.addHeaders), scope: where };
      }
      case 'listing':
        return { reply: textReply(c, 200, autoindexPage(this.w.fs, found.path, uri), 'text/html'), scope: where };
      case 'error':
        if (found.log) this.logError(found.log, facts, conn);
        return { reply: specialReply(c, found.status), scope: where };
      case 'file': {
        if (method === 'POST') return { reply: specialReply(c, 405), scope: where };
        const content: Bytes = this.w.fs.readFile(found.path);
        const reply = fileReply(c, found.stats, content, contentTypeOf(found.path, where));
        return { reply: withAddedHeaders(reply, where.addHeaders), scope: where };
      }
    }
  }

  private async proxied(loc: LocationConf, facts: RequestFacts, c: ReplyContext, conn: number): Promise<Outcome> {
    const result = await forward(this.w.net, this.w.upstreams, loc, facts);
    if (!result.ok) {
      this.logError(result.log, facts, conn, `http://${result.upstreamAddr}${facts.request.url}`);
      return { reply: specialReply(c, result.status), scope: loc, upstreamAddr: result.upstreamAddr };
    }
    const headers: [string, string][] = [
      ['Server', c.serverTokens ? `nginx/${c.version}` : 'nginx'],
      ['Date', specialReply(c, 204).headers[1]![1]],
      ...passedHeaders(result.response),
    ];
    headers.splice(3, 0, ['Content-Length', String(result.body.length)]);
    headers.push(['Connection', 'keep-alive']);
    const reply = withAddedHeaders({ status: result.response.status, headers, body: result.body }, loc.addHeaders);
    return { reply, scope: loc, upstreamAddr: result.upstreamAddr };
  }

  /** `error_page 404 /404.html;`: serve that URI instead, keeping the error status (or `=code`). */
  private async withErrorPage(
    outcome: Outcome,
    server: ServerConf,
    facts: RequestFacts,
    c: ReplyContext,
    conn: number,
    depth: number,
  ): Promise<Outcome> {
    const page = outcome.reply.status >= 300 ? outcome.scope.errorPages.get(outcome.reply.status) : undefined;
    if (!page || depth > 0) return outcome;
    if (/^https?:\/\//.test(page.uri)) return { ...outcome, reply: specialReply(c, 302, page.uri) };
    const get = { ...facts, request: { ...facts.request, method: facts.request.method === 'HEAD' ? 'HEAD' : 'GET' } };
    const served = await this.run(server, { ...get, uri: page.uri, args: '' }, c, conn, depth + 1);
    if (served.reply.status !== 200) return outcome;
    const status = page.status ?? outcome.reply.status;
    return {
      ...served,
      reply: {
        ...served.reply,
        status,
        headers: served.reply.headers.filter(([k]) => k !== 'ETag' && k !== 'Last-Modified' && k !== 'Accept-Ranges'),
      },
    };
  }
}
