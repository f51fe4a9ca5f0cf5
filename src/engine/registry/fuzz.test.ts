// Random requests never crash the registry, always get a spec-shaped answer, and a refused request
// leaves the store and the repositories exactly as they were.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { sha256Of } from '../digest';
import { errorCodes } from './errors';
import { bodyText, request, testRegistry } from './testing';

const digests = ['sha256:' + '0'.repeat(64), 'sha256:abc', 'md5:' + 'a'.repeat(32), ''];

describe('registry fuzz', () => {
  it('answers every request with a status and, on failure, a spec error body, changing nothing', async () => {
    const r = await testRegistry();
    const token = await r.token('repository:team/app:pull,push,delete', ['student', 'dockyard']);
    const known = await sha256Of('known');
    await r.handler(
      request(
        'POST',
        `/v2/team/app/blobs/uploads/?digest=${known}`,
        { Authorization: `Bearer ${token}` },
        utf8('known') as never,
      ),
    );
    const open = await r.handler(request('POST', '/v2/team/app/blobs/uploads/', { Authorization: `Bearer ${token}` }));
    const uploadPath = open.headers['Location']!;

    const method = fc.constantFrom('GET', 'HEAD', 'PUT', 'POST', 'PATCH', 'DELETE', 'OPTIONS', 'get');
    const name = fc.constantFrom('team/app', 'Team/App', 'a', '..', 'team//app', 'x'.repeat(300), '%zz');
    const digest = fc.oneof(fc.constantFrom(...digests, known), fc.string());
    const path = fc.oneof(
      fc.constant('/v2/'),
      fc.constant(uploadPath),
      fc.tuple(name, digest).map(([n, d]) => `/v2/${n}/blobs/${d}`),
      fc.tuple(name, fc.string()).map(([n, ref]) => `/v2/${n}/manifests/${encodeURIComponent(ref)}`),
      fc.tuple(name, digest, digest).map(([n, d, f]) => `/v2/${n}/blobs/uploads/?digest=${d}&mount=${d}&from=${f}`),
      fc.tuple(fc.string(), digest).map(([u, d]) => `/v2/team/app/blobs/uploads/${encodeURIComponent(u)}?digest=${d}`),
      fc
        .tuple(name, fc.string())
        .map(([n, q]) => `/v2/${n}/tags/list?n=${encodeURIComponent(q)}&last=${encodeURIComponent(q)}`),
      fc.string().map((s) => `/${s}`),
    );
    const headers = fc.record(
      {
        Authorization: fc.constantFrom(`Bearer ${token}`, 'Bearer nope', 'Basic Zm9vOmJhcg==', ''),
        'Content-Type': fc.constantFrom('application/vnd.oci.image.manifest.v1+json', 'application/json', 'text/plain'),
        'Content-Range': fc.oneof(fc.constant('0-3'), fc.string()),
        'Content-Length': fc.oneof(fc.constant('4'), fc.string()),
        Range: fc.oneof(fc.constant('bytes=0-1'), fc.string()),
      },
      { requiredKeys: [] },
    );
    const body = fc.option(
      fc.oneof(
        fc.uint8Array({ maxLength: 64 }),
        fc
          .constantFrom('{"schemaVersion":2,"config":{"digest":"x","size":1},"layers":[]}', '{', '[]', 'null')
          .map((s) => utf8(s)),
      ),
      { nil: undefined },
    );

    await fc.assert(
      fc.asyncProperty(method, path, headers, body, async (m, p, h, b) => {
        const before = JSON.stringify([r.state.toData(), await r.store.list(), [...r.state.uploads.keys()]]);
        const res = await r.handler({ method: m, url: p, headers: h as Record<string, string>, body: b });
        expect(res.status).toBeGreaterThanOrEqual(200);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) {
          const after = JSON.stringify([r.state.toData(), await r.store.list(), [...r.state.uploads.keys()]]);
          // A failed PUT ends its upload session, as in distribution; nothing else may change.
          if (!(m === 'PUT' && p.startsWith(uploadPath))) expect(after).toBe(before);
          const text = bodyText(res);
          if (m.toUpperCase() !== 'HEAD' && text !== '404 page not found\n' && !p.startsWith('/token')) {
            const parsed = JSON.parse(text) as { errors: { code: string }[] };
            expect(parsed.errors.length).toBeGreaterThan(0);
            for (const e of parsed.errors) expect(Object.keys(errorCodes)).toContain(e.code);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
