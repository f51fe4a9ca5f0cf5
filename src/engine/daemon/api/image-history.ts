// `GET /images/{name}/history` — `docker history`: one row per config history entry, newest first.
// A step that made a layer shows that layer's size; an empty step (ENV, CMD…) shows 0. Only steps
// that are themselves images known to this daemon have an ID; the rest — every step of a pulled
// image but the last — show `<missing>`, because the classic store keeps no image for them.
import type { DaemonContext } from '../context';
import type { ImageRecord } from '../image-store';
import { DaemonError } from './errors';
import { createdSeconds, familiar } from './image-summary';

export interface HistoryItem {
  Id: string;
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

export function imageHistory(ctx: DaemonContext, image: ImageRecord): HistoryItem[] {
  const rows: HistoryItem[] = [];
  let layer = 0;
  for (const step of image.config.history ?? []) {
    let size = 0;
    if (!step.empty_layer) {
      const record = image.layers[layer++];
      if (!record) throw DaemonError.system('too many non-empty layers in History section');
      size = record.size;
    }
    rows.unshift({
      Id: '<missing>',
      Created: createdSeconds(step.created),
      CreatedBy: step.created_by ?? '',
      Tags: null,
      Size: size,
      Comment: step.comment ?? '',
    });
  }
  // Walk up the parent chain, naming as many rows as there are known ancestors.
  let current: ImageRecord | undefined = image;
  for (const row of rows) {
    if (!current) break;
    row.Id = current.id;
    row.Tags = current.repoTags.length > 0 ? current.repoTags.map(familiar) : null;
    current = current.parent === undefined ? undefined : ctx.store.get(current.parent);
  }
  return rows;
}
