// `docker diff`, `docker commit` (a real layer through the image store, the classic config and
// history), `docker export`, and `docker container prune`.
import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../bytes';
import { readTar } from '../../layer/tar';
import { readBody } from '../../wire/message';
import { settle, testDaemon, type TestDaemon } from './containers.fixture';

async function withFile(d: TestDaemon, name = 'web'): Promise<string> {
  const id = await d.create(['write', '/tmp/hello.txt', 'hi', 'there'], { Labels: { app: name } }, name);
  await d.api('POST', `/containers/${id}/start`);
  await settle(d.clock);
  return id;
}

describe('changes', () => {
  it('C for the parent, A for the new file; the init layer is not a change', async () => {
    const d = await testDaemon();
    await withFile(d);
    expect((await d.api('GET', '/containers/web/changes')).json).toEqual([
      { Path: '/tmp', Kind: 0 },
      { Path: '/tmp/hello.txt', Kind: 1 },
    ]);
    d.svc.store.find('web').rootfs.rm('/etc/os-release');
    const kinds = ((await d.api('GET', '/containers/web/changes')).json as { Path: string; Kind: number }[]).map(
      (c) => `${c.Kind} ${c.Path}`,
    );
    expect(kinds).toEqual(['0 /etc', '2 /etc/os-release', '0 /tmp', '1 /tmp/hello.txt']);
  });
});

describe('commit', () => {
  it('one new layer with the changes, the config with history, tagged, paused meanwhile', async () => {
    const d = await testDaemon();
    const id = await withFile(d);
    const answer = await d.api(
      'POST',
      '/commit?container=web&repo=me%2Fweb&tag=v2&comment=add+hello&author=Ada&changes=ENV+DEBUG%3Dtrue&changes=CMD+%5B%22cat%22%2C%22%2Ftmp%2Fhello.txt%22%5D',
    );
    expect(answer.status).toBe(201);
    const imageId = (answer.json as { Id: string }).Id;
    expect(imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    const image = d.ctx.store.get(imageId as never)!;
    expect(image.repoTags).toEqual(['docker.io/me/web:v2']);
    expect(image.parent).toBe(d.alpine.id);
    expect(image.layers).toHaveLength(d.alpine.layers.length + 1);
    const tar = await d.ctx.store.layerTar(image.layers.at(-1)!.chainId);
    expect(readTar(tar).map((e) => e.path)).toEqual(['tmp', 'tmp/hello.txt']);
    const config = JSON.parse(fromUtf8(image.configBytes)) as Record<string, unknown>;
    expect(Object.keys(config)).toEqual([
      'architecture',
      'author',
      'config',
      'container',
      'created',
      'docker_version',
      'history',
      'os',
      'rootfs',
    ]);
    expect(config).toMatchObject({
      author: 'Ada',
      container: id,
      docker_version: '28.2.2',
      config: {
        Cmd: ['cat', '/tmp/hello.txt'],
        Env: expect.arrayContaining(['DEBUG=true']),
        Image: 'alpine',
        Labels: { app: 'web' },
      },
    });
    const history = config.history as Record<string, unknown>[];
    expect(history.at(-1)).toEqual({
      created: '2025-01-01T00:00:00Z',
      created_by: 'write /tmp/hello.txt hi there',
      author: 'Ada',
      comment: 'add hello',
    });
    const events = d.ctx.events.history().map((e) => `${e.Type} ${e.Action}`);
    expect(events.slice(-4)).toEqual(['container pause', 'image tag', 'container commit', 'container unpause']);
    expect(((await d.api('GET', '/containers/web/json')).json as { State: { Status: string } }).State.Status).toBe(
      'running',
    );
  });

  it('no changes: an empty_layer history entry and no new DiffID; --pause=false does not pause', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep'], {}, 'quiet');
    await d.api('POST', `/containers/${id}/start`);
    const answer = await d.api('POST', '/commit?container=quiet&pause=0');
    const image = d.ctx.store.get((answer.json as { Id: string }).Id as never)!;
    expect(image.config.rootfs.diff_ids).toEqual(d.alpine.config.rootfs.diff_ids);
    expect(image.config.history!.at(-1)).toMatchObject({ empty_layer: true });
    expect(image.repoTags).toEqual([]);
    expect(d.ctx.events.history().map((e) => e.Action)).not.toContain('pause');
  });

  it('bad changes and missing containers', async () => {
    const d = await testDaemon();
    await withFile(d);
    expect(await d.api('POST', '/commit?container=web&changes=RUN+echo')).toMatchObject({
      status: 400,
      json: { message: 'run is not a valid change command' },
    });
    expect(await d.api('POST', '/commit?container=nosuch')).toMatchObject({
      status: 404,
      json: { message: 'No such container: nosuch' },
    });
  });

  it('rmi of the parent image now meets its child', async () => {
    const d = await testDaemon();
    await withFile(d);
    await d.api('POST', '/commit?container=web&repo=child');
    await d.api('DELETE', '/containers/web?force=1');
    const rmi = await d.api('DELETE', `/images/${d.alpine.id}`);
    expect(rmi.status).toBe(409);
    expect((rmi.json as { message: string }).message).toContain('image has dependent child images');
  });
});

describe('export', () => {
  it('the merged filesystem as one tar', async () => {
    const d = await testDaemon();
    await withFile(d);
    const res = await d.handler({ method: 'GET', url: '/containers/web/export', headers: {} });
    expect(res.headers['Content-Type']).toBe('application/x-tar');
    const paths = readTar(await readBody(res.body)).map((e) => e.path);
    expect(paths).toContain('tmp/hello.txt');
    expect(paths).toContain('etc/os-release');
    expect(paths).toContain('.dockerenv');
  });
});

describe('prune', () => {
  it('removes every stopped container, reports their IDs and the space of their layers', async () => {
    const d = await testDaemon();
    const keep = await d.create(['sleep'], {}, 'keep');
    await d.api('POST', `/containers/${keep}/start`);
    const gone = await d.create(['echo', 'x'], {}, 'gone');
    await d.api('POST', `/containers/${gone}/start`);
    const fresh = await d.create(['x'], { Labels: { tier: 'test' } }, 'fresh');
    await settle(d.clock);
    d.svc.store.get(gone)!.rootfs.writeFile('/tmp/f', '12345');
    const labelled = await d.api(
      'POST',
      `/containers/prune?filters=${encodeURIComponent('{"label":{"tier=test":true}}')}`,
    );
    expect(labelled.json).toEqual({ ContainersDeleted: [fresh], SpaceReclaimed: 0 });
    const answer = await d.api('POST', '/containers/prune');
    expect(answer.json).toEqual({ ContainersDeleted: [gone], SpaceReclaimed: 5 });
    expect((await d.api('POST', '/containers/prune')).json).toEqual({ ContainersDeleted: null, SpaceReclaimed: 0 });
    expect(d.svc.store.list().map((c) => c.id)).toEqual([keep]);
    expect(
      d.ctx.events
        .history()
        .filter((e) => e.Action === 'prune')
        .map((e) => e.Actor.Attributes.reclaimed),
    ).toEqual(['0', '5', '0']);
    expect(
      (await d.api('POST', `/containers/prune?filters=${encodeURIComponent('{"dangling":["true"]}')}`)).status,
    ).toBe(400);
  });
});
