// Where `curl` on the laptop goes. Two kinds of address matter in Docker's story:
//
//   --unix-socket /var/run/docker.sock http://localhost/v1.50/containers/json
//        the Docker Engine API by hand: the same request the docker CLI would send, carried by the
//        world's network from the laptop's client to its daemon, traced like any docker command.
//   http://localhost:8080/ (or http://cloud-vm:8080/)
//        a port a daemon published (`docker run -p 8080:80 nginx`): the request crosses to that
//        host and the daemon hands it to the container's listener — `curl: (7) …` when nothing
//        is published there.
import { readBody, type WireRequest, type WireResponse } from '../../engine/wire/message';
import { HttpHookError, type HttpRequest } from '../../engine/laptop/shell-state';
import { clientEndpoint, isDaemonHost, type DaemonHost } from '../world/layout';
import type { World } from '../world/world';
import { NetworkError } from '../network/network';
import type { Endpoint } from '../trace/types';
import { publishedPortHandler } from './published-ports';

const DOCKER_SOCKET = '/var/run/docker.sock';

/** The endpoint that stands for "whatever listens on this host's published ports". */
const portsEndpoint = (host: DaemonHost): Endpoint => ({ host, role: 'container' });

export class HttpRouter {
  constructor(
    private readonly world: World,
    private readonly options: { terminal: string; host: DaemonHost },
  ) {
    for (const host of world.daemons.keys()) {
      world.network.attach(portsEndpoint(host), (request) => publishedPortHandler(world, host)(request));
    }
  }

  /** One exchange for curl; the response body is read whole (curl prints it at once). */
  async exchange(request: HttpRequest, line: string, signal?: AbortSignal): Promise<WireResponse> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      throw new HttpHookError('resolve', `Could not resolve host: ${request.url}`);
    }
    const wire: WireRequest = {
      method: request.method,
      url: `${url.pathname}${url.search}`,
      headers: request.headers,
      ...(request.body ? { body: request.body } : {}),
    };
    if (request.unixSocket !== undefined) return this.#toDaemon(request.unixSocket, wire, line, url);
    return this.#toPublishedPort(url, wire, signal);
  }

  async #toDaemon(socket: string, request: WireRequest, line: string, url: URL): Promise<WireResponse> {
    if (socket !== DOCKER_SOCKET) {
      throw new HttpHookError('connect', `Failed to connect to ${url.hostname} port ${url.port || 80}`);
    }
    let answer: WireResponse | undefined;
    const result = await this.world.run(
      async (api) => {
        const response = await api.exchange(request);
        answer = { ...response, body: await readBody(response.body) };
        return response.status < 400 ? 0 : 22;
      },
      { terminal: this.options.terminal, line, daemon: this.options.host },
    );
    if (!answer) throw new HttpHookError('connect', result.error ?? `Failed to connect to ${url.hostname} port 80`);
    return answer;
  }

  async #toPublishedPort(url: URL, request: WireRequest, signal?: AbortSignal): Promise<WireResponse> {
    const name = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const loopback = name === 'localhost' || /^127\./.test(name) || name === '::1' || name === '0.0.0.0';
    const target = loopback ? this.options.host : name;
    if (!isDaemonHost(target)) throw new HttpHookError('resolve', `Could not resolve host: ${url.hostname}`);
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    const sending = this.world.network.send({
      from: clientEndpoint(this.options.host),
      to: portsEndpoint(target),
      request: { ...request, headers: { ...request.headers, Host: `${url.hostname}:${port}` } },
      dialled: `${url.hostname}:${port}`,
    });
    try {
      const response = await this.world.driver.until(abortable(sending, signal));
      return { ...response, body: await readBody(response.body) };
    } catch (err) {
      if (!(err instanceof NetworkError)) throw err;
      const reason = err.kind === 'unknown-host' ? 'resolve' : err.kind === 'timeout' ? 'timeout' : 'connect';
      throw new HttpHookError(reason, err.message);
    }
  }
}

function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new HttpHookError('timeout', 'Operation aborted'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
