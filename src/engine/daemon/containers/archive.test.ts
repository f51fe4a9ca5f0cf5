// `docker cp` endpoints: stat header, a path out as a tar, a tar in.
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../bytes';
import { readTar, writeTar } from '../../layer/tar';
import { readBody } from '../../wire/message';
import { settle, testDaemon } from './containers.fixture';

const decodeStat = (header: string | undefined) => JSON.parse(atob(header ?? '')) as Record<string, unknown>;

describe('archive', () => {
  it('HEAD: the stat as base64 JSON with Go file modes; 404 in Docker words', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep'], {}, 'box');
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    const head = await d.handler({ method: 'HEAD', url: '/containers/box/archive?path=/etc/os-release', headers: {} });
    expect(head.status).toBe(200);
    expect(decodeStat(head.headers['X-Docker-Container-Path-Stat'])).toEqual({
      name: 'os-release',
      size: 'NAME="Fixture Linux"\n'.length,
      mode: 0o644,
      mtime: '2023-11-14T22:13:20Z',
      linkTarget: '',
    });
    const dir = await d.handler({ method: 'HEAD', url: '/containers/box/archive?path=/etc', headers: {} });
    expect(decodeStat(dir.headers['X-Docker-Container-Path-Stat']).mode).toBe(2 ** 31 + 0o755);
    expect(await d.api('HEAD', '/containers/box/archive?path=/nope')).toMatchObject({ status: 404 });
    expect((await d.api('GET', '/containers/box/archive?path=/nope')).json).toEqual({
      message: 'Could not find the file /nope in container box',
    });
  });

  it('GET: a tar named from the base name; PUT: a tar extracted into a directory, seen by docker diff', async () => {
    const d = await testDaemon();
    await d.create(['sleep'], {}, 'box');
    const out = await d.handler({ method: 'GET', url: '/containers/box/archive?path=/etc', headers: {} });
    expect(out.headers['Content-Type']).toBe('application/x-tar');
    expect(readTar(await readBody(out.body)).map((e) => e.path)).toEqual(['etc', 'etc/nginx', 'etc/os-release']);
    const tar = writeTar([
      { path: 'conf', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 },
      { path: 'conf/app.ini', type: 'file', mode: 0o600, uid: 1000, gid: 1000, mtime: 0, content: utf8('x=1\n') },
    ]);
    const put = await d.handler({
      method: 'PUT',
      url: '/containers/box/archive?path=/tmp&noOverwriteDirNonDir=1',
      headers: {},
      body: tar,
    });
    expect(put.status).toBe(200);
    const fs = d.svc.store.find('box').rootfs;
    expect(fs.readText('/tmp/conf/app.ini')).toBe('x=1\n');
    expect(fs.stat('/tmp/conf/app.ini')).toMatchObject({ mode: 0o600, uid: 1000 });
    expect((await d.api('GET', '/containers/box/changes')).json).toEqual([
      { Path: '/tmp', Kind: 0 },
      { Path: '/tmp/conf', Kind: 1 },
      { Path: '/tmp/conf/app.ini', Kind: 1 },
    ]);
    const notDir = await d.handler({
      method: 'PUT',
      url: '/containers/box/archive?path=/etc/os-release',
      headers: {},
      body: tar,
    });
    expect(notDir.status).toBe(400);
  });
});
