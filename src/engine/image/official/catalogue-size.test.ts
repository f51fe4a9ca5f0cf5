import { beforeAll, describe, expect, it } from 'vitest';
import { openLayer } from '../../layer/layer';
import { generateOfficialCatalogue, type Catalogue } from './index';
import { contentSize } from './tree';
import { resolveImage } from './walk';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await generateOfficialCatalogue();
}, 120_000);

/** Bytes of file content (what `docker images` counts) and of compressed layers (what a pull moves). */
async function sizes(ref: string, arch = 'amd64') {
  const [repo, tag] = ref.split(':') as [string, string];
  const image = resolveImage(catalogue, `library/${repo}`, tag, arch);
  let content = 0;
  for (const blob of image.layers) content += contentSize((await openLayer(blob)).entries);
  return { content, compressed: image.manifest.layers.reduce((n, l) => n + l.size, 0) };
}

// Uncompressed sizes of the real images (amd64, early 2025), in MB; ours are about 1/1000.
const realMegabytes: readonly [string, number][] = [
  ['busybox:latest', 4.26],
  ['alpine:latest', 7.83],
  ['nginx:alpine', 47.9],
  ['debian:bookworm-slim', 74.8],
  ['ubuntu:latest', 78.1],
  ['debian:bookworm', 117],
  ['redis:latest', 117],
  ['python:3.12-slim', 124],
  ['httpd:latest', 148],
  ['node:22-alpine', 160],
  ['nginx:latest', 192],
  ['python:3.12', 1020],
  ['node:22', 1120],
];

describe('sizes', () => {
  it('keeps the whole catalogue a few megabytes', () => {
    let total = 0;
    for (const blob of catalogue.blobs.values()) total += blob.bytes.length;
    expect(total).toBeGreaterThan(2_000_000);
    expect(total).toBeLessThan(12_000_000);
  });

  it.each(realMegabytes)('%s is about 1/1000 of the real %s MB', async (ref, mb) => {
    for (const arch of ['amd64', 'arm64']) {
      const { content } = await sizes(ref, arch);
      expect(content / (mb * 1000)).toBeGreaterThan(0.9);
      expect(content / (mb * 1000)).toBeLessThan(1.15);
    }
  });

  it('orders images as the real ones are ordered', async () => {
    const order = ['hello-world:latest', ...realMegabytes.map(([ref]) => ref)].filter((r) => r !== 'debian:bookworm');
    const measured = await Promise.all(order.map(async (ref) => (await sizes(ref)).content));
    for (let i = 1; i < measured.length; i++) expect(measured[i], order[i]).toBeGreaterThan(measured[i - 1]!);
  });

  it('keeps hello-world tiny but big enough for its message', async () => {
    const { content } = await sizes('hello-world:latest');
    expect(content).toBeGreaterThan(900);
    expect(content).toBeLessThan((await sizes('busybox:latest')).content);
  });

  it('compresses in proportion too: binaries are incompressible, so blobs are about as big as their files', async () => {
    for (const ref of ['ubuntu:latest', 'nginx:latest', 'node:22', 'python:3.12-slim']) {
      const { content, compressed } = await sizes(ref);
      expect(compressed / content).toBeGreaterThan(0.9);
      expect(compressed / content).toBeLessThan(1.1);
    }
  });
});
