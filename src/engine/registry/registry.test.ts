import { beforeEach, describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { sha256Of } from '../digest';
import { MediaType } from '../image/media-types';
import { bodyJson, bodyText, header, request, testRegistry, type TestRegistry } from './testing';

const student: [string, string] = ['student', 'dockyard'];
// What skopeo and dockerd send when fetching a manifest.
const accept = {
  Accept: [MediaType.ociManifest, MediaType.dockerManifest, MediaType.dockerManifestList, MediaType.ociIndex].join(
    ', ',
  ),
};
const zero = 'sha256:' + '0'.repeat(64);

let r: TestRegistry;
let auth: Record<string, string>;

async function pushBlob(name: string, bytes: Uint8Array) {
  const digest = await sha256Of(bytes);
  const res = await r.handler(request('POST', `/v2/${name}/blobs/uploads/?digest=${digest}`, auth, bytes as never));
  expect(res.status).toBe(201);
  return digest;
}

async function pushImage(name: string, tag: string, mediaType: string = MediaType.ociManifest) {
  const layer = await pushBlob(name, utf8('layer bytes'));
  const config = await pushBlob(
    name,
    utf8('{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}'),
  );
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType,
    config: { mediaType: MediaType.ociConfig, digest: config, size: 10 },
    layers: [{ mediaType: MediaType.ociLayerGzip, digest: layer, size: 11 }],
  });
  const res = await r.handler(
    request('PUT', `/v2/${name}/manifests/${tag}`, { ...auth, 'Content-Type': mediaType }, manifest),
  );
  expect(res.status).toBe(201);
  return { layer, config, manifest: header(res, 'Docker-Content-Digest')!, manifestText: manifest };
}

beforeEach(async () => {
  r = await testRegistry();
  const token = await r.token('repository:team/app:pull,push,delete repository:other/app:pull,push', student);
  auth = { Authorization: `Bearer ${token}` };
});

describe('GET /v2/ (end-1)', () => {
  it('challenges without a token', async () => {
    const res = await r.handler(request('GET', '/v2/'));
    expect(res.status).toBe(401);
    expect(header(res, 'WWW-Authenticate')).toBe(
      'Bearer realm="http://registry.example.com/token",service="registry.example.com"',
    );
    expect(bodyJson(res)).toEqual({
      errors: [{ code: 'UNAUTHORIZED', message: 'authentication required', detail: null }],
    });
  });
  it('answers 200 {} with a valid token and the API version header', async () => {
    const res = await r.handler(request('GET', '/v2/', auth));
    expect(res.status).toBe(200);
    expect(bodyJson(res)).toEqual({});
    expect(header(res, 'Docker-Distribution-Api-Version')).toBe('registry/2.0');
  });
  it('refuses an expired token', async () => {
    r.advance(301_000);
    expect((await r.handler(request('GET', '/v2/', auth))).status).toBe(401);
  });
});

