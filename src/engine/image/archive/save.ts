// `docker save`: images to one tar that is at the same time an OCI image layout and a docker
// archive, as the classic store writes it since Docker 25 (`daemon/internal/image/tarexport/save.go`):
//
//   blobs/                       directory, 0755
//   blobs/sha256/                directory, 0755
//   blobs/sha256/<image id>      the config, byte for byte
//   blobs/sha256/<diff_id>       each layer as an *uncompressed* tar (so its digest is its diff_id)
//   blobs/sha256/<manifest>      an OCI manifest: config + layers, media type …layer.v1.tar
//   index.json                   OCI index: one entry per name, annotated with
//                                io.containerd.image.name (full) and org.opencontainers.image.ref.name (tag)
//   manifest.json                docker archive index (docker-manifest.ts), with LayerSources
//   oci-layout                   {"imageLayoutVersion": "1.0.0"}
//   repositories                 legacy name → tag → top layer, when anything is tagged
//
// Files are 0644 and owned by 0:0. Config and layer blobs carry the image's `created` time, the
// rest the epoch, as Docker sets them. Deliberate differences, for determinism and clarity:
// Docker also writes one legacy v1 JSON blob per layer that nothing references — we leave them
// out; `blobs/sha256/` gets the epoch (Docker's ends up with the time of the save); images go in
// the order given (Docker's follows a Go map); and an untagged image saved with tagged ones is
// still listed in index.json (Docker drops it, moby#51389).
import type { Bytes } from '../../bytes';
import { encodedOf, sha256Of, type Digest } from '../../digest';
import type { FsEntry } from '../../layer/entry';
import { isGzip } from '../../layer/gzip';
import { writeTar } from '../../layer/tar';
import {
  familiarName,
  familiarString,
  fullString,
  parseReference,
  withDefaultTag,
  type ImageReference,
} from '../../reference';
import { parseConfig } from '../config';
import { MediaType } from '../media-types';
import { serialiseIndex, serialiseManifest } from '../serialise';
import type { Descriptor } from '../types';
import { ArchiveError } from './archive-error';
import { serialiseManifestJson, serialiseRepositories, type ManifestItem } from './docker-manifest';
import { imageNameAnnotation, layoutBlobPath, ociLayoutFile, refNameAnnotation } from './oci-layout';

export interface SaveInput {
  /** The config bytes, exactly as stored (their sha256 is the image ID). */
  config: Bytes;
  /** The uncompressed layer tars, base first; each must hash to the config's diff_id. */
  layers: Bytes[];
  /** Names to save the image under, full or familiar (`alpine:latest`); a bare name means `:latest`. */
  repoTags: string[];
}

interface Prepared {
  id: Digest;
  config: Bytes;
  diffIds: Digest[];
  layers: Bytes[];
  created: number;
  refs: ImageReference[];
}

function createdSeconds(created: string | undefined): number {
  const ms = created === undefined ? NaN : Date.parse(created);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
}

async function prepare(input: SaveInput): Promise<Prepared> {
  const config = parseConfig(input.config);
  const diffIds = config.rootfs.diff_ids;
  if (diffIds.length === 0) throw new ArchiveError('empty-image', 'empty export - not implemented');
  if (input.layers.length !== diffIds.length) {
    throw new ArchiveError(
      'layers-mismatch',
      `invalid image: the config lists ${diffIds.length} layers, ${input.layers.length} were given`,
    );
  }
  for (const [i, layer] of input.layers.entries()) {
    if (isGzip(layer)) {
      throw new ArchiveError(
        'diff-id-mismatch',
        `layer ${i} is gzip-compressed: save takes the uncompressed tar, whose sha256 is the diff_id`,
      );
    }
    const actual = await sha256Of(layer);
    if (actual !== diffIds[i]) {
      throw new ArchiveError(
        'diff-id-mismatch',
        `invalid diffID for layer ${i}: expected "${diffIds[i]}", got "${actual}"`,
      );
    }
  }
  // Digest references are skipped and names get `latest`, as the daemon's parseNames does.
  const refs = input.repoTags
    .map((t) => parseReference(t))
    .filter((r) => r.digest === undefined)
    .map(withDefaultTag);
  return {
    id: await sha256Of(input.config),
    config: input.config,
    diffIds,
    layers: input.layers,
    created: createdSeconds(config.created),
    refs,
  };
}

