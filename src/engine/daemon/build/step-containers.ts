// The classic builder's intermediate containers (moby `containerbackend.go` containerManager).
// Every RUN — and every metadata step, ENV, CMD, LABEL… — happens in a container of the daemon's
// own, as real as one `docker run` makes: it gets an ID and a generated name, shows in
// `docker ps -a` while it exists, and sends `create`, `start`, `die`, `destroy` events.
//
//    ---> Running in 38d7c34c2178                      created (RUN then starts it, attached:
//   hello                                              its output is the build's output)
//    ---> Removed intermediate container 38d7c34c2178  removed once the step has been committed
//
// Removal follows `rm` and `forcerm`: with `rm` (the default) after a step that succeeded, with
// `forcerm` after every step, failed or not. A failed step's container is left behind otherwise —
// `docker ps -a` shows it `Exited (1)`, as Docker leaves it for the user to inspect.
import type { Digest } from '../../digest';
import { emptySnapshot } from '../../layer/snapshot';
import { DaemonError } from '../api/errors';
import { Container } from '../containers/container';
import { logContainerEvent } from '../containers/container-events';
import type { CreateHostConfig } from '../containers/create-body';
import { commandLine } from '../containers/merge-config';
import { generateName } from '../containers/names';
import { removeContainer } from '../containers/remove';
import type { ContainerService } from '../containers/service';
import { runContainer, startFailureMessage } from '../containers/start';
import type { BuildOutput } from './output';
import type { RunConfig } from './run-config';

/** A step's command exited with a non-zero status. */
export class StepExitError extends Error {
  override name = 'StepExitError';
  constructor(
    readonly exitCode: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export interface StepHostOptions {
  networkMode: string;
  shmSize: number;
  memory: number;
  extraHosts: string[];
}

export class StepContainers {
  private readonly temporary = new Map<string, Container>();

  constructor(
    private readonly svc: ContainerService,
    private readonly out: BuildOutput,
    private readonly host: StepHostOptions,
  ) {}

  /**
   * Create a container for a step on image `imageId` ('' after FROM scratch). Like dockerd's
   * create, it fills an empty Hostname in `config` with the short ID — in the very object given,
   * which is why a metadata step's container_config carries it.
   */
  async create(config: RunConfig, imageId: Digest | ''): Promise<Container> {
    const svc = this.svc;
    const image = imageId === '' ? undefined : svc.ctx.store.get(imageId);
    if (imageId !== '' && !image) throw DaemonError.notFound(`No such image: ${imageId}`);
    const id = svc.ids.nextId();
    if (config.Hostname === '') config.Hostname = id.slice(0, 12);
    const name = generateName(svc.ids, id, (n) => svc.store.holderOf(n) !== undefined);
    const { path, args } = commandLine(config);
    const container = new Container({
      id,
      name,
      created: svc.now(),
      imageId: imageId as Digest,
      config: { ...config },
      hostConfig: this.hostConfig(),
      networkingConfig: null,
      path,
      args,
      image: image ? await svc.ctx.store.snapshot(image.id) : emptySnapshot(),
      layerCount: image?.layers.length ?? 0,
      mountId: svc.ids.nextId(),
      now: () => svc.now(),
    });
    svc.store.add(container);
    this.temporary.set(id, container);
    logContainerEvent(svc.ctx.events, container, 'create');
    this.out.stdout(` ---> Running in ${id.slice(0, 12)}\n`);
    return container;
  }

  /** Start it attached, wait for it to end; a non-zero exit throws StepExitError. */
  async run(container: Container): Promise<void> {
    if ((container.imageId as string) === '') {
      throw DaemonError.invalidParameter(
        startFailureMessage(
          `exec: ${JSON.stringify(container.path)}: stat ${container.path}: no such file or directory`,
        ),
      );
    }
    const ended = container.waiters.wait('next-exit', false, () => container.waitResult()).result;
    const detach = container.output.attach({
      data: (stream, bytes) => (stream === 'stderr' ? this.out.stderr(bytes) : this.out.stdout(bytes)),
      end: () => {},
    });
    try {
      await runContainer(this.svc, container, true);
      const result = await ended;
      if (result.StatusCode !== 0) throw new StepExitError(result.StatusCode, result.Error?.Message ?? '');
    } finally {
      detach();
    }
  }

  /** Remove every container made so far (moby RemoveAll), saying so for each. */
  async removeAll(): Promise<void> {
    for (const [id, container] of [...this.temporary]) {
      try {
        await removeContainer(this.svc, container, { force: true, volumes: true, given: id });
      } catch (err) {
        if (!(err instanceof DaemonError && err.status === 404)) {
          this.out.stdout(`Removing intermediate container ${id.slice(0, 12)}: ${(err as Error).message}\n`);
          continue;
        }
      }
      this.temporary.delete(id);
      this.out.stdout(` ---> Removed intermediate container ${id.slice(0, 12)}\n`);
    }
  }

  /** The HostConfig of a step container (moby hostConfigFromOptions): no logging, the build's network. */
  private hostConfig(): CreateHostConfig {
    const { networkMode, shmSize, memory, extraHosts } = this.host;
    const raw: Record<string, unknown> = { LogConfig: { Type: 'none', Config: {} }, NetworkMode: networkMode };
    if (shmSize > 0) raw.ShmSize = shmSize;
    if (memory > 0) raw.Memory = memory;
    if (extraHosts.length > 0) raw.ExtraHosts = extraHosts;
    return {
      AutoRemove: false,
      RestartPolicy: { Name: '', MaximumRetryCount: 0 },
      NetworkMode: networkMode === 'default' ? '' : networkMode,
      raw,
    };
  }
}
