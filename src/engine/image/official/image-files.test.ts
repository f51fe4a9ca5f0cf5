import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../bytes';
import { buildLayer } from '../../layer/layer';
import { ImageFiles } from './image-files';
import { amd64 } from './platforms';
import { FileTree } from './tree';

async function imageOf(...trees: FileTree[]): Promise<ImageFiles> {
  const blobs = [];
  for (const t of trees) blobs.push((await buildLayer(t.entries())).blob);
  return ImageFiles.of(blobs);
}

describe('ImageFiles', () => {
  it('lets an upper layer replace a file of a lower one', async () => {
    const f = await imageOf(
      new FileTree(amd64, 0).text('etc/passwd', 'root\n'),
      new FileTree(amd64, 0).text('etc/passwd', 'root\nnode\n'),
    );
    expect(fromUtf8(f.read('/etc/passwd')!)).toBe('root\nnode\n');
  });

  it('follows relative, absolute and chained symlinks, and directory symlinks mid-path', async () => {
    const f = await imageOf(
      new FileTree(amd64, 0)
        .text('usr/lib/os-release', 'ID=test\n')
        .symlink('etc/os-release', '../usr/lib/os-release')
        .symlink('etc/alias', '/etc/os-release')
        .symlink('lib', 'usr/lib'),
    );
    expect(fromUtf8(f.read('etc/alias')!)).toBe('ID=test\n');
    expect(fromUtf8(f.read('/lib/os-release')!)).toBe('ID=test\n');
    expect(f.lstat('etc/alias')!.type).toBe('symlink');
  });

  it('gives up on symlink loops and missing files', async () => {
    const f = await imageOf(new FileTree(amd64, 0).symlink('a', 'b').symlink('b', 'a'));
    expect(f.read('a')).toBeUndefined();
    expect(f.read('nope')).toBeUndefined();
  });
});
