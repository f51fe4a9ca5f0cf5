// Small images for tests of save and load (here and in test/conformance): files become one layer
// each, a config is written with the real diff_ids. Not used by the engine itself.
import { utf8, type Bytes } from '../../bytes';
import { sha256Of } from '../../digest';
import type { FsEntry } from '../../layer/entry';
import { writeTar } from '../../layer/tar';
import { serialiseConfig } from '../serialise';
import type { ImageConfig } from '../types';

export const fixtureTime = 1_700_000_000; // 2023-11-14T22:13:20Z

/** A regular file entry (and its parent directories are the caller's business). */
export function fixtureFile(path: string, content: string, mode = 0o644): FsEntry {
  return { path, type: 'file', mode, uid: 0, gid: 0, mtime: fixtureTime, content: utf8(content) };
}

export function fixtureDir(path: string): FsEntry {
  return { path, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: fixtureTime };
}

export interface FixtureImage {
  config: Bytes;
  layers: Bytes[];
}

/** An image whose layers hold the given entries, base first. */
export async function fixtureImage(
  layers: readonly (readonly FsEntry[])[],
  options: { architecture?: string; cmd?: string[]; created?: string } = {},
): Promise<FixtureImage> {
  const tars = layers.map((entries) => writeTar(entries));
  const config: ImageConfig = {
    created: options.created ?? '2023-11-14T22:13:20.123456789Z',
    architecture: options.architecture ?? 'amd64',
    os: 'linux',
    config: {
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      Cmd: options.cmd ?? ['/bin/sh'],
    },
    rootfs: { type: 'layers', diff_ids: await Promise.all(tars.map((t) => sha256Of(t))) },
    history: tars.map((_, i) => ({ created: '2023-11-14T22:13:20Z', created_by: `fixture layer ${i}` })),
  };
  return { config: serialiseConfig(config), layers: tars };
}
