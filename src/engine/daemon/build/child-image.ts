// One build step becomes one image (moby `image.NewChildImage`, `CommitBuildStep`, `CreateImage`).
//
// The step's filesystem changes — a step container's upper layer, or what COPY wrote — are tarred
// into a layer. A step that changed nothing (ENV, CMD, a RUN that wrote no file) yields the empty
// tar, whose digest `sha256:5f70bf18…` dockerd treats specially: no layer is added and the history
// entry says `empty_layer: true`. Then the new config is the parent's with:
//
//   config            the run config after the step              container     the step container's ID
//   container_config  what the step ran (see run-config.ts)      created       now
//   history           the parent's, plus {created, created_by: container_config.Cmd joined with spaces}
//   rootfs.diff_ids   the parent's, plus the new layer's DiffID
//
// written with the top-level keys sorted (moby's Image.MarshalJSON) and everything below in Go
// struct order. The image is stored with the parent it was built on, so it is found again as a
// cache candidate (image-cache.ts) and listed by `docker images -a` as `<none>`.
import { HISTORY_ORDER } from '../../image/go-field-order';
import { sha256Of, type Digest } from '../../digest';
import { goJson } from '../../image/json';
import type { HistoryEntry } from '../../image/types';
import type { FsEntry } from '../../layer/entry';
import { writeTar } from '../../layer/tar';
import { goTime } from '../api/system-info';
import type { ImageRecord, ImageStore } from '../image-store';
import { ENGINE_VERSION } from '../version';
import { HEALTHCHECK_ORDER, RUN_CONFIG_ORDER, runConfigJson, type RunConfig } from './run-config';

/** The digest of a tar with no entries (1024 zero bytes): moby's DigestSHA256EmptyTar. */
export const EMPTY_TAR_DIGEST = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef' as Digest;

function order(path: readonly string[]): readonly string[] | undefined {
  const [top, second] = path;
  if (path.length === 1 && (top === 'config' || top === 'container_config')) return RUN_CONFIG_ORDER;
  if (path.length === 2 && second === 'Healthcheck') return HEALTHCHECK_ORDER;
  if (path.length === 1 && top === 'history') return HISTORY_ORDER;
  if (path.length === 1 && top === 'rootfs') return ['type', 'diff_ids'];
  return undefined; // the top level and maps: sorted keys
}

/** A time as Go re-marshals it: RFC 3339, fraction without trailing zeros, a zero offset as `Z`. */
function goTimeText(text: string): string {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(text);
  if (!m) return text;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  return m[1]! + (fraction === '.' ? '' : fraction) + (m[3] === '+00:00' || m[3] === '-00:00' ? 'Z' : m[3]!);
}

/** A history entry as ocispec.History marshals it. */
function historyJson(h: HistoryEntry): HistoryEntry {
  const out: HistoryEntry = {};
  if (h.created) out.created = goTimeText(h.created);
  if (h.created_by) out.created_by = h.created_by;
  if (h.author) out.author = h.author;
  if (h.comment) out.comment = h.comment;
  if (h.empty_layer) out.empty_layer = true;
  return out;
}

export interface ChildImage {
  /** The image the step ran on; undefined right after `FROM scratch`. */
  parent: ImageRecord | undefined;
  /** The platform of a parent-less image. */
  platform: { os: string; architecture: string; variant?: string };
  /** MAINTAINER, if the stage set one. */
  author: string;
  /** The step container, for a step that ran in one. */
  containerId?: string;
  containerConfig: RunConfig;
  config: RunConfig;
  /** The step's changes, as layer entries (empty for none). */
  changes: readonly FsEntry[];
  /** Milliseconds since the epoch. */
  now: number;
}

/** Store the step's layer and image; returns the new image. */
export async function commitChildImage(store: ImageStore, child: ChildImage): Promise<ImageRecord> {
  // No changes at all is the empty tar; skip writing and hashing it (the common metadata step).
  const tar = child.changes.length === 0 ? undefined : writeTar(child.changes);
  const diffId = tar === undefined ? EMPTY_TAR_DIGEST : await sha256Of(tar);
  const empty = diffId === EMPTY_TAR_DIGEST;
  const parent = child.parent;
  if (tar !== undefined && !empty) await store.addLayer(parent?.layers.at(-1)?.chainId, tar);
  const created = goTime(child.now);
  const base = parent?.config;
  const diffIds: Digest[] = [...(base?.rootfs.diff_ids ?? []), ...(empty ? [] : [diffId])];
  const history = [
    ...(base?.history ?? []),
    {
      created,
      created_by: (child.containerConfig.Cmd ?? []).join(' '),
      ...(child.author !== '' ? { author: child.author } : {}),
      ...(empty ? { empty_layer: true } : {}),
    },
  ].map(historyJson);
  const variant = base ? base.variant : child.platform.variant;
  const image: Record<string, unknown> = {
    architecture: base?.architecture || child.platform.architecture,
    config: runConfigJson(child.config),
    container_config: runConfigJson(child.containerConfig),
    created,
    docker_version: ENGINE_VERSION,
    history,
    os: child.platform.os,
    rootfs: { type: 'layers', diff_ids: diffIds },
  };
  if (child.author !== '') image.author = child.author;
  if (child.containerId !== undefined) image.container = child.containerId;
  if (variant) image.variant = variant;
  if (base?.['os.version']) image['os.version'] = base['os.version'];
  const features = (base as { 'os.features'?: string[] } | undefined)?.['os.features'];
  if (features?.length) image['os.features'] = features;
  const record = await store.addImage(goJson(image, order), parent ? { parent: parent.id } : {});
  return record;
}
