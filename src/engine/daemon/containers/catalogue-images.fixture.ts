// Official images from the catalogue (alpine, nginx…) put straight into a daemon's image store, as
// a pull would leave them — for tests that run real programs through the runtime adapter.
import type { Digest } from '../../digest';
import { generateOfficialCatalogue } from '../../image/official';
import { blobOf, resolveImage } from '../../image/official/walk';
import { gunzip } from '../../layer/gzip';
import type { ImageRecord, ImageStore } from '../image-store';

export async function loadCatalogueImage(
  store: ImageStore,
  repository: string,
  tag = 'latest',
  architecture = 'amd64',
): Promise<ImageRecord> {
  const catalogue = await generateOfficialCatalogue();
  const image = resolveImage(catalogue, `library/${repository}`, tag, architecture);
  let parent: Digest | undefined;
  for (const blob of image.layers) parent = (await store.addLayer(parent, gunzip(blob))).chainId;
  const record = await store.addImage(blobOf(catalogue, image.manifest.config.digest));
  store.tag(record.id, `docker.io/library/${repository}:${tag}`);
  return store.get(record.id)!;
}
