// Loading from an OCI image layout: start at index.json, follow each descriptor to its blob
// (checking size and digest), through nested indexes, to image manifests, their configs and
// layers. Names come from the entry's annotations: `io.containerd.image.name` (a full reference,
// as `docker save` and containerd write it) or else `org.opencontainers.image.ref.name` when it is
// a whole tagged reference — a bare tag such as skopeo's `v1` names no repository, so the image
// loads untagged.
//
// In a nested (multi-platform) index, entries whose blobs are not in the archive are skipped
// (an archive often carries one platform of many), as are attestation manifests; with
// `options.platform` only the entry Docker would pull for that platform is loaded.
import type { Bytes } from '../../bytes';
import { algorithmOf, sha256Of } from '../../digest';
import { familiarString, parseReference } from '../../reference';
import { ManifestInvalidError, UnsupportedMediaTypeError, DeprecatedSchema1Error } from '../errors';
import { parseIndex } from '../image-index';
import { parseManifest } from '../manifest';
import { configMediaTypes, indexMediaTypes, manifestMediaTypes } from '../media-types';
import { selectPlatform } from '../platform';
import type { Descriptor } from '../types';
import { ArchiveError } from './archive-error';
import type { ArchiveFiles } from './archive-files';
import { familiarTag, readConfig, type LoadedImage, type LoadOptions } from './load-common';
import { layerTar } from './layer-tar';
import { imageNameAnnotation, layoutBlobPath, refNameAnnotation } from './oci-layout';

interface Walk {
  files: ArchiveFiles;
  options: LoadOptions;
  images: LoadedImage[];
}

/** The blob a descriptor points at, checked against the descriptor's digest and size. */
async function blobOf(files: ArchiveFiles, descriptor: Descriptor): Promise<Bytes> {
  const path = layoutBlobPath(descriptor.digest);
  if (algorithmOf(descriptor.digest) !== 'sha256') {
    throw new ArchiveError('unsupported', `invalid archive: ${path}: only sha256 digests are supported`);
  }
  const bytes = files.file(path);
  if (bytes.length !== descriptor.size) {
    throw new ArchiveError(
      'size-mismatch',
      `invalid archive: ${path}: size mismatch: expected ${descriptor.size}, got ${bytes.length}`,
    );
  }
  const actual = await sha256Of(bytes);
  if (actual !== descriptor.digest) {
    throw new ArchiveError(
      'digest-mismatch',
      `invalid archive: ${path}: digest mismatch: expected ${descriptor.digest}, got ${actual}`,
    );
  }
  return bytes;
}

/** Parse a manifest or index blob, turning the image model's errors into archive errors. */
function parsed<T>(path: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (
      err instanceof ManifestInvalidError ||
      err instanceof UnsupportedMediaTypeError ||
      err instanceof DeprecatedSchema1Error
    ) {
      throw new ArchiveError('malformed-json', `invalid archive: ${path}: ${err.message}`, { cause: err });
    }
    throw err;
  }
}

function namesOf(descriptor: Descriptor): string[] {
  const full = descriptor.annotations?.[imageNameAnnotation];
  if (full) return [familiarTag(full)];
  const refName = descriptor.annotations?.[refNameAnnotation];
  if (!refName) return [];
  try {
    const ref = parseReference(refName);
    return ref.tag !== undefined && ref.digest === undefined && /[/:]/.test(refName) ? [familiarString(ref)] : [];
  } catch {
    return []; // a tag alone, or a name only the tool that wrote it understands
  }
}

function isAttestation(descriptor: Descriptor): boolean {
  return descriptor.platform?.os === 'unknown' || descriptor.annotations?.['vnd.docker.reference.type'] !== undefined;
}

async function loadImage(walk: Walk, descriptor: Descriptor, names: string[], nested: boolean): Promise<boolean> {
  const path = layoutBlobPath(descriptor.digest);
  const bytes = await blobOf(walk.files, descriptor);
  const manifest = parsed(path, () => parseManifest(bytes, descriptor.mediaType));
  if (!configMediaTypes.includes(manifest.config.mediaType)) {
    if (nested) return false;
    throw new ArchiveError(
      'unsupported',
      `invalid archive: ${path}: not an image (config media type ${manifest.config.mediaType})`,
    );
  }
  const configPath = layoutBlobPath(manifest.config.digest);
  const config = await blobOf(walk.files, manifest.config);
  const { digest, diffIds } = await readConfig(config, configPath);
  if (manifest.layers.length !== diffIds.length) {
    throw new ArchiveError(
      'layers-mismatch',
      `invalid manifest, layers length mismatch: expected ${manifest.layers.length}, got ${diffIds.length}`,
    );
  }
  const layers: Bytes[] = [];
  for (const [i, layer] of manifest.layers.entries()) {
    layers.push(await layerTar(await blobOf(walk.files, layer), diffIds[i]!, i, layoutBlobPath(layer.digest)));
  }
  walk.images.push({ config, configDigest: digest, layers, repoTags: names });
  return true;
}

async function loadNestedIndex(walk: Walk, descriptor: Descriptor, names: string[]): Promise<boolean> {
  const path = layoutBlobPath(descriptor.digest);
  const bytes = await blobOf(walk.files, descriptor);
  const index = parsed(path, () => parseIndex(bytes, descriptor.mediaType));
  const candidates = walk.options.platform
    ? [selectPlatform({ ...index, manifests: index.manifests.filter((d) => !isAttestation(d)) }, walk.options.platform)]
    : index.manifests.filter((d) => !isAttestation(d) && walk.files.has(layoutBlobPath(d.digest)));
  let loaded = false;
  for (const child of candidates) loaded = (await loadDescriptor(walk, child, names, true)) || loaded;
  if (!loaded)
    throw new ArchiveError('missing-file', `invalid archive: ${path}: no image of this index is in the archive`);
  return true;
}

function loadDescriptor(walk: Walk, descriptor: Descriptor, names: string[], nested: boolean): Promise<boolean> {
  if (manifestMediaTypes.includes(descriptor.mediaType)) return loadImage(walk, descriptor, names, nested);
  if (indexMediaTypes.includes(descriptor.mediaType)) return loadNestedIndex(walk, descriptor, names);
  return Promise.resolve(false); // artifacts and other content: not images
}

/** Every image an OCI layout's index.json leads to. */
export async function loadOciLayout(files: ArchiveFiles, options: LoadOptions): Promise<LoadedImage[]> {
  const index = parsed('index.json', () => parseIndex(files.file('index.json')));
  const walk: Walk = { files, options, images: [] };
  for (const descriptor of index.manifests) await loadDescriptor(walk, descriptor, namesOf(descriptor), false);
  if (walk.images.length === 0 && index.manifests.length > 0) {
    throw new ArchiveError('unsupported', 'invalid archive: index.json lists no image that can be loaded');
  }
  return walk.images;
}
