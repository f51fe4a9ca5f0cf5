// An image's files as a container would first see them: its layers applied in order, base first,
// with symlinks followed inside the image. A read-only view for inspecting the catalogue (and the
// tests); the full overlay filesystem, with whiteouts and a writable layer, lives in src/engine/layer.
import type { FsEntry } from '../../layer/entry';
import { openLayer } from '../../layer/layer';

export class ImageFiles {
  private constructor(private readonly byPath: ReadonlyMap<string, FsEntry>) {}

  /** Unpack the layer blobs (tar.gz, base first) of one image. */
  static async of(layers: readonly Uint8Array[]): Promise<ImageFiles> {
    const byPath = new Map<string, FsEntry>();
    for (const blob of layers) for (const e of (await openLayer(blob)).entries) byPath.set(e.path, e);
    return new ImageFiles(byPath);
  }

  get paths(): string[] {
    return [...this.byPath.keys()];
  }

  /** The entry at `path` itself (a symlink is not followed). */
  lstat(path: string): FsEntry | undefined {
    return this.byPath.get(path.replace(/^\/+/, ''));
  }

  /** Follow symlinks and hard links (at most 40, like Linux) to the entry that holds the content. */
  resolve(path: string): FsEntry | undefined {
    let parts = path.split('/').filter((p) => p !== '' && p !== '.');
    for (let hops = 0; hops < 40; hops++) {
      let i = 0;
      let redirected = false;
      for (; i < parts.length; i++) {
        const entry = this.byPath.get(parts.slice(0, i + 1).join('/'));
        if (!entry) return undefined;
        if (entry.type === 'symlink') {
          const target = entry.linkname!.split('/').filter((p) => p !== '' && p !== '.');
          const base = entry.linkname!.startsWith('/') ? [] : parts.slice(0, i);
          const joined = [...base, ...target, ...parts.slice(i + 1)];
          parts = [];
          for (const p of joined) {
            if (p === '..') parts.pop();
            else parts.push(p);
          }
          redirected = true;
          break;
        }
        if (entry.type === 'hardlink' && i === parts.length - 1) {
          parts = entry.linkname!.split('/');
          redirected = true;
          break;
        }
      }
      if (!redirected) return this.byPath.get(parts.join('/'));
    }
    return undefined;
  }

  /** Content of the file at `path`, following links; undefined when there is no such file. */
  read(path: string): Uint8Array | undefined {
    const e = this.resolve(path);
    return e?.type === 'file' ? (e.content ?? new Uint8Array(0)) : undefined;
  }
}
