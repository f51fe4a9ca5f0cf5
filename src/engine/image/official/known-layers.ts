// The catalogue's known layers: for each layer recipe (`alpine-minirootfs-3.21.3@arm64`), the facts
// a config and a manifest need — the DiffID (sha256 of the tar), the digest and the size of the
// tar.gz. Building a layer means tar + gzip + two sha256 of every file, and that is most of the cost
// of the catalogue; with the facts at hand the hub's indexes, manifests and configs can be written
// in a moment, and each layer is built only when a registry is first asked for its bytes.
//
// The table is generated from the catalogue itself by known-layers.test.ts (the golden
// known-layers.data.ts, rewritten with `npx vitest run src/engine/image/official/known-layers.test.ts -u`)
// so it can only say what the generator says. A recipe missing from the table is simply built (slower,
// never wrong); a recipe whose content changed without the table being rewritten is caught when its
// layer is built and its digest compared (StaleLayerTableError) — and by that test before that.
//
// One line per layer: `<key> <diffId hex> <digest hex> <size>`, sorted by key.
import { parseDigest, type Digest } from '../../digest';
import type { LayerFacts } from './assemble';
import { knownLayersText } from './known-layers.data';

/** A line of the table that does not read as `<key> <hex> <hex> <size>`. */
export class LayerTableError extends Error {
  override name = 'LayerTableError';
}

const hex = (digest: Digest) => digest.slice('sha256:'.length);

/** The table's text for these layers (the content of known-layers.data.ts's string). */
export function formatKnownLayers(layers: ReadonlyMap<string, LayerFacts>): string {
  return [...layers.keys()]
    .sort()
    .map((key) => {
      const { diffId, digest, size } = layers.get(key)!;
      return `${key} ${hex(diffId)} ${hex(digest)} ${size}\n`;
    })
    .join('');
}

/** Read the table; blank lines are skipped, a malformed line throws LayerTableError naming it. */
export function parseKnownLayers(text: string): Map<string, LayerFacts> {
  const out = new Map<string, LayerFacts>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const fields = line.trim().split(/\s+/);
    const bad = (why: string) => new LayerTableError(`known layers, line ${i + 1}: ${why}`);
    if (fields.length !== 4) throw bad(`expected 4 fields, found ${fields.length}`);
    const [key, diffIdHex, digestHex, sizeText] = fields as [string, string, string, string];
    if (!/^\d+$/.test(sizeText)) throw bad(`size "${sizeText}" is not a number`);
    if (out.has(key)) throw bad(`${key} is listed twice`);
    try {
      out.set(key, {
        diffId: parseDigest(`sha256:${diffIdHex}`),
        digest: parseDigest(`sha256:${digestHex}`),
        size: Number(sizeText),
      });
    } catch (error) {
      throw bad(error instanceof Error ? error.message : String(error));
    }
  });
  return out;
}

let table: Map<string, LayerFacts> | undefined;

/** The generated table, read once. */
export function knownLayers(): ReadonlyMap<string, LayerFacts> {
  table ??= parseKnownLayers(knownLayersText);
  return table;
}
