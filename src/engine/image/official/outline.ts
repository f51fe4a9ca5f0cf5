// The catalogue's outline: what a world's hub starts with. It is the official catalogue blob for
// blob — the same indexes, manifests and configs, so the same digests, tags and traces — except that
// the layers are only named: their facts come from the known-layers table, and each layer's tar.gz
// is built the first time someone asks for it (a `docker pull`, an inspector), then kept.
//
// That is what makes a world start fast: writing ~110 small JSON documents instead of taring,
// compressing and hashing ~90 layers of both platforms. A recipe the table does not know is built
// at once, as the full catalogue would; a recipe the table knows wrongly (its content changed and
// the table was not regenerated) fails when built, with StaleLayerTableError, rather than serve a
// blob whose digest differs from the one its manifest promised.
import type { Bytes } from '../../bytes';
import type { Digest } from '../../digest';
import { buildLayer } from '../../layer/layer';
import { MediaType } from '../media-types';
import { BlobCollector, type LayerFacts, type LayerRecipe } from './assemble';
import { collectHub } from './collect-hub';
import type { Catalogue } from './index';
import { knownLayers } from './known-layers';
import type { TargetPlatform } from './platforms';

/** A blob the outline names but has not built: its size is known, its bytes come from `materialise`. */
export interface DeferredBlob {
  mediaType: string;
  size: number;
  /** Build the bytes (once; later calls share the result). Rejects with StaleLayerTableError. */
  materialise(): Promise<Bytes>;
}

/** A layer built from its recipe does not match the known-layers table: the table is out of date. */
export class StaleLayerTableError extends Error {
  override name = 'StaleLayerTableError';
  constructor(key: string, expected: LayerFacts, actual: LayerFacts) {
    super(
      `the known-layers table is out of date for ${key}: it says ${expected.digest} (${expected.size} bytes), ` +
        `the recipe builds ${actual.digest} (${actual.size} bytes); ` +
        'regenerate it with `npx vitest run src/engine/image/official/known-layers.test.ts -u`',
    );
  }
}

/** Builds a layer of the outline when asked, checking it against the table's facts. */
function deferredLayer(recipe: LayerRecipe, p: TargetPlatform, key: string, facts: LayerFacts): DeferredBlob {
  let built: Promise<Bytes> | undefined;
  return {
    mediaType: MediaType.ociLayerGzip,
    size: facts.size,
    materialise() {
      built ??= buildLayer(recipe.entries(p)).then((layer) => {
        if (layer.digest !== facts.digest || layer.diffId !== facts.diffId || layer.size !== facts.size) {
          throw new StaleLayerTableError(key, facts, layer);
        }
        return layer.blob;
      });
      built.catch(() => (built = undefined));
      return built;
    },
  };
}

/** A collector that takes known layers' facts from the table and defers building them. */
export class OutlineCollector extends BlobCollector {
  readonly deferred = new Map<Digest, DeferredBlob>();

  constructor(private readonly known: ReadonlyMap<string, LayerFacts> = knownLayers()) {
    super();
  }

  protected override makeLayer(recipe: LayerRecipe, p: TargetPlatform, key: string): Promise<LayerFacts> {
    const facts = this.known.get(key);
    if (!facts) return super.makeLayer(recipe, p, key);
    if (!this.blobs.has(facts.digest) && !this.deferred.has(facts.digest)) {
      this.deferred.set(facts.digest, deferredLayer(recipe, p, key, facts));
    }
    return Promise.resolve(facts);
  }
}

/** Build an outline of the hub from `known` layers (the generated table by default). */
export async function buildCatalogueOutline(known?: ReadonlyMap<string, LayerFacts>): Promise<Catalogue> {
  const collector = new OutlineCollector(known);
  const repositories = await collectHub(collector);
  return { blobs: collector.blobs, repositories, deferred: collector.deferred };
}

let memo: Promise<Catalogue> | undefined;

/** The outline of the official catalogue, made on first use and shared (with its built layers). */
export function outlineOfficialCatalogue(): Promise<Catalogue> {
  memo ??= buildCatalogueOutline().catch((error: unknown) => {
    memo = undefined;
    throw error;
  });
  return memo;
}
