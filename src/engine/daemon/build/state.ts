// Where a stage stands while the classic builder works through it (moby `evaluator.go`
// dispatchState): the run config so far, the image the last step produced, the MAINTAINER, whether
// a CMD was set (an ENTRYPOINT after it keeps it; one before it clears the inherited CMD), and the
// build args in scope — each stage starts with none, and an ARG brings one in.
//
// A stage begins from its base (`beginStage`): the base image's config, copied, with a default PATH
// added when it has none, stdin closed; or, for `FROM scratch`, an empty config and no image ID —
// which is why the classic builder prints ` ---> ` with nothing after it for a scratch stage.
import type { Digest } from '../../digest';
import { fromUtf8 } from '../../bytes';
import type { BuildArgs } from '../../dockerfile';
import type { ImageRecord } from '../image-store';
import { copyRunConfig, DEFAULT_PATH_ENV, emptyRunConfig, runConfigFromJson, type RunConfig } from './run-config';

/** The image a stage starts from: a stored image, or scratch (no image at all). */
export interface BaseImage {
  record: ImageRecord | undefined;
  os: string;
  architecture: string;
  variant?: string;
}

/** The run config an image carries (its `config` object, every field kept). */
export function runConfigOf(image: ImageRecord): RunConfig {
  const raw = JSON.parse(fromUtf8(image.configBytes)) as Record<string, unknown>;
  return runConfigFromJson(raw.config);
}

export class DispatchState {
  runConfig: RunConfig = emptyRunConfig();
  maintainer = '';
  cmdSet = false;
  /** The image the last step produced ('' after FROM scratch and before any step). */
  imageId: Digest | '' = '';
  base: BaseImage | undefined;
  stageName: string | undefined;
  os = 'linux';

  constructor(readonly buildArgs: BuildArgs) {}

  /** A FROM has been processed (an image, or scratch). */
  hasFromImage(): boolean {
    return this.imageId !== '' || this.base !== undefined;
  }

  /** After each step the run config names the image it belongs to. */
  updateRunConfig(): void {
    this.runConfig.Image = this.imageId;
  }

  beginStage(name: string | undefined, base: BaseImage): void {
    this.stageName = name;
    this.base = base;
    this.imageId = base.record?.id ?? '';
    this.os = base.os || 'linux';
    this.runConfig = base.record ? copyRunConfig(runConfigOf(base.record)) : emptyRunConfig();
    const env = this.runConfig.Env ?? [];
    if (!env.some((e) => e.split('=', 1)[0] === 'PATH')) this.runConfig.Env = [...env, DEFAULT_PATH_ENV];
    this.runConfig.OpenStdin = false;
    this.runConfig.StdinOnce = false;
  }
}
