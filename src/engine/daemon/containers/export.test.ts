// `GET /containers/{id}/export` as moby tars the mounted RW layer: the image's files and the
// container's own, the init layer's placeholders (empty 0755 files where Docker bind-mounts
// /etc/hosts and friends — even while the container sees real ones), and its refusals.
import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../bytes';
import { readTar } from '../../layer/tar';
import { readBody } from '../../wire/message';
import { settle, testDaemon, type TestDaemon } from './containers.fixture';

async function exported(d: TestDaemon, id: string) {
  const res = await d.handler({ method: 'GET', url: `/containers/${id}/export`, headers: {} });
  expect(res.status).toBe(200);
  expect(res.headers['Content-Type']).toBe('application/x-tar');
  return new Map(readTar(await readBody(res.body)).map((e) => [e.path, e]));
}

describe('export', () => {
  it('a container that never ran: the image, the init layer made at create, its own files', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep'], {}, 'web');
    d.svc.store.get(id)!.rootfs.writeFile('/tmp/note', 'mine');
    const files = await exported(d, 'web');
    expect(fromUtf8(files.get('etc/os-release')!.content!)).toBe('NAME="Fixture Linux"\n');
    expect(fromUtf8(files.get('tmp/note')!.content!)).toBe('mine');
    for (const path of ['.dockerenv', 'dev/console', 'etc/hostname', 'etc/hosts', 'etc/resolv.conf']) {
      expect(files.get(path)).toMatchObject({ type: 'file', mode: 0o755, uid: 0, gid: 0 });
      expect(files.get(path)!.content!.length).toBe(0);
    }
    expect(files.get('etc/mtab')).toMatchObject({ type: 'symlink', linkname: '/proc/mounts' });
    for (const path of ['proc', 'sys', 'dev/pts', 'dev/shm']) expect(files.get(path)?.type).toBe('dir');
    expect(d.ctx.events.history().at(-1)).toMatchObject({ Action: 'export', Actor: { ID: id } });
  });

  it('a running container: /etc/hosts is the empty placeholder, not the file its processes read', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep'], {}, 'web');
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    const container = d.svc.store.get(id)!;
    expect(fromUtf8(container.rootfs.readFile('/etc/hosts'))).toContain('localhost');
    container.rootfs.writeFile('/etc/hosts', 'edited by the container\n');
    const files = await exported(d, id);
    expect(files.get('etc/hosts')!.content!.length).toBe(0);
    expect(files.get('etc/hostname')!.content!.length).toBe(0);
  });

  it('a dead container, or one being removed: 409 in moby’s words', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    const container = d.svc.store.get(id)!;
    container.state.removalInProgress = true;
    expect(await d.api('GET', `/containers/${id}/export`)).toMatchObject({
      status: 409,
      json: { message: `You cannot export container ${id} which is being removed` },
    });
    container.state.removalInProgress = false;
    container.state.dead = true;
    expect(await d.api('GET', `/containers/${id}/export`)).toMatchObject({
      status: 409,
      json: { message: `You cannot export container ${id} which is Dead` },
    });
    expect(await d.api('GET', '/containers/nosuch/export')).toMatchObject({ status: 404 });
  });
});
