import { describe, expect, it } from 'vitest';
import { Overlay } from './overlay';
import { commitUpper, WHITEOUT_MODE } from './overlay-commit';
import { applyLayer } from './snapshot';
import { snapshotToEntries } from './snapshot-entries';
import { sampleImage, summarize } from './snapshot-fixtures';
import { utf8 } from '../bytes';

function mount() {
  const clock = { t: 5000 };
  return { fs: new Overlay(sampleImage(), { now: () => clock.t }), clock };
}

describe('commitUpper', () => {
  it('is empty for an untouched container', () => {
    expect(commitUpper(mount().fs)).toEqual([]);
  });

  it('carries a modified file whole, with its copied-up parent', () => {
    const { fs } = mount();
    fs.writeFile('/etc/hosts', '10.0.0.1 db\n', { append: true });
    expect(commitUpper(fs)).toEqual([
      { path: 'etc', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 100 },
      {
        path: 'etc/hosts',
        type: 'file',
        mode: 0o644,
        uid: 0,
        gid: 0,
        mtime: 5000,
        content: utf8('127.0.0.1 localhost\n10.0.0.1 db\n'),
      },
    ]);
  });

  it('writes a deletion as an empty 0600 `.wh.` file stamped with the time of deletion', () => {
    const { fs } = mount();
    fs.unlink('/etc/motd');
    const [, whiteout] = commitUpper(fs);
    expect(whiteout).toEqual({
      path: 'etc/.wh.motd',
      type: 'file',
      mode: 0o600,
      uid: 0,
      gid: 0,
      mtime: 5000,
      content: utf8(''),
    });
    expect(WHITEOUT_MODE).toBe(0o600);
  });

  it('writes a deleted directory as one whiteout, not one per child', () => {
    const { fs } = mount();
    fs.rm('/srv', { recursive: true });
    expect(summarize(commitUpper(fs))).toEqual(['.wh.srv=']);
  });

  it('marks a directory made again as opaque, the marker right after it, with its mode and owner', () => {
    const { fs } = mount();
    fs.rm('/srv', { recursive: true });
    fs.mkdir('/srv', { mode: 0o4750, uid: 33, gid: 34 });
    fs.writeFile('/srv/new', 'n');
    const entries = commitUpper(fs);
    expect(summarize(entries)).toEqual(['srv/', 'srv/.wh..wh..opq=', 'srv/new=n']);
    expect(entries[1]).toMatchObject({ type: 'file', mode: 0o750, uid: 33, gid: 34, mtime: 0 });
  });

  it('puts whiteouts before their siblings, each group sorted, parents first', () => {
    const { fs } = mount();
    fs.writeFile('/etc/zz', 'z');
    fs.writeFile('/etc/aa', 'a');
    fs.unlink('/etc/os-release');
    fs.unlink('/etc/motd');
    fs.writeFile('/etc/ssl/new.pem', 'p');
    expect(summarize(commitUpper(fs))).toEqual([
      'etc/',
      'etc/.wh.motd=',
      'etc/.wh.os-release=',
      'etc/aa=a',
      'etc/ssl/',
      'etc/ssl/new.pem=p',
      'etc/zz=z',
    ]);
  });

  it('keeps hard links made in the container as tar hard links', () => {
    const { fs } = mount();
    fs.writeFile('/tmp/b', 'B');
    fs.link('/tmp/b', '/tmp/a');
    fs.symlink('b', '/tmp/s');
    expect(summarize(commitUpper(fs))).toEqual(['tmp/', 'tmp/a=B', 'tmp/b => tmp/a', 'tmp/s -> b']);
  });

  it('copies a file up whole for a chmod, and leaves out the root', () => {
    const { fs } = mount();
    fs.chmod('/etc/motd', 0o600);
    fs.chmod('/', 0o700);
    const entries = commitUpper(fs);
    expect(summarize(entries)).toEqual(['etc/', 'etc/motd=welcome']);
    expect(entries[1]).toMatchObject({ mode: 0o600, mtime: 0 });
  });

  it('gives the same entries for the same changes', () => {
    const run = () => {
      const { fs, clock } = mount();
      fs.mkdir('/app/data', { parents: true });
      clock.t++;
      fs.writeFile('/app/data/x', 'x');
      fs.rm('/srv', { recursive: true });
      fs.rename('/etc/motd', '/app/motd');
      return commitUpper(fs);
    };
    expect(run()).toEqual(run());
  });

  it('rebuilds the container view when applied on the image', () => {
    const { fs } = mount();
    fs.rm('/srv', { recursive: true });
    fs.mkdir('/srv');
    fs.writeFile('/srv/x', 'new');
    fs.unlink('/etc/motd');
    fs.rm('/lib');
    fs.mkdir('/lib');
    fs.writeFile('/bin/sh', 'patched');
    fs.link('/bin/busybox', '/bin/ls');
    fs.rename('/etc/hosts', '/hosts');
    const rebuilt = applyLayer(fs.lower, commitUpper(fs));
    expect(snapshotToEntries(rebuilt)).toEqual(snapshotToEntries(fs.snapshot()));
  });
});
