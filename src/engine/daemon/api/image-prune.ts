// `POST /images/prune` — `docker image prune [-a]`. By default only dangling images go (no tag;
// digest-only names do not protect them); with `dangling=false` every image no container uses.
// Images that are merely parents of others are left to their children's removal. Each deletion
// follows `docker rmi`'s rules without force, and a conflict just skips that image. The answer
// lists what was untagged and deleted and the bytes of the layers freed.
import type { Digest } from '../../digest';
import { fullString, parseReference } from '../../reference';
import { splitUrl } from '../../wire/message';
import type { DaemonContext } from '../context';
import { FilterArgs } from '../filters';
import { logImagePrune } from '../image-events';
import { parseFilterTime, TimestampError } from '../timestamps';
import { deleteImage, type DeleteItem } from './image-delete';
import { DaemonError } from './errors';
import { createdSeconds } from './image-summary';
import { jsonResponse } from './responses';
import type { Route } from './route';

const ACCEPTED = ['dangling', 'label', 'label!', 'until'];

function matchLabels(filters: FilterArgs, labels: Record<string, string> | null | undefined): boolean {
  if (!filters.matchKeyValues('label', labels)) return false;
  return !(filters.contains('label!') && filters.matchKeyValues('label!', labels));
}

function untilSeconds(ctx: DaemonContext, filters: FilterArgs): number | undefined {
  const values = filters.get('until');
  if (!filters.contains('until')) return undefined;
  if (values.length > 1) throw DaemonError.system('more than one until filter specified');
  try {
    return parseFilterTime(values[0] ?? '', ctx.now()) / 1000;
  } catch (err) {
    if (err instanceof TimestampError) throw DaemonError.system(err.message);
    throw err;
  }
}

export async function pruneImages(
  ctx: DaemonContext,
  filters: FilterArgs,
): Promise<{ ImagesDeleted: DeleteItem[] | null; SpaceReclaimed: number }> {
  filters.validate(ACCEPTED);
  const danglingOnly = filters.boolOrDefault('dangling', true);
  const until = untilSeconds(ctx, filters);
  const layerSizes = new Map<string, number>();
  for (const image of ctx.store.list()) for (const l of image.layers) layerSizes.set(l.chainId, l.size);

  const candidates: Digest[] = [];
  for (const image of ctx.store.list()) {
    const children = ctx.store.children(image.id).length;
    const names = image.repoTags.length + image.repoDigests.length;
    if (danglingOnly && children > 0) continue;
    if (names === 0 && children > 0) continue;
    if (until !== undefined && (image.config.created === undefined || createdSeconds(image.config.created) > until))
      continue;
    if (image.config.config && !matchLabels(filters, image.config.config.Labels)) continue;
    candidates.push(image.id);
  }

  const deleted: DeleteItem[] = [];
  for (const id of candidates) {
    const image = ctx.store.get(id);
    if (!image) continue;
    const names = [...image.repoTags, ...image.repoDigests];
    const targets =
      names.length === 0 ? [id.slice('sha256:'.length)] : danglingOnly && image.repoTags.length > 0 ? [] : names;
    for (const target of targets) {
      try {
        deleted.push(
          ...(await deleteImage(ctx, names.length === 0 ? target : fullString(parseReference(target)), false, true)),
        );
      } catch (err) {
        if (err instanceof DaemonError && (err.status === 409 || err.status === 404)) continue;
        throw err;
      }
    }
  }
  const reclaimed = deleted.reduce(
    (sum, item) => sum + ('Deleted' in item ? (layerSizes.get(item.Deleted) ?? 0) : 0),
    0,
  );
  logImagePrune(ctx, reclaimed);
  return { ImagesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: reclaimed };
}

export const imagePruneRoute: Route = {
  method: 'POST',
  pattern: /^\/images\/prune$/,
  async handle(ctx, req) {
    return jsonResponse(200, await pruneImages(ctx, FilterArgs.fromJson(splitUrl(req.url).query.get('filters'))));
  },
};
