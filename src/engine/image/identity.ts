// How an image and its layer stacks are named.
//
// Image ID: the sha256 of the config bytes (image-spec config.md "ImageID"; the classic store's
// `digest.FromBytes(config)`). Two images with byte-identical configs are the same image, and the
// config names every layer by diff_id, so the ID covers the whole filesystem too.
//
// Chain ID: the name of a *stack* of layers, base first (config.md "Layer ChainID"):
//   ChainID(L0)         = DiffID(L0)
//   ChainID(L0|…|Ln)    = sha256(ChainID(L0|…|Ln-1) + " " + DiffID(Ln))
// The same layer on top of different bases gets different chain IDs; Docker's layer store keys
// its layers by chain ID, which is how it knows `ubuntu` and `nginx` share their base.
import { sha256Of, type Digest } from '../digest';

/** The image ID: sha256 of the exact config bytes. */
export function imageId(configBytes: Uint8Array): Promise<Digest> {
  return sha256Of(configBytes);
}

/** The chain ID of every prefix of the stack: result[i] names layers 0…i. */
export async function chainIds(diffIds: readonly Digest[]): Promise<Digest[]> {
  const out: Digest[] = [];
  for (const diffId of diffIds) {
    const parent = out[out.length - 1];
    out.push(parent === undefined ? diffId : await sha256Of(`${parent} ${diffId}`));
  }
  return out;
}

/** The chain ID of the whole stack, or undefined for an image without layers. */
export async function chainId(diffIds: readonly Digest[]): Promise<Digest | undefined> {
  return (await chainIds(diffIds)).at(-1);
}
