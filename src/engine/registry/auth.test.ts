import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { sha256Of } from '../digest';
import { basicHeader } from './auth/base64';
import { bodyJson, header, request, testRegistry, type TestRegistry } from './testing';

// Docker Hub's rules: anyone pulls what exists, a user pushes only into their own namespace,
// nobody pushes into library/.
async function hub() {
  return testRegistry({
    name: 'docker.io',
    service: 'registry.docker.io',
    realm: 'https://auth.docker.io/token',
    visibility: 'public',
    pushRule: 'own-namespace',
    protectedNamespaces: ['library'],
  });
}

async function upload(r: TestRegistry, repo: string, token: string) {
  const bytes = utf8('x');
  return r.handler(
    request(
      'POST',
      `/v2/${repo}/blobs/uploads/?digest=${await sha256Of(bytes)}`,
      { Authorization: `Bearer ${token}` },
      bytes as never,
    ),
  );
}

describe('token endpoint', () => {
  it('refuses a wrong password with 401', async () => {
    const r = await testRegistry();
    const res = await r.handler(
      request('GET', '/token?service=registry.example.com', { Authorization: basicHeader('student', 'nope') }),
    );
    expect(res.status).toBe(401);
    expect(bodyJson(res)).toEqual({ details: 'incorrect username or password' });
  });

  it('grants a login check without scopes', async () => {
    const r = await testRegistry();
    const res = await r.handler(
      request('GET', '/token?service=registry.example.com&account=student', {
        Authorization: basicHeader('student', 'dockyard'),
      }),
    );
    expect(res.status).toBe(200);
    expect(bodyJson(res)).toMatchObject({ expires_in: 300, issued_at: '2026-01-01T00:00:00.000Z' });
  });

  it('keeps no password in the registry state', async () => {
    const r = await testRegistry();
    expect(JSON.stringify(r.config.accounts)).not.toContain('dockyard"');
    expect(r.config.accounts[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('a private registry', () => {
  it('gives anonymous callers nothing: 401 with a scoped challenge', async () => {
    const r = await testRegistry();
    const token = await r.token('repository:team/app:pull');
    const res = await r.handler(request('GET', '/v2/team/app/tags/list', { Authorization: `Bearer ${token}` }));
    expect(res.status).toBe(401);
    expect(header(res, 'WWW-Authenticate')).toBe(
      'Bearer realm="http://registry.example.com/token",service="registry.example.com",scope="repository:team/app:pull",error="insufficient_scope"',
    );
  });

  it('lets a member push anywhere', async () => {
    const r = await testRegistry();
    expect(
      (await upload(r, 'team/app', await r.token('repository:team/app:pull,push', ['other', 'secret']))).status,
    ).toBe(201);
  });

  it('refuses a token signed with another secret', async () => {
    const r = await testRegistry();
    const other = await testRegistry({ tokenSecret: 'different' });
    const forged = await other.token('repository:team/app:pull,push', ['student', 'dockyard']);
    expect((await upload(r, 'team/app', forged)).status).toBe(401);
  });
});

describe('the public hub', () => {
  it('lets the student push into student/… only', async () => {
    const r = await hub();
    const mine = await r.token('repository:student/web:pull,push', ['student', 'dockyard']);
    expect((await upload(r, 'student/web', mine)).status).toBe(201);
  });

  it('refuses a logged-in push into someone else’s namespace with 401 insufficient_scope, as the reference registry does', async () => {
    const r = await hub();
    const token = await r.token('repository:other/web:pull,push', ['student', 'dockyard']);
    const res = await upload(r, 'other/web', token);
    expect(res.status).toBe(401);
    expect(header(res, 'WWW-Authenticate')).toContain('error="insufficient_scope"');
    expect((bodyJson(res) as { errors: { code: string }[] }).errors[0]!.code).toBe('UNAUTHORIZED');
  });

  it('denies pushes into library/ even when logged in', async () => {
    const r = await hub();
    const token = await r.token('repository:library/alpine:pull,push', ['student', 'dockyard']);
    expect((await upload(r, 'library/alpine', token)).status).toBe(401);
  });

  it('asks an anonymous pusher to log in', async () => {
    const r = await hub();
    const res = await upload(r, 'student/web', await r.token('repository:student/web:pull,push'));
    expect(res.status).toBe(401);
  });

  it('hides repositories that do not exist from anonymous pulls', async () => {
    const r = await hub();
    const token = await r.token('repository:library/nosuch:pull');
    const res = await r.handler(
      request('GET', '/v2/library/nosuch/manifests/latest', { Authorization: `Bearer ${token}` }),
    );
    expect(res.status).toBe(401);
  });
});
