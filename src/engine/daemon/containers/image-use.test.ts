// `docker rmi` meets containers (moby image_delete.go): a running container's image cannot be
// deleted even forced; a stopped container's needs force; untagging the last name of an image a
// container uses needs force too.
import { describe, expect, it } from 'vitest';
import { shortId } from '../../digest';
import { settle, testDaemon } from './containers.fixture';

describe('rmi with containers', () => {
  it('running container: cannot be forced', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    const rmi = await d.api('DELETE', `/images/${d.alpine.id}?force=1`);
    expect(rmi).toMatchObject({
      status: 409,
      json: {
        message: `conflict: unable to delete ${shortId(d.alpine.id)} (cannot be forced) - image is being used by running container ${id.slice(0, 12)}`,
      },
    });
  });

  it('untagging the only name of an image a container uses: must force', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    expect(await d.api('DELETE', '/images/alpine')).toMatchObject({
      status: 409,
      json: {
        message: `conflict: unable to remove repository reference "alpine" (must force) - container ${id.slice(0, 12)} is using its referenced image ${shortId(d.alpine.id)}`,
      },
    });
    // Forced, the name goes — and so does the image: a stopped container only holds it softly.
    const forced = (await d.api('DELETE', '/images/alpine?force=1')).json as object[];
    expect(forced.slice(0, 2)).toEqual([{ Untagged: 'alpine:latest' }, { Deleted: d.alpine.id }]);
    expect(((await d.api('GET', `/containers/${id}/json`)).json as { Image: string }).Image).toBe(d.alpine.id);
    expect((await d.api('POST', `/containers/${id}/start`)).status).toBe(204);
  });

  it('stopped container, by ID: must be forced; forced, the image is deleted', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    expect(await d.api('DELETE', `/images/${shortId(d.alpine.id)}`)).toMatchObject({
      status: 409,
      json: {
        message: `conflict: unable to delete ${shortId(d.alpine.id)} (must be forced) - image is being used by stopped container ${id.slice(0, 12)}`,
      },
    });
    const forced = await d.api('DELETE', `/images/${shortId(d.alpine.id)}?force=1`);
    expect(forced.status).toBe(200);
    expect(forced.json).toContainEqual({ Deleted: d.alpine.id });
  });

  it('a second tag can be untagged freely', async () => {
    const d = await testDaemon();
    await d.create(['sleep']);
    d.ctx.store.tag(d.alpine.id, 'docker.io/library/alpine:3');
    expect((await d.api('DELETE', '/images/alpine:3')).json).toEqual([{ Untagged: 'alpine:3' }]);
  });
});

describe('system endpoints count containers', () => {
  it('/info counts running, paused and stopped; /system/df lists containers and per-image use', async () => {
    const d = await testDaemon();
    const a = await d.create(['sleep']);
    const b = await d.create(['sleep']);
    await d.create(['sleep']);
    await d.api('POST', `/containers/${a}/start`);
    await d.api('POST', `/containers/${b}/start`);
    await d.api('POST', `/containers/${b}/pause`);
    const info = (await d.api('GET', '/info')).json as Record<string, number>;
    expect([info.Containers, info.ContainersRunning, info.ContainersPaused, info.ContainersStopped]).toEqual([
      3, 1, 1, 1,
    ]);
    const df = (await d.api('GET', '/system/df')).json as {
      Images: { Containers: number }[];
      Containers: { SizeRw: number; State: string }[];
    };
    expect(df.Images[0]!.Containers).toBe(3);
    expect(df.Containers.map((c) => c.State).sort()).toEqual(['created', 'paused', 'running']);
    expect(df.Containers.every((c) => c.SizeRw === 0)).toBe(true);
  });
});
