import { describe, expect, it } from 'vitest';
import { parseDigest } from '../digest';
import { MediaType } from '../image/media-types';
import { generateOfficialCatalogue } from '../image/official';
import { worldRegistryConfig } from './presets';
import { seedOfficialImages } from './seed';
import { bodyJson, header, request, testRegistry } from './testing';

describe('the hub seeded with the official images', () => {
  it('serves alpine anonymously: index, then the arm64 manifest, then its layer', async () => {
    const hub = await worldRegistryConfig('docker.io');
    const r = await testRegistry({ ...hub, realm: 'https://auth.docker.io/token' });
    await seedOfficialImages(r.state, await generateOfficialCatalogue());

    const auth = {
      Authorization: `Bearer ${await r.token('repository:library/alpine:pull')}`,
      Accept: `${MediaType.ociIndex}, ${MediaType.ociManifest}`,
    };
    const index = await r.handler(request('GET', '/v2/library/alpine/manifests/latest', auth));
    expect(index.status).toBe(200);
    expect(header(index, 'Content-Type')).toBe(MediaType.ociIndex);
    const arm = (
      bodyJson(index) as { manifests: { digest: string; platform: { architecture: string } }[] }
    ).manifests.find((m) => m.platform.architecture === 'arm64')!;
    const manifest = await r.handler(request('GET', `/v2/library/alpine/manifests/${arm.digest}`, auth));
    const layer = (bodyJson(manifest) as { layers: { digest: string; size: number }[] }).layers[0]!;
    const blob = await r.handler(request('HEAD', `/v2/library/alpine/blobs/${layer.digest}`, auth));
    expect([blob.status, header(blob, 'Content-Length')]).toEqual([200, String(layer.size)]);

    // nginx:alpine's base layer is alpine's, stored once and linked into both repositories.
    expect(r.state.hasBlob('library/nginx', parseDigest(layer.digest))).toBe(true);
    const tags = await r.handler(request('GET', '/v2/library/alpine/tags/list', auth));
    expect((bodyJson(tags) as { tags: string[] }).tags).toEqual(
      expect.arrayContaining(['3.19', '3.20', '3.21', 'latest']),
    );
  });
});
