// Archives written the ways other tools write them, for the load tests: Docker < 25's
// `<id>/layer.tar` layout, skopeo's docker-archive with links, and OCI layouts with gzip layers.
import { utf8, type Bytes } from '../../bytes';
import { encodedOf, sha256Of } from '../../digest';
import type { FsEntry } from '../../layer/entry';
import { gzip } from '../../layer/gzip';
import { readTar, writeTar } from '../../layer/tar';
import { MediaType } from '../media-types';
import { serialiseIndex, serialiseManifest } from '../serialise';
import type { Descriptor, Platform } from '../types';
import { fixtureDir, type FixtureImage } from './fixture-images';

export const file = (path: string, content: Uint8Array | string): FsEntry => ({
  path,
  type: 'file',
  mode: 0o644,
  uid: 0,
  gid: 0,
  mtime: 0,
  content: typeof content === 'string' ? utf8(content) : (content as Bytes),
});
export const symlink = (path: string, target: string): FsEntry => ({
  path,
  type: 'symlink',
  mode: 0o777,
  uid: 0,
  gid: 0,
  mtime: 0,
  linkname: target,
});
export const hex = async (b: Uint8Array) => encodedOf(await sha256Of(b));

/** The layout Docker < 25 wrote: `<hex>.json` config and `<v1 id>/layer.tar` files. */
export async function legacyDockerArchive(
  image: FixtureImage,
  repoTags: string[] | null,
  layers = image.layers,
): Promise<Bytes> {
  const ids = await Promise.all(layers.map(hex));
  const config = `${await hex(image.config)}.json`;
  const entries: FsEntry[] = [file(config, image.config)];
  ids.forEach((id, i) =>
    entries.push(
      fixtureDir(id),
      file(`${id}/VERSION`, '1.0'),
      file(`${id}/json`, '{}'),
      file(`${id}/layer.tar`, layers[i]!),
    ),
  );
  entries.push(
    file(
      'manifest.json',
      JSON.stringify([{ Config: config, RepoTags: repoTags, Layers: ids.map((id) => `${id}/layer.tar`) }]),
    ),
  );
  return writeTar(entries);
}

/** The layout skopeo's docker-archive writes: `<hex>.tar` layers, `<id>/layer.tar` symlinks to them, full names. */
export async function skopeoDockerArchive(image: FixtureImage, repoTag: string): Promise<Bytes> {
  const ids = await Promise.all(image.layers.map(hex));
  const config = `${await hex(image.config)}.json`;
  const entries: FsEntry[] = [file(config, image.config)];
  ids.forEach((id, i) =>
    entries.push(file(`${id}.tar`, image.layers[i]!), symlink(`v1-${i}/layer.tar`, `../${id}.tar`)),
  );
  entries.push(
    file(
      'manifest.json',
      JSON.stringify([{ Config: config, RepoTags: [repoTag], Layers: ids.map((_, i) => `v1-${i}/layer.tar`) }]),
    ),
  );
  return writeTar(entries);
}

export interface OciImage {
  manifest: Descriptor;
  blobs: Map<string, Uint8Array>;
}

/** An image as registries and skopeo's oci: transport keep it: gzip layers, an OCI manifest. */
export async function ociImage(image: FixtureImage, platform?: Platform): Promise<OciImage> {
  const blobs = new Map<string, Uint8Array>();
  const put = async (bytes: Uint8Array) => {
    blobs.set(`blobs/sha256/${await hex(bytes)}`, bytes);
    return sha256Of(bytes);
  };
  const layers = [];
  for (const tar of image.layers) {
    const gz = gzip(tar);
    layers.push({ mediaType: MediaType.ociLayerGzip, digest: await put(gz), size: gz.length });
  }
  const manifest = serialiseManifest({
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: { mediaType: MediaType.ociConfig, digest: await put(image.config), size: image.config.length },
    layers,
  });
  const descriptor: Descriptor = {
    mediaType: MediaType.ociManifest,
    digest: await put(manifest),
    size: manifest.length,
  };
  if (platform) descriptor.platform = platform;
  return { manifest: descriptor, blobs };
}

export function layoutTar(index: Descriptor[], blobs: Map<string, Uint8Array>, extra: FsEntry[] = []): Bytes {
  return writeTar([
    file('oci-layout', '{"imageLayoutVersion":"1.0.0"}'),
    file('index.json', serialiseIndex({ schemaVersion: 2, manifests: index })),
    ...[...blobs].map(([path, bytes]) => file(path, bytes)),
    ...extra,
  ]);
}

export function tamper(tar: Uint8Array, path: string, change: (content: Bytes) => Uint8Array): Bytes {
  return writeTar(readTar(tar).map((e) => (e.path === path ? { ...e, content: change(e.content!) as Bytes } : e)));
}
