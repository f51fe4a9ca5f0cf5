// `GET /images/{name}/json` — `docker image inspect`, in the shape of API 1.50 from the classic
// store: the config's runtime defaults under `Config` (Cmd, Entrypoint, Env, Labels, OnBuild, User,
// Volumes and WorkingDir always present, null or "" when unset — moby#50134), the DiffIDs under
// `RootFS.Layers`, and overlay2's directories under `GraphDriver`: the top layer is `UpperDir`, the
// layers below it `LowerDir` (top-most first, `:`-separated). overlay2 names a layer's directory by
// a random cache ID; ours are derived from the chain ID so that a run is reproducible.
import { encodedOf, sha256Of, type Digest } from '../../digest';
import type { ContainerConfig } from '../../image/types';
import type { ImageRecord } from '../image-store';
import { familiar } from './image-summary';
import { sortedMap } from './responses';
import { goTime } from './system-info';

const OVERLAY_ROOT = '/var/lib/docker/overlay2';

/** Go's RFC 3339 rendering of a parsed time: trailing zeros of the fraction dropped, `+00:00` → `Z`. */
export function goRfc3339(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!m) return text;
  const fraction = (m[2] ?? '').slice(0, 9).replace(/0+$/, '');
  const zone = m[3] === 'z' || m[3] === '+00:00' || m[3] === '-00:00' ? 'Z' : m[3];
  return `${m[1]}${fraction ? `.${fraction}` : ''}${zone}`;
}

/** The directory name overlay2 gives a layer. */
export async function overlayCacheId(chainId: Digest): Promise<string> {
  return encodedOf(await sha256Of(`overlay2 cache-id ${chainId}`));
}

async function graphDriver(image: ImageRecord): Promise<{ Data: Record<string, string> | null; Name: string }> {
  if (image.layers.length === 0) return { Data: null, Name: 'overlay2' };
  const dirs = await Promise.all(image.layers.map((l) => overlayCacheId(l.chainId)));
  const top = dirs.at(-1)!;
  const data: Record<string, string> = {
    MergedDir: `${OVERLAY_ROOT}/${top}/merged`,
    UpperDir: `${OVERLAY_ROOT}/${top}/diff`,
    WorkDir: `${OVERLAY_ROOT}/${top}/work`,
  };
  const lower = dirs.slice(0, -1).reverse();
  if (lower.length > 0) data.LowerDir = lower.map((d) => `${OVERLAY_ROOT}/${d}/diff`).join(':');
  return { Data: sortedMap(data), Name: 'overlay2' };
}

/** The image config's `config`, in the field order of Docker's DockerOCIImageConfig. */
export function inspectConfig(config: ContainerConfig | undefined): Record<string, unknown> {
  const c = config ?? {};
  const out: Record<string, unknown> = { User: c.User ?? '' };
  if (c.ExposedPorts) out.ExposedPorts = sortedMap(c.ExposedPorts);
  out.Env = c.Env ?? null;
  out.Entrypoint = c.Entrypoint ?? null;
  out.Cmd = c.Cmd ?? null;
  out.Volumes = sortedMap(c.Volumes);
  out.WorkingDir = c.WorkingDir ?? '';
  out.Labels = sortedMap(c.Labels);
  if (c.StopSignal) out.StopSignal = c.StopSignal;
  if (c.ArgsEscaped) out.ArgsEscaped = c.ArgsEscaped;
  if (c.Healthcheck) out.Healthcheck = c.Healthcheck;
  out.OnBuild = c.OnBuild ?? null;
  if (c.Shell && c.Shell.length > 0) out.Shell = c.Shell;
  return out;
}

export async function inspectImage(image: ImageRecord): Promise<Record<string, unknown>> {
  const config = image.config as typeof image.config & { comment?: unknown; docker_version?: unknown };
  const out: Record<string, unknown> = {
    Id: image.id,
    RepoTags: image.repoTags.map(familiar),
    RepoDigests: image.repoDigests.map(familiar),
    Parent: image.parent ?? '',
    Comment: typeof config.comment === 'string' ? config.comment : '',
  };
  if (config.created !== undefined) out.Created = goRfc3339(config.created);
  out.DockerVersion = typeof config.docker_version === 'string' ? config.docker_version : '';
  out.Author = config.author ?? '';
  out.Config = inspectConfig(config.config);
  out.Architecture = config.architecture;
  if (config.variant) out.Variant = config.variant;
  out.Os = config.os;
  if (config['os.version']) out.OsVersion = config['os.version'];
  out.Size = image.size;
  out.GraphDriver = await graphDriver(image);
  out.RootFS = { Type: 'layers', Layers: [...config.rootfs.diff_ids] };
  out.Metadata = { LastTagTime: image.lastTagTime === undefined ? '0001-01-01T00:00:00Z' : goTime(image.lastTagTime) };
  return out;
}
