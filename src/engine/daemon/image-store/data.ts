// The image store's persisted form, checked before it is trusted: data read back from IndexedDB
// (or handed over by a lesson) may be stale or hand-edited, and a wrong shape must give a clear
// error rather than a half-restored store.
import * as v from 'valibot';
import { isDigest, type Digest } from '../../digest';
import { ImageStoreCorruptError } from './errors';
import type { ImageStoreData } from './types';

const digest = v.custom<Digest>((value) => typeof value === 'string' && isDigest(value), 'invalid digest');
const time = v.pipe(v.number(), v.finite());

const schema = v.strictObject({
  version: v.literal(1),
  layers: v.array(
    v.strictObject({
      chainId: digest,
      diffId: digest,
      parent: v.optional(digest),
      size: v.pipe(v.number(), v.integer(), v.minValue(0)),
    }),
  ),
  images: v.array(
    v.strictObject({ id: digest, loadedAt: time, parent: v.optional(digest), lastTagTime: v.optional(time) }),
  ),
  references: v.array(v.strictObject({ ref: v.string(), id: digest })),
  blobSources: v.array(
    v.strictObject({ diffId: digest, digest: digest, registry: v.string(), repository: v.string() }),
  ),
});

/** The data if it has the persisted shape; else ImageStoreCorruptError naming the first problem. */
export function checkStoreData(data: unknown): ImageStoreData {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output as ImageStoreData;
  const issue = result.issues[0];
  const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  throw new ImageStoreCorruptError(`image store data is invalid${where ? ` at ${where}` : ''}: ${issue.message}`);
}
