// `docker load`: images back out of an archive, every byte checked before anything is returned.
//
// Two kinds of archive are understood:
//   - a docker archive, recognised by `manifest.json` (`docker save` of any version, skopeo's
//     `docker-archive:`): config and layer paths are read from it, whatever they look like
//     (`blobs/sha256/…`, `<hex>.json`, `<id>/layer.tar`, `<hex>.tar`);
//   - an OCI image layout, recognised by `index.json` (skopeo's `oci-archive:`, umoci, buildx):
//     followed from the index through manifests (and nested indexes) to configs and layers.
// When both are present (Docker ≥ 25 writes both) manifest.json is used, as the classic store does.
//
// Every layer is decompressed if it is gzip and must hash to the config's diff_id; a blob under
// `blobs/<alg>/<hex>` must hash to its name. The result is built in full before it is returned,
// so a bad archive yields an error and no images — nothing half-loaded. Archives without either
// file (Docker < 1.10) are refused, as current Docker refuses them.
import type { Bytes } from '../../bytes';
import { ArchiveError } from './archive-error';
import { ArchiveFiles } from './archive-files';
import { parseManifestJson } from './docker-manifest';
import { layerTar } from './layer-tar';
import { checkNamedBlob, familiarTag, readConfig, type LoadedImage, type LoadOptions } from './load-common';
import { loadOciLayout } from './load-oci';

export type { LoadedImage, LoadOptions } from './load-common';

async function loadDockerArchive(files: ArchiveFiles): Promise<LoadedImage[]> {
  const images: LoadedImage[] = [];
  for (const item of parseManifestJson(files.file('manifest.json'))) {
    const config = files.file(item.Config);
    await checkNamedBlob(item.Config, config);
    const { digest, diffIds } = await readConfig(config, item.Config);
    if (item.Layers.length !== diffIds.length) {
      throw new ArchiveError(
        'layers-mismatch',
        `invalid manifest, layers length mismatch: expected ${item.Layers.length}, got ${diffIds.length}`,
      );
    }
    const layers: Bytes[] = [];
    for (const [i, path] of item.Layers.entries()) {
      const blob = files.file(path);
      await checkNamedBlob(path, blob);
      layers.push(await layerTar(blob, diffIds[i]!, i, path));
    }
    images.push({ config, configDigest: digest, layers, repoTags: (item.RepoTags ?? []).map(familiarTag) });
  }
  return images;
}

/** Read every image in a docker archive or OCI layout tar (optionally gzip-compressed). */
export async function loadArchive(bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadedImage[]> {
  const files = ArchiveFiles.read(bytes);
  if (files.has('manifest.json')) return loadDockerArchive(files);
  if (files.has('index.json')) return loadOciLayout(files, options);
  throw new ArchiveError('no-manifest', 'invalid archive: does not contain a manifest.json');
}
