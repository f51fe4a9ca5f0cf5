// `python3 -m http.server [port]`: Python's SimpleHTTPRequestHandler serving the working directory
// (or `--directory`). It logs every request to stderr as
// `172.17.0.1 - - [20/Feb/2025 10:00:00] "GET / HTTP/1.1" 200 -`, lists directories without an
// index.html, redirects a directory without its slash, and answers errors with its own HTML page.
import { utf8, type Bytes } from '../../../bytes';
import type { Overlay } from '../../../layer/overlay';
import type { ConnectionInfo, ProcessContext } from '../../contract';
import type { WireRequest, WireResponse } from '../../../wire/message';
import { httpDate, pythonLogTime } from '../log-time';

const TYPES: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  txt: 'text/plain',
  css: 'text/css',
  js: 'text/javascript',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  py: 'text/x-python',
  md: 'text/markdown',
  xml: 'text/xml',
  pdf: 'application/pdf',
  ico: 'image/vnd.microsoft.icon',
  sh: 'application/x-sh',
  csv: 'text/csv',
  wasm: 'application/wasm',
};

const EXPLAIN: Record<number, [string, string]> = {
  404: ['File not found', 'Nothing matches the given URI'],
  501: ['Unsupported method', 'Server does not support this operation'],
  400: ['Bad request', 'Bad request syntax or unsupported method'],
};

function errorPage(code: number, message: string, explain: string): string {
  return `<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: ${code}</p>
        <p>Message: ${message}.</p>
        <p>Error code explanation: ${code} - ${explain}.</p>
    </body>
</html>
`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function listing(fs: Overlay, dir: string, uri: string): string {
  const names = fs
    .readdir(dir)
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
  const items = names.map((name) => {
    const full = `${dir.replace(/\/$/, '')}/${name}`;
    const isLink = fs.lstat(full).type === 'symlink';
    const isDir = fs.exists(full) && fs.stat(full).type === 'dir';
    // As list_directory does: a directory gets "/", a symbolic link "@" (in the text, not the link).
    const shown = isLink ? `${name}@` : isDir ? `${name}/` : name;
    const href = encodeURI(isDir ? `${name}/` : name);
    return `<li><a href="${href}">${escapeHtml(shown)}</a></li>\n`;
  });
  const title = `Directory listing for ${escapeHtml(uri)}`;
  return `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n<h1>${title}</h1>\n<hr>\n<ul>\n${items.join('')}</ul>\n<hr>\n</body>\n</html>\n`;
}

export class SimpleHttpServer {
  constructor(
    private readonly ctx: ProcessContext,
    private readonly root: string,
    private readonly version: string,
  ) {}

  private log(client: string, message: string): void {
    this.ctx.stderr.write(`${client} - - [${pythonLogTime(this.ctx.clock.now())}] ${message}\n`);
  }

  async handle(request: WireRequest, connection?: ConnectionInfo): Promise<WireResponse> {
    const client = connection?.remoteAddress ?? '-';
    const line = `"${request.method} ${request.url} HTTP/1.1"`;
    const base = { Server: `SimpleHTTP/0.6 Python/${this.version}`, Date: httpDate(this.ctx.clock.now()) };
    const fail = (code: number, message = EXPLAIN[code]![0]): WireResponse => {
      const body = utf8(errorPage(code, message, EXPLAIN[code]![1]));
      this.log(client, `code ${code}, message ${message}`);
      this.log(client, `${line} ${code} -`);
      const headers = {
        ...base,
        Connection: 'close',
        'Content-Type': 'text/html;charset=utf-8',
        'Content-Length': String(body.length),
      };
      return { status: code, headers, body: request.method === 'HEAD' ? undefined : body };
    };
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return fail(501, `Unsupported method ('${request.method}')`);
    const [rawPath = '/', query] = request.url.split('?');
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      path = rawPath;
    }
    const parts = path.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
    const file = `${this.root.replace(/\/$/, '')}/${parts.join('/')}`.replace(/\/$/, '') || '/';
    let stats;
    try {
      stats = this.ctx.fs.stat(file);
    } catch {
      return fail(404);
    }
    let body: Bytes;
    let served = file;
    if (stats.type === 'dir') {
      if (!path.endsWith('/')) {
        const location = `${rawPath}/${query !== undefined ? `?${query}` : ''}`;
        this.log(client, `${line} 301 -`);
        return { status: 301, headers: { ...base, Location: location, 'Content-Length': '0' } };
      }
      const index = ['index.html', 'index.htm']
        .map((n) => `${file.replace(/\/$/, '')}/${n}`)
        .find((p) => this.ctx.fs.exists(p));
      if (index === undefined) {
        body = utf8(listing(this.ctx.fs, file, path));
        this.log(client, `${line} 200 -`);
        const headers = { ...base, 'Content-type': 'text/html; charset=utf-8', 'Content-Length': String(body.length) };
        return { status: 200, headers, body: request.method === 'HEAD' ? undefined : body };
      }
      served = index;
      stats = this.ctx.fs.stat(index);
    }
    body = this.ctx.fs.readFile(served);
    const ext = served.slice(served.lastIndexOf('.') + 1).toLowerCase();
    const type = served.includes('.') ? (TYPES[ext] ?? 'application/octet-stream') : 'application/octet-stream';
    this.log(client, `${line} 200 -`);
    const headers = {
      ...base,
      'Content-type': type,
      'Content-Length': String(body.length),
      'Last-Modified': httpDate(stats.mtime * 1000),
    };
    return { status: 200, headers, body: request.method === 'HEAD' ? undefined : body };
  }
}