/** Several inputs of the same image become one, with all their names (deduplicated). */
function merge(images: Prepared[]): Prepared[] {
  const byId = new Map<Digest, Prepared>();
  for (const image of images) {
    const seen = byId.get(image.id);
    const target = seen ?? { ...image, refs: [] };
    for (const ref of image.refs) {
      if (!target.refs.some((r) => fullString(r) === fullString(ref))) target.refs.push(ref);
    }
    byId.set(image.id, target);
  }
  return [...byId.values()];
}

const file = (path: string, content: Bytes, mtime: number): FsEntry => ({
  path,
  type: 'file',
  mode: 0o644,
  uid: 0,
  gid: 0,
  mtime,
  content,
});
const dir = (path: string, mtime: number): FsEntry => ({ path, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime });

/** Write images as `docker save` does; the same images always give the same bytes. */
export async function saveImages(images: SaveInput[]): Promise<Bytes> {
  const prepared = merge(await Promise.all(images.map(prepare)));
  const blobs = new Map<string, FsEntry>();
  const addBlob = (digest: Digest, bytes: Bytes, mtime: number) => {
    const path = layoutBlobPath(digest);
    if (!blobs.has(path)) blobs.set(path, file(path, bytes, mtime));
  };
  const indexEntries: Descriptor[] = [];
  const items: ManifestItem[] = [];
  const repositories = new Map<string, Map<string, string>>();

  for (const image of prepared) {
    addBlob(image.id, image.config, image.created);
    image.layers.forEach((layer, i) => addBlob(image.diffIds[i]!, layer, image.created));
    const layerDescriptors = image.layers.map((layer, i) => ({
      mediaType: MediaType.ociLayerTar,
      digest: image.diffIds[i]!,
      size: layer.length,
    }));
    const manifest = serialiseManifest({
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      config: { mediaType: MediaType.ociConfig, digest: image.id, size: image.config.length },
      layers: layerDescriptors,
    });
    const manifestDigest = await sha256Of(manifest);
    addBlob(manifestDigest, manifest, 0);
    const untagged = { mediaType: MediaType.ociManifest, digest: manifestDigest, size: manifest.length };

    const top = encodedOf(image.diffIds[image.diffIds.length - 1]!);
    for (const ref of image.refs) {
      const tags = repositories.get(familiarName(ref)) ?? new Map<string, string>();
      tags.set(ref.tag!, top);
      repositories.set(familiarName(ref), tags);
      indexEntries.push({
        ...untagged,
        annotations: { [imageNameAnnotation]: fullString(ref), [refNameAnnotation]: ref.tag! },
      });
    }
    if (image.refs.length === 0) indexEntries.push(untagged);
    items.push({
      Config: layoutBlobPath(image.id),
      RepoTags: image.refs.length === 0 ? null : image.refs.map((r) => familiarString(r)),
      Layers: image.diffIds.map(layoutBlobPath),
      LayerSources: Object.fromEntries(layerDescriptors.map((d) => [d.digest, d])),
    });
  }

  const entries: FsEntry[] = [
    dir('blobs', prepared[prepared.length - 1]?.created ?? 0),
    dir('blobs/sha256', 0),
    ...[...blobs.keys()].sort().map((path) => blobs.get(path)!),
    file('index.json', serialiseIndex({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: indexEntries }), 0),
    file('manifest.json', serialiseManifestJson(items), 0),
    file('oci-layout', ociLayoutFile, 0),
  ];
  if (repositories.size > 0) entries.push(file('repositories', serialiseRepositories(repositories), 0));
  return writeTar(entries);
}
