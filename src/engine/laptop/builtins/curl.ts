// `curl`, the student's way to talk HTTP by hand: to a port a container published
// (`curl localhost:8080`), or to the Docker daemon itself through its socket —
// `curl --unix-socket /var/run/docker.sock http://localhost/v1.50/containers/json` returns the very
// JSON the docker CLI reads. The request is built as curl 8 builds it (Host, User-Agent, Accept;
// `-d` makes a form POST) and carried by the shell's http hook; the answer is printed as curl
// prints it: the body; with `-i` the status line and headers first; with `-I` only those; with
// `-v` the conversation on stderr, `>` lines sent and `<` lines received. Failures are curl's:
// `curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server`,
// `curl: (6) Could not resolve host: nope`, `curl: (22) The requested URL returned error: 404`.
import type { Bytes } from '../../bytes';
import { concatBytes, utf8 } from '../../bytes';
import { isStream, type WireResponse } from '../../wire/message';
import { isLaptopFileError } from '../file-errors';
import { readOrAbort } from '../shell-io';
import type { Builtin, CommandContext, HttpRequest } from '../shell-state';
import { type CurlOptions, parseCurlArgs, TRY_HELP } from './curl-options';
import { writeText } from './options';

export const CURL_VERSION = '8.5.0';
const MAX_REDIRECTS = 50;

const REASONS: Readonly<Record<number, string>> = {
  100: 'Continue',
  101: 'Switching Protocols',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  206: 'Partial Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  416: 'Range Not Satisfiable',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** A failure curl reports as `curl: (N) message`. */
class CurlFailure extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

interface Target {
  url: URL;
  /** `localhost:8080` (the port only when not the scheme's default). */
  hostHeader: string;
  port: number;
}

function target(text: string): Target {
  const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new CurlFailure(3, 'URL rejected: Malformed input to a URL function');
  }
  const scheme = url.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https') throw new CurlFailure(1, `Protocol "${scheme}" not supported`);
  if (url.hostname === '') throw new CurlFailure(3, 'URL rejected: No host part in the URL');
  const port = url.port ? Number(url.port) : scheme === 'https' ? 443 : 80;
  return { url, hostHeader: url.host, port };
}

/** The request body of `-d` options (`@file` reads a file, newlines dropped as curl does). */
function bodyOf(options: CurlOptions, ctx: CommandContext): Bytes | undefined {
  if (options.data.length === 0) return undefined;
  const parts = options.data.map(({ value, raw }) => {
    if (raw || !value.startsWith('@')) return value;
    const name = value.slice(1);
    try {
      return ctx.shell.files.readText(ctx.shell.resolve(name)).replace(/[\r\n]/g, '');
    } catch (err) {
      if (!isLaptopFileError(err)) throw err;
      writeText(ctx.io.err, `Warning: Couldn't read data from file "${name}", this makes an empty POST.\n`);
      return '';
    }
  });
  return utf8(parts.join('&'));
}

function buildRequest(options: CurlOptions, where: Target, body: Bytes | undefined): HttpRequest {
  const headers: Record<string, string> = {
    Host: where.hostHeader,
    'User-Agent': `curl/${CURL_VERSION}`,
    Accept: '*/*',
  };
  if (body) {
    headers['Content-Length'] = String(body.length);
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  for (const line of options.headers) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    const existing = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
    if (existing) delete headers[existing];
    if (value !== '' || line.trimEnd().endsWith(';')) headers[name] = value;
  }
  const method = options.method ?? (options.head ? 'HEAD' : body ? 'POST' : 'GET');
  return {
    method,
    url: where.url.href,
    headers,
    ...(body ? { body } : {}),
    ...(options.unixSocket !== undefined ? { unixSocket: options.unixSocket } : {}),
  };
}

function failureOf(err: unknown, where: Target, options: CurlOptions): CurlFailure {
  if (err instanceof CurlFailure) return err;
  const code = (err as { code?: unknown; name?: unknown } | undefined)?.code;
  const name = (err as { name?: unknown } | undefined)?.name;
  const host = where.url.hostname;
  if (code === 'resolve' || code === 'ENOTFOUND' || (name === 'ConnectError' && /no such host/.test(String(err)))) {
    if (options.unixSocket === undefined) return new CurlFailure(6, `Could not resolve host: ${host}`);
  }
  if (code === 'timeout')
    return new CurlFailure(28, `Failed to connect to ${host} port ${where.port} after 0 ms: Timeout was reached`);
  return new CurlFailure(7, `Failed to connect to ${host} port ${where.port} after 0 ms: Couldn't connect to server`);
}

function statusLine(response: WireResponse): string {
  return `HTTP/1.1 ${response.status} ${REASONS[response.status] ?? ''}`.trimEnd();
}

