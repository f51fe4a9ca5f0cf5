// docker image prune: dangling images by default, every unused image with dangling=false, label
// and until filters, and the space reclaimed counted from freed layers.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Handler } from '../../wire/message';
import type { DaemonContext } from '../context';
import { addImage, baseLayer, call, dir, file, routerFor, testContext } from '../daemon.fixture';
import type { ImageRecord } from '../image-store';
import { imageRoutes } from './image-routes';

let ctx: DaemonContext;
let api: Handler;
let tagged: ImageRecord;
let dangling: ImageRecord;
let digestOnly: ImageRecord;

beforeEach(async () => {
  ctx = await testContext();
  api = routerFor(imageRoutes, ctx);
  tagged = await addImage(ctx.store, [baseLayer], { tags: ['base:1'], created: '2024-01-01T00:00:00Z' });
  dangling = await addImage(ctx.store, [baseLayer, [dir('a'), file('a/x', 'xx')]], { created: '2024-02-01T00:00:00Z' });
  digestOnly = await addImage(ctx.store, [[dir('b'), file('b/y', 'yyy')]], { created: '2024-03-01T00:00:00Z' });
  ctx.store.addRepoDigest(digestOnly.id, `docker.io/library/b@sha256:${'c'.repeat(64)}`);
});

const prune = (filters?: string) =>
  call(api, 'POST', `/v1.50/images/prune${filters ? `?filters=${encodeURIComponent(filters)}` : ''}`);

describe('POST /images/prune', () => {
  it('removes untagged images (digest references do not protect them) and counts freed layers', async () => {
    const { status, json } = await prune();
    expect(status).toBe(200);
    const body = json as { ImagesDeleted: Record<string, string>[]; SpaceReclaimed: number };
    const deleted = body.ImagesDeleted.filter((i) => 'Deleted' in i).map((i) => i.Deleted);
    expect(deleted).toEqual(
      expect.arrayContaining([dangling.id, digestOnly.id, dangling.layers[1]!.chainId, digestOnly.layers[0]!.chainId]),
    );
    expect(body.ImagesDeleted).toContainEqual({ Untagged: `b@sha256:${'c'.repeat(64)}` });
    expect(body.SpaceReclaimed).toBe(dangling.layers[1]!.size + digestOnly.layers[0]!.size);
    expect(ctx.store.list().map((i) => i.id)).toEqual([tagged.id]);
    expect(ctx.events.history().at(-1)).toMatchObject({
      Action: 'prune',
      Actor: { ID: '', Attributes: { reclaimed: String(body.SpaceReclaimed) } },
    });
  });

  it('with nothing to do answers null and 0', async () => {
    await prune();
    expect((await prune()).json).toEqual({ ImagesDeleted: null, SpaceReclaimed: 0 });
  });

  it('with dangling=false removes tagged images too', async () => {
    const { json } = await prune('{"dangling":{"false":true}}');
    expect((json as { SpaceReclaimed: number }).SpaceReclaimed).toBe(dangling.size + digestOnly.size);
    expect(ctx.store.list()).toEqual([]);
  });

  it('honours until', async () => {
    await prune('{"dangling":{"false":true},"until":{"2024-02-15T00:00:00Z":true}}');
    expect(ctx.store.list().map((i) => i.id)).toEqual([digestOnly.id]);
  });

  it.each([
    ['{"reference":{"x":true}}', 400, "invalid filter 'reference'"],
    ['{"dangling":{"maybe":true}}', 400, "invalid filter 'dangling=[maybe]'"],
    ['{"until":{"soon":true}}', 500, 'failed to parse value as time or duration: "soon"'],
  ])('refuses %s', async (filters, status, message) => {
    const answer = await prune(filters);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({ message });
    expect(ctx.store.list()).toHaveLength(3);
  });
});