describe('chunked upload (end-4a, end-5, end-6)', () => {
  it('opens a session, takes chunks in order, and commits on PUT ?digest=', async () => {
    const start = await r.handler(request('POST', '/v2/team/app/blobs/uploads/', auth));
    expect(start.status).toBe(202);
    const location = header(start, 'Location')!;
    expect(location).toMatch(/^\/v2\/team\/app\/blobs\/uploads\/id-\d+$/);
    expect(header(start, 'Range')).toBe('0-0');
    expect(header(start, 'Docker-Upload-UUID')).toBe(location.split('/').pop());

    const p1 = await r.handler(request('PATCH', location, { ...auth, 'Content-Range': '0-4' }, 'hello'));
    expect([p1.status, header(p1, 'Range')]).toEqual([202, '0-4']);
    const bad = await r.handler(request('PATCH', location, { ...auth, 'Content-Range': '0-5' }, ' world'));
    expect([bad.status, (bodyJson(bad) as { errors: { code: string }[] }).errors[0]!.code]).toEqual([
      416,
      'RANGE_INVALID',
    ]);
    const p2 = await r.handler(request('PATCH', location, { ...auth, 'Content-Range': '5-10' }, ' world'));
    expect(header(p2, 'Range')).toBe('0-10');

    const status = await r.handler(request('GET', location, auth));
    expect([status.status, header(status, 'Range')]).toEqual([204, '0-10']);

    const digest = await sha256Of('hello world');
    const done = await r.handler(request('PUT', `${location}?digest=${digest}`, auth));
    expect(done.status).toBe(201);
    expect(header(done, 'Location')).toBe(`/v2/team/app/blobs/${digest}`);
    expect(header(done, 'Docker-Content-Digest')).toBe(digest);

    const head = await r.handler(request('HEAD', `/v2/team/app/blobs/${digest}`, auth));
    expect([head.status, header(head, 'Content-Length'), head.body]).toEqual([200, '11', undefined]);
    const get = await r.handler(request('GET', `/v2/team/app/blobs/${digest}`, auth));
    expect(bodyText(get)).toBe('hello world');
    expect((await r.handler(request('GET', location, auth))).status).toBe(404);
  });

  it('refuses a wrong digest and stores nothing', async () => {
    const start = await r.handler(request('POST', '/v2/team/app/blobs/uploads/', auth));
    const location = header(start, 'Location')!;
    await r.handler(request('PATCH', location, auth, 'hello'));
    const res = await r.handler(request('PUT', `${location}?digest=${zero}`, auth));
    expect(res.status).toBe(400);
    expect((bodyJson(res) as { errors: { code: string }[] }).errors[0]!.code).toBe('DIGEST_INVALID');
    expect(await r.store.list()).toEqual([]);
    expect(r.state.repository('team/app')).toBeUndefined();
  });

  it('drops an abandoned upload after the timeout', async () => {
    const start = await r.handler(request('POST', '/v2/team/app/blobs/uploads/', auth));
    await r.handler(request('PATCH', header(start, 'Location')!, auth, 'half'));
    expect(r.state.uploads.size).toBe(1);
    r.advance(61_000);
    const again = await r.token('repository:team/app:pull', student);
    await r.handler(request('GET', '/v2/', { Authorization: `Bearer ${again}` }));
    expect(r.state.uploads.size).toBe(0);
  });

  it('cancels an upload with DELETE', async () => {
    const start = await r.handler(request('POST', '/v2/team/app/blobs/uploads/', auth));
    const location = header(start, 'Location')!;
    expect((await r.handler(request('DELETE', location, auth))).status).toBe(204);
    expect((await r.handler(request('DELETE', location, auth))).status).toBe(404);
  });
});

describe('cross-repository mount (end-11)', () => {
  it('links a blob the caller can read, without an upload', async () => {
    const digest = await pushBlob('team/app', utf8('shared layer'));
    const res = await r.handler(request('POST', `/v2/other/app/blobs/uploads/?mount=${digest}&from=team%2Fapp`, auth));
    expect(res.status).toBe(201);
    expect(header(res, 'Location')).toBe(`/v2/other/app/blobs/${digest}`);
    expect(r.state.hasBlob('other/app', digest)).toBe(true);
  });
  it('falls back to an upload session when the blob is not there', async () => {
    const res = await r.handler(request('POST', `/v2/other/app/blobs/uploads/?mount=${zero}&from=team%2Fapp`, auth));
    expect(res.status).toBe(202);
  });
});