function headerLines(response: WireResponse): string[] {
  return [statusLine(response), ...Object.entries(response.headers).map(([k, v]) => `${k}: ${v}`)];
}

export const curl: Builtin = async (args, ctx) => {
  const { io } = ctx;
  const options = parseCurlArgs(args);
  if (typeof options === 'string') {
    writeText(io.err, options);
    return 2;
  }
  if (options.url === undefined) {
    writeText(io.err, `curl: no URL specified\n${TRY_HELP}`);
    return 2;
  }
  const complain = (failure: CurlFailure) => {
    if (!options.silent || options.showError) writeText(io.err, `curl: (${failure.exitCode}) ${failure.message}\n`);
    return failure.exitCode;
  };
  let where: Target;
  try {
    where = target(options.url);
  } catch (err) {
    return complain(failureOf(err, { url: new URL('http://localhost'), hostHeader: '', port: 80 }, options));
  }
  let request = buildRequest(options, where, bodyOf(options, ctx));
  const verbose = (text: string) => options.verbose && writeText(io.err, text);
  for (let redirects = 0; ; redirects++) {
    if (io.signal?.aborted) return 130;
    const socket = options.unixSocket;
    verbose(
      socket !== undefined ? `*   Trying ${socket}:0...\n` : `*   Trying ${where.url.hostname}:${where.port}...\n`,
    );
    let response: WireResponse;
    try {
      response = await ctx.shell.hooks.http(request, io.signal);
    } catch (err) {
      if (io.signal?.aborted) return 130;
      verbose(`* connect to ${where.url.hostname} port ${where.port} failed: Connection refused\n`);
      return complain(failureOf(err, where, options));
    }
    const path = `${where.url.pathname}${where.url.search}`;
    verbose(`* Connected to ${where.url.hostname} (${socket ?? where.url.hostname}) port ${where.port}\n`);
    verbose(
      [`${request.method} ${path} HTTP/1.1`, ...Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`), '']
        .map((l) => `> ${l}\r\n`)
        .join(''),
    );
    verbose([...headerLines(response), ''].map((l) => `< ${l}\r\n`).join(''));
    const location = Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'location')?.[1];
    if (options.location && location && response.status >= 300 && response.status < 400) {
      if (redirects >= MAX_REDIRECTS)
        return complain(new CurlFailure(47, `Maximum (${MAX_REDIRECTS}) redirects followed`));
      if (options.include) writeText(io.out, [...headerLines(response), ''].map((l) => `${l}\r\n`).join(''));
      verbose(`* Issue another request to this URL: '${new URL(location, where.url).href}'\n`);
      try {
        where = target(new URL(location, where.url).href);
      } catch (err) {
        return complain(failureOf(err, where, options));
      }
      const keepBody = response.status === 307 || response.status === 308;
      request = buildRequest(
        keepBody ? options : { ...options, data: [], method: options.method === 'POST' ? undefined : options.method },
        where,
        keepBody ? request.body : undefined,
      );
      continue;
    }
    if (options.fail && response.status >= 400) {
      return complain(new CurlFailure(22, `The requested URL returned error: ${response.status}`));
    }
    if (options.include || options.head)
      writeText(io.out, [...headerLines(response), ''].map((l) => `${l}\r\n`).join(''));
    if (options.head) return 0;
    const status = await writeBody(response, options, ctx);
    verbose(`* Connection #0 to host ${where.url.hostname} left intact\n`);
    return status;
  }
};

async function writeBody(response: WireResponse, options: CurlOptions, ctx: CommandContext): Promise<number> {
  const { io, shell } = ctx;
  const toFile = options.output !== undefined && options.output !== '-';
  const kept: Bytes[] = [];
  const emit = (chunk: Bytes) => (toFile ? kept.push(chunk) : io.out.write(chunk));
  const body = response.body;
  if (body !== undefined && isStream(body)) {
    const iterator = body[Symbol.asyncIterator]();
    const reader = { isTerminal: false, read: async () => (await iterator.next()).value as Bytes | undefined };
    for (
      let chunk = await readOrAbort(reader, io.signal);
      chunk !== undefined;
      chunk = await readOrAbort(reader, io.signal)
    )
      emit(chunk);
    if (io.signal?.aborted) {
      void iterator.return?.();
      return 130;
    }
  } else if (body !== undefined) emit(body);
  if (!toFile) return 0;
  try {
    shell.files.writeFile(shell.resolve(options.output as string), concatBytes(kept));
    return 0;
  } catch (err) {
    if (!isLaptopFileError(err)) throw err;
    if (!options.silent || options.showError) {
      writeText(
        io.err,
        `Warning: Failed to open the file ${options.output}: ${err.reason}\ncurl: (23) Failure writing output to destination\n`,
      );
    }
    return 23;
  }
}
