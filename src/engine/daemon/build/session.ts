// One run of the classic builder: what every instruction's dispatcher needs (moby's Builder and
// dispatchRequest) — the daemon, the stream being written, the options, the context, the cache
// prober, the step containers, the stages finished so far — and the three ways a step ends:
//
//   probeCache        a cached image fits: ` ---> Using cache`, and the step is done
//   commit            a metadata step: a container is made (` ---> Running in …`) but never
//                     started, and committed with the step's comment as its command
//   commitContainer   a RUN's or WORKDIR's container, committed as it is after the step
//   exportImage       COPY and ADD: their files become a layer directly, no container at all
import type { Digest } from '../../digest';
import { BuiltStages, ShellLex } from '../../dockerfile';
import type { WantedPlatform } from '../../image/platform';
import type { FsEntry } from '../../layer/entry';
import { commitUpper } from '../../layer/overlay-commit';
import type { Container } from '../containers/container';
import type { DaemonContext } from '../context';
import type { BuildOptions } from './options';
import type { ImageFetch } from './base-image';
import { commitChildImage } from './child-image';
import type { BuildContext } from './context';
import { contextSource, type CopySource } from './copy-sources';
import type { BuildPlatform, ImageProber } from './image-cache';
import type { BuildOutput } from './output';
import { copyRunConfig, withCmdComment, type RunConfig } from './run-config';
import type { DispatchState } from './state';
import type { StepContainers } from './step-containers';

export class BuildSession {
  /** Finished stages by name and index, and the image each produced. */
  readonly stages = new BuiltStages();
  readonly stageImages: (Digest | '')[] = [];
  readonly lex: ShellLex;
  private contextFs: CopySource | undefined;

  constructor(
    readonly ctx: DaemonContext,
    readonly out: BuildOutput,
    readonly options: BuildOptions,
    readonly context: BuildContext,
    readonly prober: ImageProber,
    readonly containers: StepContainers,
    readonly fetch: ImageFetch,
    escapeToken: string,
    /** `--platform`, parsed; undefined for the daemon's own. */
    readonly platform: WantedPlatform | undefined,
  ) {
    this.lex = new ShellLex(escapeToken);
  }

  /** The build context as a COPY source (made once, on first use). */
  contextSource(): CopySource {
    this.contextFs ??= contextSource(this.context);
    return this.contextFs;
  }

  /** The platform cached images must be for (getPlatform). */
  buildPlatform(state: DispatchState): BuildPlatform {
    const p = this.platform ?? this.ctx.platform;
    return { os: state.os || p.os, architecture: p.architecture };
  }

  /** A cache hit moves the stage onto the cached image; true when there was one. */
  probeCache(state: DispatchState, config: RunConfig): boolean {
    const hit = this.prober.probe(state.imageId, config, this.buildPlatform(state));
    if (hit === undefined) return false;
    this.out.stdout(' ---> Using cache\n');
    state.imageId = hit;
    return true;
  }

  /** A metadata step: probe, else a container committed with the step's comment as its Cmd. */
  async commit(state: DispatchState, comment: string): Promise<void> {
    if (!state.hasFromImage()) throw new Error('Please provide a source image with `from` prior to commit');
    const config = copyRunConfig(state.runConfig, withCmdComment(comment));
    if (this.probeCache(state, config)) return;
    const container = await this.containers.create(config, state.imageId);
    await this.commitContainer(state, container, config);
  }

  /** A step container's changes become the stage's next image. */
  async commitContainer(state: DispatchState, container: Container, containerConfig: RunConfig): Promise<void> {
    await this.storeStep(state, commitUpper(container.rootfs), containerConfig, container.id);
  }

  /** COPY/ADD: the files written become the next image, with no container. */
  async exportImage(state: DispatchState, changes: readonly FsEntry[], containerConfig: RunConfig): Promise<void> {
    await this.storeStep(state, changes, containerConfig, undefined);
  }

  private async storeStep(
    state: DispatchState,
    changes: readonly FsEntry[],
    containerConfig: RunConfig,
    containerId: string | undefined,
  ): Promise<void> {
    const parent = state.imageId === '' ? undefined : this.ctx.store.get(state.imageId);
    const base = state.base;
    const record = await commitChildImage(this.ctx.store, {
      parent,
      platform: {
        os: state.os,
        architecture: base?.architecture || this.ctx.platform.architecture,
        ...(base?.variant ? { variant: base.variant } : {}),
      },
      author: state.maintainer,
      ...(containerId !== undefined ? { containerId } : {}),
      containerConfig,
      config: copyRunConfig(state.runConfig),
      changes,
      now: this.ctx.now(),
    });
    state.imageId = record.id;
  }
}
