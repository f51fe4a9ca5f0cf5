import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { sha256Of } from '../digest';
import { MemoryBlobStore } from '../store/memory-blob-store';
import { worldRegistryConfig } from './presets';
import { createRegistry } from './registry';
import { RegistryState } from './state';
import { request, testRegistry } from './testing';

describe('registry state', () => {
  it('survives a save and restore: links, tags and manifests, over the same blob store', async () => {
    const r = await testRegistry();
    const token = await r.token('repository:team/app:pull,push', ['student', 'dockyard']);
    const bytes = utf8('layer');
    const digest = await sha256Of(bytes);
    await r.handler(
      request(
        'POST',
        `/v2/team/app/blobs/uploads/?digest=${digest}`,
        { Authorization: `Bearer ${token}` },
        bytes as never,
      ),
    );

    const data = JSON.parse(JSON.stringify(r.state.toData())) as ReturnType<RegistryState['toData']>;
    const restored = RegistryState.fromData(r.store, data);
    expect(restored.toData()).toEqual(r.state.toData());
    const again = createRegistry({ config: r.config, state: restored, now: () => Date.UTC(2026, 0, 1) });
    const res = await again(request('GET', `/v2/team/app/blobs/${digest}`, { Authorization: `Bearer ${token}` }));
    expect(res.status).toBe(200);
  });
});

describe('the world’s registries', () => {
  it('give the hub public pulls, own-namespace pushes and a protected library/', async () => {
    const hub = await worldRegistryConfig('docker.io');
    expect([hub.service, hub.realm, hub.visibility, hub.pushRule, hub.protectedNamespaces]).toEqual([
      'registry.docker.io',
      'https://auth.docker.io/token',
      'public',
      'own-namespace',
      ['library'],
    ]);
    for (const name of ['registry.example.com', 'cr.example.net'] as const) {
      const c = await worldRegistryConfig(name);
      expect([c.visibility, c.pushRule]).toEqual(['private', 'members']);
      expect(c.accounts.map((a) => a.username)).toContain('student');
    }
  });

  it('answer /v2/ with a challenge naming their realm', async () => {
    const config = await worldRegistryConfig('cr.example.net');
    const handler = createRegistry({ config, state: new RegistryState(new MemoryBlobStore()) });
    const res = await handler(request('GET', '/v2/'));
    expect(res.headers['WWW-Authenticate']).toBe(
      'Bearer realm="https://auth.cr.example.net/token",service="cr.example.net"',
    );
  });
});
