// A transparent HTTP proxy that records every exchange (method, path, status), so a conformance
// suite can compare the conversation a real client has with the reference registry and with ours.
import { createServer, request as httpRequest } from 'node:http';

export interface LoggingProxy {
  host: string;
  /** Exchanges since the last `take()`, as `METHOD /path → status`. */
  take(): string[];
  close(): Promise<void>;
}

export async function startLoggingProxy(target: string): Promise<LoggingProxy> {
  let log: string[] = [];
  const [targetHost, targetPort] = target.split(':') as [string, string];
  const server = createServer((req, res) => {
    const upstream = httpRequest(
      { host: targetHost, port: Number(targetPort), method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        log.push(`${req.method} ${req.url} → ${answer.statusCode}`);
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      res.writeHead(502);
      res.end(String(err));
    });
    req.pipe(upstream);
  });
  // Let the TLS probe of Go clients reach the upstream's answer shape: a plain 400.
  server.on('clientError', (_e, socket) => socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    host: `127.0.0.1:${port}`,
    take() {
      const out = log;
      log = [];
      return out;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
