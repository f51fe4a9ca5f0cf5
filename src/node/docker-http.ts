// Our docker client's way to a real daemon: HTTP over TCP (`DOCKER_HOST=tcp://127.0.0.1:2375`) or
// a unix socket (`unix:///var/run/docker.sock`), with Node's http module. Responses stream (pull
// progress, logs); a request that asks to upgrade (`Upgrade: tcp`, for attach and exec) becomes
// the raw two-way connection the daemon hijacks: its bytes down as the response body, the
// request's `upgrade` bytes (the container's stdin) up.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Bytes } from '../engine/bytes';
import { ConnectError, DaemonUnreachableError, type DockerApi } from '../engine/client/api/docker-api';
import type { Headers, WireRequest, WireResponse } from '../engine/wire/message';
import { isStream } from '../engine/wire/message';

interface Target {
  host?: string;
  port?: number;
  socketPath?: string;
  label: string;
}

function targetOf(dockerHost: string): Target {
  if (dockerHost.startsWith('unix://'))
    return { socketPath: dockerHost.slice('unix://'.length), label: 'api.moby.localhost' };
  const address = dockerHost.replace(/^tcp:\/\//, '');
  const m = /^\[?([^\]]*?)\]?:(\d+)$/.exec(address);
  const host = m ? m[1]! : address;
  const port = m ? Number(m[2]) : 2375;
  return { host, port, label: `${host}:${port}` };
}

function headersOf(message: IncomingMessage): Headers {
  const headers: Headers = {};
  for (let i = 0; i < message.rawHeaders.length; i += 2) {
    const name = message.rawHeaders[i]!;
    headers[name] =
      headers[name] === undefined ? message.rawHeaders[i + 1]! : `${headers[name]}, ${message.rawHeaders[i + 1]!}`;
  }
  return headers;
}

async function* chunksOf(source: AsyncIterable<Buffer | string>, first?: Buffer): AsyncGenerator<Bytes> {
  if (first && first.length > 0) yield new Uint8Array(first) as Bytes;
  for await (const chunk of source) {
    yield (typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk)) as Bytes;
  }
}

async function pumpUpstream(socket: Socket, upgrade: AsyncIterable<Bytes> | undefined): Promise<void> {
  if (!upgrade) return;
  try {
    for await (const chunk of upgrade) {
      if (socket.destroyed) return;
      socket.write(chunk);
    }
    // The client's stdin ended: close our half, as the docker CLI does (CloseWrite).
    if (!socket.destroyed) socket.end();
  } catch {
    socket.destroy();
  }
}

/** A DockerApi speaking real HTTP to the daemon at `dockerHost`. */
export function httpDockerApi(dockerHost: string): DockerApi {
  const target = targetOf(dockerHost);
  return {
    request(req: WireRequest): Promise<WireResponse> {
      return new Promise<WireResponse>((resolve, reject) => {
        const outgoing = httpRequest({
          method: req.method,
          path: req.url,
          headers: { Host: target.label, ...req.headers },
          ...(target.socketPath ? { socketPath: target.socketPath } : { host: target.host, port: target.port }),
        });
        outgoing.on('error', (err: NodeJS.ErrnoException) => {
          if (err.code === 'ECONNREFUSED' || err.code === 'ENOENT' || err.code === 'ECONNRESET') {
            reject(new DaemonUnreachableError(err.message));
          } else if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') {
            const verb = req.method.charAt(0) + req.method.slice(1).toLowerCase();
            reject(
              new ConnectError(
                `${verb} "http://${target.label}${req.url}": dial tcp: lookup ${target.host}: no such host`,
              ),
            );
          } else reject(new ConnectError(err.message));
        });
        outgoing.on('upgrade', (res, socket, head) => {
          void pumpUpstream(socket, req.upgrade);
          resolve({ status: res.statusCode ?? 101, headers: headersOf(res), body: chunksOf(socket, head) });
        });
        outgoing.on('response', (res) => {
          resolve({ status: res.statusCode ?? 0, headers: headersOf(res), body: chunksOf(res) });
        });
        const body = req.body;
        if (body === undefined) outgoing.end();
        else if (!isStream(body)) outgoing.end(body);
        else {
          void (async () => {
            for await (const chunk of body) outgoing.write(chunk);
            outgoing.end();
          })().catch((err: unknown) => outgoing.destroy(err as Error));
        }
      });
    },
  };
}
