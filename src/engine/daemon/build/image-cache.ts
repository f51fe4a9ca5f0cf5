// The classic build cache (moby `image/cache` LocalImageCache and `imageprobe.go`). There is no
// cache store: the cache *is* the image store. Every step of a build leaves an image whose parent
// is the previous step's image and whose `container_config` records what the step did. To probe a
// step, the builder looks at the children of the current image and takes the newest one that was
// built locally for the same platform and whose container_config equals the step's — which, for
//
//   RUN     is the command string (`/bin/sh -c apk add curl`), nothing about the files it touched;
//   COPY    is `#(nop) COPY file:<checksum> in /app/`: the content checksum (./tarsum.ts), no mtime;
//   ENV…    is the whole resulting config (the new Env, Labels, Cmd…).
//
// A hit prints ` ---> Using cache` and the build continues from that image. The first miss "busts"
// the cache for the rest of the stage: no later step is even probed. Each FROM starts afresh.
// `--no-cache` probes nothing. A step right after `FROM scratch` never hits: its parent has no ID,
// so it has no children to look at (moby behaves the same way).
import { fromUtf8 } from '../../bytes';
import type { Digest } from '../../digest';
import type { ImageRecord, ImageStore } from '../image-store';
import { runConfigFromJson, type RunConfig } from './run-config';

export interface BuildPlatform {
  os: string;
  architecture: string;
}

export interface ImageProber {
  /** A new stage begins: the cache is not busted any more. */
  reset(): void;
  /** The cached image for this step on `parentId`, or undefined (which busts the cache). */
  probe(parentId: Digest | '', config: RunConfig, platform: BuildPlatform): Digest | undefined;
}

function sameList(a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function sameKeys(a: Record<string, unknown> | null | undefined, b: Record<string, unknown> | null | undefined) {
  const x = Object.keys(a ?? {});
  const y = new Set(Object.keys(b ?? {}));
  return x.length === y.size && x.every((k) => y.has(k));
}

function sameLabels(a: Record<string, string> | null, b: Record<string, string> | null): boolean {
  const x = a ?? {};
  const y = b ?? {};
  return Object.keys(x).length === Object.keys(y).length && Object.entries(x).every(([k, v]) => y[k] === v);
}

function sameHealthcheck(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
  if ((a === undefined) !== (b === undefined)) return false;
  if (a === undefined || b === undefined) return true;
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  const fields = ['Interval', 'StartInterval', 'StartPeriod', 'Timeout', 'Retries'];
  return fields.every((f) => num(a[f]) === num(b[f])) && sameList(a.Test as string[], b.Test as string[]);
}

/**
 * moby's cache `compare`: two configs are the same step when everything but the container-specific
 * fields (Image, Hostname, Domainname) is equal.
 */
export function sameStep(a: RunConfig, b: RunConfig): boolean {
  return (
    sameList(a.Env, b.Env) &&
    sameList(a.Cmd, b.Cmd) &&
    sameList(a.Entrypoint, b.Entrypoint) &&
    sameList(a.Shell, b.Shell) &&
    sameList(a.OnBuild, b.OnBuild) &&
    sameKeys(a.ExposedPorts, b.ExposedPorts) &&
    sameKeys(a.Volumes, b.Volumes) &&
    sameLabels(a.Labels, b.Labels) &&
    a.AttachStdin === b.AttachStdin &&
    a.AttachStdout === b.AttachStdout &&
    a.AttachStderr === b.AttachStderr &&
    (a.NetworkDisabled ?? false) === (b.NetworkDisabled ?? false) &&
    a.Tty === b.Tty &&
    a.OpenStdin === b.OpenStdin &&
    a.StdinOnce === b.StdinOnce &&
    (a.ArgsEscaped ?? false) === (b.ArgsEscaped ?? false) &&
    a.User === b.User &&
    a.WorkingDir === b.WorkingDir &&
    (a.StopSignal ?? '') === (b.StopSignal ?? '') &&
    a.StopTimeout === b.StopTimeout &&
    sameHealthcheck(a.Healthcheck, b.Healthcheck)
  );
}

/** The container_config an image was committed with (an empty config when it has none). */
export function containerConfigOf(image: ImageRecord): RunConfig {
  const raw = JSON.parse(fromUtf8(image.configBytes)) as Record<string, unknown>;
  return runConfigFromJson(raw.container_config);
}

class LocalImageProber implements ImageProber {
  private busted = false;

  constructor(private readonly store: ImageStore) {}

  reset(): void {
    this.busted = false;
  }

  probe(parentId: Digest | '', config: RunConfig, platform: BuildPlatform): Digest | undefined {
    if (this.busted) return undefined;
    const hit = parentId === '' ? undefined : this.newestMatch(parentId, config, platform);
    if (hit === undefined) this.busted = true;
    return hit;
  }

  private newestMatch(parentId: Digest, config: RunConfig, platform: BuildPlatform): Digest | undefined {
    let match: { id: Digest; created: number } | undefined;
    for (const id of this.store.children(parentId)) {
      const image = this.store.get(id);
      if (!image) continue;
      const { os, architecture } = image.config;
      if (os === '' && architecture === '') continue;
      if (os !== platform.os || architecture !== platform.architecture) continue;
      if (!sameStep(containerConfigOf(image), config)) continue;
      const created = Date.parse(image.config.created ?? '') || 0;
      if (match === undefined || match.created < created) match = { id, created };
    }
    return match?.id;
  }
}

const noCache: ImageProber = { reset: () => {}, probe: () => undefined };

/** The prober a build uses: the local image cache, or none with `--no-cache`. */
export function imageProber(store: ImageStore, disabled: boolean): ImageProber {
  return disabled ? noCache : new LocalImageProber(store);
}
