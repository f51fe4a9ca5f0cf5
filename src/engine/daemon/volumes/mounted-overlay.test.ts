import { describe, expect, it } from 'vitest';
import { isFsError } from '../../layer/fs-errors';
import { Overlay } from '../../layer/overlay';
import { emptySnapshot } from '../../layer/snapshot';
import { MountedOverlay } from './mounted-overlay';
import { ReadOnlyFs } from './read-only';

function setup() {
  const base = new Overlay(emptySnapshot());
  base.mkdir('/data', { parents: true });
  base.mkdir('/etc');
  base.symlink('/data', '/link');
  const volume = new Overlay(emptySnapshot());
  const ro = new Overlay(emptySnapshot());
  ro.writeFile('/conf', 'x');
  const root = new MountedOverlay(base.lower, {}, base.upper, [
    { target: '/data', fs: volume },
    { target: '/etc/ro', fs: new ReadOnlyFs(ro) },
  ]);
  return { base, volume, root };
}

const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return isFsError(err) ? err.code : String(err);
  }
};

describe('a root with mounts', () => {
  it('writes under a mount point land in the mounted filesystem, elsewhere in the overlay', () => {
    const { base, volume, root } = setup();
    root.writeFile('/data/a', 'v');
    root.at('/data').writeFile('b', 'w');
    root.writeFile('/tmp-file', 'o');
    expect(volume.readdir('/')).toEqual(['a', 'b']);
    expect(base.exists('/data/a')).toBe(false);
    expect(base.readText('/tmp-file')).toBe('o');
    expect(root.readText('/link/a')).toBe('v');
    expect(root.realpath('/link/a')).toBe('/data/a');
  });

  it('mount points are busy, renames across filesystems are EXDEV, read-only mounts are EROFS', () => {
    const { root } = setup();
    root.writeFile('/x', '1');
    expect(code(() => root.rmdir('/data'))).toBe('EBUSY');
    expect(code(() => root.rm('/etc', { recursive: true }))).toBe('EBUSY');
    expect(code(() => root.rename('/x', '/data/x'))).toBe('EXDEV');
    expect(code(() => root.writeFile('/etc/ro/conf', 'y'))).toBe('EROFS');
    expect(root.readText('/etc/ro/conf')).toBe('x');
    expect(code(() => root.mkdir('/data', {}))).toBe('EEXIST');
    expect(code(() => root.mkdir('/data', { parents: true }))).toBe('ok');
  });
});