describe('manifests (end-3, end-7, end-9)', () => {
  it('stores, serves by tag and by digest, lists and deletes', async () => {
    const img = await pushImage('team/app', 'v1');
    const byTag = await r.handler(request('GET', '/v2/team/app/manifests/v1', { ...auth, ...accept }));
    expect(byTag.status).toBe(200);
    expect(header(byTag, 'Content-Type')).toBe(MediaType.ociManifest);
    expect(header(byTag, 'Docker-Content-Digest')).toBe(img.manifest);
    expect(bodyText(byTag)).toBe(img.manifestText);
    const head = await r.handler(request('HEAD', `/v2/team/app/manifests/${img.manifest}`, { ...auth, ...accept }));
    expect([head.status, header(head, 'Content-Length'), head.body]).toEqual([
      200,
      String(img.manifestText.length),
      undefined,
    ]);

    const tags = await r.handler(request('GET', '/v2/team/app/tags/list', auth));
    expect(bodyJson(tags)).toEqual({ name: 'team/app', tags: ['v1'] });

    expect((await r.handler(request('DELETE', `/v2/team/app/manifests/${img.manifest}`, auth))).status).toBe(202);
    const gone = await r.handler(request('GET', '/v2/team/app/manifests/v1', auth));
    expect(bodyJson(gone)).toEqual({
      errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown', detail: { Tag: 'v1' } }],
    });
  });

  it.each([
    ['a Docker-only client', MediaType.dockerManifest],
    ['no Accept header', ''],
    ['application/json', 'application/json'],
  ])('does not serve an OCI manifest to %s, as the reference registry', async (_who, acceptValue) => {
    const img = await pushImage('team/app', 'v1');
    for (const ref of ['v1', img.manifest]) {
      const res = await r.handler(
        request('GET', `/v2/team/app/manifests/${ref}`, acceptValue ? { ...auth, Accept: acceptValue } : auth),
      );
      expect(res.status).toBe(404);
      expect(bodyJson(res)).toEqual({
        errors: [
          { code: 'MANIFEST_UNKNOWN', message: 'OCI manifest found, but accept header does not support OCI manifests' },
        ],
      });
    }
  });

  it('answers a tag naming a Docker manifest list with its linux/amd64 manifest when lists are not accepted', async () => {
    const img = await pushImage('team/app', 'amd64', MediaType.dockerManifest);
    const list = JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.dockerManifestList,
      manifests: [
        {
          mediaType: MediaType.dockerManifest,
          digest: img.manifest,
          size: img.manifestText.length,
          platform: { architecture: 'amd64', os: 'linux' },
        },
      ],
    });
    const put = await r.handler(
      request('PUT', '/v2/team/app/manifests/multi', { ...auth, 'Content-Type': MediaType.dockerManifestList }, list),
    );
    expect(put.status).toBe(201);
    const single = await r.handler(
      request('GET', '/v2/team/app/manifests/multi', { ...auth, Accept: MediaType.dockerManifest }),
    );
    expect([single.status, header(single, 'Docker-Content-Digest'), header(single, 'Content-Type')]).toEqual([
      200,
      img.manifest,
      MediaType.dockerManifest,
    ]);
    const whole = await r.handler(request('GET', '/v2/team/app/manifests/multi', { ...auth, ...accept }));
    expect(header(whole, 'Content-Type')).toBe(MediaType.dockerManifestList);
  });

  it('refuses a manifest naming a missing blob, storing nothing', async () => {
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      config: { mediaType: MediaType.ociConfig, digest: zero, size: 2 },
      layers: [],
    });
    const res = await r.handler(
      request('PUT', '/v2/team/app/manifests/v1', { ...auth, 'Content-Type': MediaType.ociManifest }, manifest),
    );
    expect(res.status).toBe(400);
    expect(bodyJson(res)).toEqual({
      errors: [{ code: 'MANIFEST_BLOB_UNKNOWN', message: 'blob unknown to registry', detail: zero }],
    });
    expect(await r.store.list()).toEqual([]);
  });

  it('paginates tags with n and last, and a Link header', async () => {
    for (const tag of ['a', 'b', 'c']) await pushImage('team/app', tag);
    const first = await r.handler(request('GET', '/v2/team/app/tags/list?n=2', auth));
    expect(bodyJson(first)).toEqual({ name: 'team/app', tags: ['a', 'b'] });
    expect(header(first, 'Link')).toBe('</v2/team/app/tags/list?last=b&n=2>; rel="next"');
    const rest = await r.handler(request('GET', '/v2/team/app/tags/list?n=2&last=b', auth));
    expect(bodyJson(rest)).toEqual({ name: 'team/app', tags: ['c'] });
    expect(header(rest, 'Link')).toBeUndefined();
  });
});

