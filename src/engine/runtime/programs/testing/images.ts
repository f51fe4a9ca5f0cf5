// A container's filesystem and environment from the official images catalogue, for tests: the
// image's layers applied into a snapshot under a fresh overlay (what `docker run` mounts), plus
// the config's Env and WorkingDir. The catalogue and each image's snapshot are built once.
import { generateOfficialCatalogue } from '../../../image/official';
import { resolveImage } from '../../../image/official/walk';
import type { ImageConfig } from '../../../image/types';
import { openLayer } from '../../../layer/layer';
import { Overlay } from '../../../layer/overlay';
import { applyLayers, emptySnapshot, type Snapshot } from '../../../layer/snapshot';

export interface TestImage {
  /** A fresh container filesystem (new upper layer) over the image. */
  fs: Overlay;
  env: Map<string, string>;
  cwd: string;
  config: ImageConfig;
}

const snapshots = new Map<string, Promise<{ lower: Snapshot; config: ImageConfig }>>();

async function load(ref: string, arch: string) {
  const catalogue = await generateOfficialCatalogue();
  const colon = ref.lastIndexOf(':');
  const [name, tag] = colon > 0 ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, 'latest'];
  const repository = name.includes('/') ? name : `library/${name}`;
  const image = resolveImage(catalogue, repository, tag, arch);
  const layers = [];
  for (const blob of image.layers) layers.push((await openLayer(blob)).entries);
  return { lower: applyLayers(emptySnapshot(), layers), config: image.config };
}

/** `nginx:alpine`, `acme/hello-api:latest`… as a fresh container would see it. */
export async function testImage(ref: string, options: { arch?: string; now?: () => number } = {}): Promise<TestImage> {
  const arch = options.arch ?? 'amd64';
  const key = `${ref}@${arch}`;
  let loading = snapshots.get(key);
  if (!loading) snapshots.set(key, (loading = load(ref, arch)));
  const { lower, config } = await loading;
  const cfg = config.config ?? {};
  const env = new Map<string, string>();
  for (const line of cfg.Env ?? []) {
    const eq = line.indexOf('=');
    env.set(line.slice(0, eq), line.slice(eq + 1));
  }
  const cwd = cfg.WorkingDir || '/';
  return { fs: new Overlay(lower, { now: options.now, cwd }), env, cwd, config };
}
