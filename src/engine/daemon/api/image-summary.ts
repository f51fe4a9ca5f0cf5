// One row of `GET /images/json` (and of `/system/df`): moby's image.Summary, fields in the order
// the generated Go struct declares them. Names are printed familiar (`alpine:latest`), `Created` is
// the config's `created` in Unix seconds, `Size` the sum of the layers' diff sizes. Since API 1.43
// an untagged image has empty lists rather than `<none>:<none>`; `SharedSize` and `Containers` are
// -1 ("not computed") unless asked for.
import type { Digest } from '../../digest';
import { familiarString, parseReference } from '../../reference';
import type { ImageRecord } from '../image-store';
import { sortedMap } from './responses';

export interface ImageSummary {
  Containers: number;
  Created: number;
  Id: Digest;
  Labels: Record<string, string> | null;
  ParentId: string;
  RepoDigests: string[];
  RepoTags: string[];
  SharedSize: number;
  Size: number;
}

/** `created` as Unix seconds (Go's Time.Unix of the parsed RFC 3339 text); 0 when absent. */
export function createdSeconds(created: string | undefined): number {
  if (created === undefined) return 0;
  const ms = Date.parse(created);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

export function familiar(fullRef: string): string {
  return familiarString(parseReference(fullRef));
}

export function imageSummary(
  image: ImageRecord,
  options: { sharedSize?: number; containers?: number; repoTags?: string[]; repoDigests?: string[] } = {},
): ImageSummary {
  return {
    Containers: options.containers ?? -1,
    Created: createdSeconds(image.config.created),
    Id: image.id,
    Labels: sortedMap(image.config.config?.Labels),
    ParentId: image.parent ?? '',
    RepoDigests: (options.repoDigests ?? image.repoDigests).map(familiar),
    RepoTags: (options.repoTags ?? image.repoTags).map(familiar),
    SharedSize: options.sharedSize ?? -1,
    Size: image.size,
  };
}

/** Newest first, as `docker images` lists them (ties broken by ID, for a stable order). */
export function byCreatedDescending(a: ImageSummary, b: ImageSummary): number {
  return b.Created - a.Created || (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0);
}

/** Bytes of layers an image shares with at least one other image (`docker system df -v`). */
export function sharedSize(image: ImageRecord, all: readonly ImageRecord[]): number {
  const uses = new Map<Digest, number>();
  for (const other of all)
    for (const layer of other.layers) uses.set(layer.chainId, (uses.get(layer.chainId) ?? 0) + 1);
  return image.layers.filter((l) => (uses.get(l.chainId) ?? 0) > 1).reduce((sum, l) => sum + l.size, 0);
}
