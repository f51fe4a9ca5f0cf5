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

  it('symlinks climbing above the copied path: GET sends them as they are, PUT refuses them (breakout)', async () => {
    const d = await testDaemon();
    await d.create(['sleep'], {}, 'box');
    const fs = d.svc.store.find('box').rootfs;
    fs.symlink('../../usr/lib/nginx/modules', '/etc/nginx/modules');
    fs.symlink('/etc/os-release', '/etc/nginx/absolute');
    fs.symlink('../os-release', '/etc/nginx/inside');
    const out = await d.handler({ method: 'GET', url: '/containers/box/archive?path=/etc/nginx', headers: {} });
    expect(out.status).toBe(200);
    const tar = await readBody(out.body);
    const links = readTarLinks(tar);
    expect(links).toEqual(
      new Map([
        ['nginx/absolute', '/etc/os-release'],
        ['nginx/inside', '../os-release'],
        ['nginx/modules', '../../usr/lib/nginx/modules'],
      ]),
    );
    // One level up, the same links stay inside the archive: a layer's tar reader accepts it.
    const etc = await d.handler({ method: 'GET', url: '/containers/box/archive?path=/etc', headers: {} });
    expect(readTar(await readBody(etc.body)).map((e) => e.path)).toContain('etc/nginx/modules');

    const put = await d.handler({ method: 'PUT', url: '/containers/box/archive?path=/tmp', headers: {}, body: tar });
    expect(put.status).toBe(500);
    expect(JSON.parse(new TextDecoder().decode(await readBody(put.body)))).toEqual({
      message: 'invalid symlink "/tmp/nginx/modules" -> "../../usr/lib/nginx/modules"',
    });
    expect(fs.exists('/tmp/nginx')).toBe(false);
  });
});

/** Symlink entries of a tar (name → target), read header by header: readTar would refuse the archive. */
function readTarLinks(tar: Uint8Array): Map<string, string> {
  const links = new Map<string, string>();
  const text = (from: number, length: number) =>
    new TextDecoder().decode(tar.subarray(from, from + length)).replace(/\0.*$/s, '');
  for (let at = 0; at + 512 <= tar.length && tar[at] !== 0;) {
    const size = parseInt(text(at + 124, 12) || '0', 8);
    if (text(at + 156, 1) === '2') links.set(text(at, 100), text(at + 157, 100));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return links;
}