// One row per error case: request → status and error code (and detail where the reference registry gives one).
describe('errors as the reference registry answers them', () => {
  const rows: [string, string, string, string | undefined, number, string, unknown?][] = [
    ['missing blob', 'GET', `/v2/team/app/blobs/${zero}`, undefined, 404, 'BLOB_UNKNOWN', zero],
    ['malformed digest', 'GET', '/v2/team/app/blobs/sha256:xyz', undefined, 400, 'DIGEST_INVALID'],
    ['missing tag', 'GET', '/v2/team/app/manifests/nope', undefined, 404, 'MANIFEST_UNKNOWN', { Tag: 'nope' }],
    [
      'tags of unknown repository',
      'GET',
      '/v2/team/app/tags/list',
      undefined,
      404,
      'NAME_UNKNOWN',
      { name: 'team/app' },
    ],
    ['unknown upload', 'GET', '/v2/team/app/blobs/uploads/nope', undefined, 404, 'BLOB_UPLOAD_UNKNOWN'],
    ['invalid name', 'GET', '/v2/Team/App/tags/list', undefined, 400, 'NAME_INVALID'],
    ['malformed manifest', 'PUT', '/v2/team/app/manifests/v1', '{not json', 400, 'MANIFEST_INVALID'],
    ['schema 1 manifest', 'PUT', '/v2/team/app/manifests/v1', '{"schemaVersion":1}', 400, 'MANIFEST_INVALID'],
    ['invalid tag', 'PUT', '/v2/team/app/manifests/-bad', '{}', 400, 'TAG_INVALID'],
    ['bad page size', 'GET', '/v2/_catalog?n=x', undefined, 400, 'PAGINATION_NUMBER_INVALID'],
  ];
  it.each(rows)('%s', async (_name, method, url, body, status, code, detail) => {
    const token = await r.token('repository:team/app:pull,push,delete repository:Team/App:pull', student);
    const catalogAuth = url.startsWith('/v2/_catalog') ? await catalogToken() : token;
    const res = await r.handler(request(method, url, { Authorization: `Bearer ${catalogAuth}` }, body));
    expect(res.status).toBe(status);
    const error = (bodyJson(res) as { errors: { code: string; detail?: unknown }[] }).errors[0]!;
    expect(error.code).toBe(code);
    if (detail !== undefined) expect(error.detail).toEqual(detail);
  });

  async function catalogToken() {
    // Our token server grants no catalog access; sign one as the registry would for an admin.
    const { signToken } = await import('./auth/token');
    return signToken(
      {
        iss: 'x',
        sub: 'admin',
        aud: r.config.service,
        exp: 2e9,
        nbf: 0,
        iat: 0,
        jti: 'c',
        access: [{ type: 'registry', name: 'catalog', actions: ['*'] }],
      },
      r.config.tokenSecret,
    );
  }

  it('answers HEAD errors with a length and no body', async () => {
    const res = await r.handler(request('HEAD', `/v2/team/app/blobs/${zero}`, auth));
    expect(res.status).toBe(404);
    expect(Number(header(res, 'Content-Length'))).toBeGreaterThan(0);
    expect(res.body).toBeUndefined();
  });

  it('answers an unknown path with the mux 404', async () => {
    const res = await r.handler(request('GET', '/v3/', auth));
    expect([res.status, bodyText(res)]).toEqual([404, '404 page not found\n']);
  });
});
