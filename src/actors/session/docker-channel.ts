// How a docker command typed in a terminal reaches a daemon of the world. The docker CLI (the
// engine's `runDocker`) decides which daemon it talks to — `-H`, `DOCKER_HOST`, `--context`, the
// current context — and then asks `connect(host)` for a channel. Here that channel is the world:
// the first request the CLI sends starts one world command on the terminal's client actor, aimed
// at the daemon the address names, and every request of that CLI run travels in it through the
// network (traced, paced, animated). A CLI run that sends nothing (`--help`, a bad flag) starts no
// command at all, as a real CLI makes no traffic then.
//
//   unix:///var/run/docker.sock         the daemon of the terminal's own machine
//   tcp://cloud-vm:2376 (or :2375)      the daemon on cloud-vm (and onprem-1 likewise)
//   tcp://laptop:2375, tcp://localhost  nothing listens: `Cannot connect to the Docker daemon at …`
//   tcp://nosuch:2375                   `error during connect: … lookup nosuch: no such host`
import { ConnectError, DaemonUnreachableError as ClientUnreachable, type DockerApi } from '../../engine/client';
import type { WireRequest, WireResponse } from '../../engine/wire/message';
import { DaemonUnreachableError } from '../machines/client-runner';
import type { ClientApi, CommandResult } from '../machines/client-runner';
import { isDaemonHost, type DaemonHost } from '../world/layout';
import type { World } from '../world/world';

/** The ports a remote daemon of the world listens on (plain and TLS, as dockerd is usually set up). */
const DAEMON_PORTS = new Set(['2375', '2376']);

export type DaemonTarget = { daemon: DaemonHost } | { unreachable: true } | { unknownHost: string };

/** Which daemon of the world a DOCKER_HOST address reaches, from a terminal on `clientHost`. */
export function daemonOfAddress(address: string, clientHost: DaemonHost): DaemonTarget {
  if (address.startsWith('unix://')) {
    return address === 'unix:///var/run/docker.sock' ? { daemon: clientHost } : { unreachable: true };
  }
  const tcp = /^tcp:\/\/(\[[^\]]*\]|[^:/]*)(?::(\d+))?/.exec(address);
  if (!tcp) return { unreachable: true };
  const name = tcp[1]!.toLowerCase();
  const port = tcp[2] ?? '2375';
  const loopback = name === 'localhost' || name === '' || /^127\./.test(name) || name === '[::1]';
  if (loopback || name === clientHost) return { unreachable: true };
  if (isDaemonHost(name)) return DAEMON_PORTS.has(port) ? { daemon: name } : { unreachable: true };
  return { unknownHost: name };
}

/** Go's spelling of the method in a url.Error (`Get "http://…"`). */
function goMethod(method: string): string {
  const m = method.toUpperCase();
  return m.charAt(0) + m.slice(1).toLowerCase();
}

export interface ChannelOptions {
  terminal: string;
  /** The machine the terminal is on. */
  host: DaemonHost;
  /** The line as typed, for the stage and the trace. */
  line: string;
}

/** One CLI run's way into the world; `finish` ends the world command it may have started. */
export class DockerChannel {
  #api: Promise<ClientApi> | undefined;
  #daemon: DaemonHost | undefined;
  #finish: ((code: number) => void) | undefined;
  #result: Promise<CommandResult> | undefined;

  constructor(
    private readonly world: World,
    private readonly options: ChannelOptions,
  ) {}

  /** The world command this run started, once it has finished (undefined if it sent nothing). */
  get result(): Promise<CommandResult> | undefined {
    return this.#result;
  }

  connect = (address: string): DockerApi => ({
    request: async (request: WireRequest): Promise<WireResponse> => {
      const target = daemonOfAddress(address, this.options.host);
      if ('unreachable' in target) throw new ClientUnreachable(address);
      if ('unknownHost' in target) {
        const port = /:(\d+)/.exec(address.slice('tcp://'.length))?.[1] ?? '2375';
        throw new ConnectError(
          `${goMethod(request.method)} "http://${target.unknownHost}:${port}${request.url}": dial tcp: lookup ${target.unknownHost}: no such host`,
        );
      }
      const api = await this.#start(target.daemon);
      try {
        return await api.exchange(request);
      } catch (err) {
        if (err instanceof DaemonUnreachableError) throw new ClientUnreachable(address);
        throw err;
      }
    },
  });

  #start(daemon: DaemonHost): Promise<ClientApi> {
    if (this.#api) {
      if (daemon !== this.#daemon) throw new Error(`one docker command talks to one daemon (${this.#daemon})`);
      return this.#api;
    }
    this.#daemon = daemon;
    const finished = new Promise<number>((resolve) => (this.#finish = resolve));
    this.#api = new Promise<ClientApi>((resolve) => {
      this.#result = this.world.run(
        async (api) => {
          resolve(api);
          return finished;
        },
        { terminal: this.options.terminal, line: this.options.line, daemon },
      );
    });
    return this.#api;
  }

  /** The CLI run is over with `exitCode`: end its world command and wait for it to settle. */
  async finish(exitCode: number): Promise<void> {
    this.#finish?.(exitCode);
    await this.#result;
  }
}
