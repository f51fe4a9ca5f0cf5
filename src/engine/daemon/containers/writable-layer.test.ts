import { describe, expect, it } from 'vitest';
import { utf8 } from '../../bytes';
import { Overlay } from '../../layer/overlay';
import { snapshotToEntries } from '../../layer/snapshot-entries';
import { newUpperDir } from '../../layer/overlay-union';
import { snapshotFromEntries, type Snapshot } from '../../layer/snapshot';
import { fillWritableLayer, writableLayerTar } from './writable-layer';

const dir = (path: string) => ({ path, type: 'dir' as const, mode: 0o755, uid: 0, gid: 0, mtime: 100 });
const file = (path: string, text: string) => ({
  path,
  type: 'file' as const,
  mode: 0o644,
  uid: 0,
  gid: 0,
  mtime: 100,
  content: utf8(text),
});

/** An image with a few directories and files to change, delete and hide. */
const image: Snapshot = snapshotFromEntries([
  dir('etc'),
  file('etc/motd', 'welcome\n'),
  file('etc/hostname', 'box\n'),
  dir('var'),
  dir('var/cache'),
  file('var/cache/a', 'a'),
  file('var/cache/b', 'b'),
]);

/** What a container sees: the merged filesystem as entries. */
const seen = (fs: Overlay) => snapshotToEntries(fs.snapshot());

describe('a writable layer as bytes and back', () => {
  it.each([
    [
      'a new file and a changed one',
      (fs: Overlay) => (fs.writeFile('/etc/motd', 'changed\n'), fs.writeFile('/new', 'x')),
    ],
    ['a deletion (whiteout)', (fs: Overlay) => fs.rm('/etc/hostname')],
    [
      'a directory replaced (opaque)',
      (fs: Overlay) => (
        fs.rm('/var/cache', { recursive: true }),
        fs.mkdir('/var/cache'),
        fs.writeFile('/var/cache/c', 'c')
      ),
    ],
    ['a hard link', (fs: Overlay) => (fs.writeFile('/one', '1'), fs.link('/one', '/two'))],
    ['a symlink and a chmod', (fs: Overlay) => (fs.symlink('/etc/motd', '/motd'), fs.chmod('/etc', 0o700))],
  ])('keeps %s', (_name, change) => {
    const original = new Overlay(image, { now: () => 200 });
    change(original);
    const { tar, root } = writableLayerTar(original.upper);
    const upper = newUpperDir(image.root);
    fillWritableLayer(upper, tar, root);
    const restored = new Overlay(image, { now: () => 300 }, upper);
    expect(seen(restored)).toEqual(seen(original));
  });

  it('keeps a hard link a hard link: a write through one name shows through the other', () => {
    const original = new Overlay(image, { now: () => 200 });
    original.writeFile('/one', '1');
    original.link('/one', '/two');
    const { tar, root } = writableLayerTar(original.upper);
    const upper = newUpperDir(image.root);
    fillWritableLayer(upper, tar, root);
    const restored = new Overlay(image, { now: () => 300 }, upper);
    restored.writeFile('/one', 'changed');
    expect(restored.snapshot().root.children.get('two')).toMatchObject({ content: utf8('changed') });
  });
});
