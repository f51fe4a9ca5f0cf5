// Base images from registries: the credentials a build gets in X-Registry-Config (every login of
// the client, keyed by registry) and which one a pull uses; a private base image that pulls only
// with them.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { utf8 } from '../../bytes';
import { parseReference } from '../../reference';
import { toBase64Url } from '../../registry/auth/base64';
import { readBody } from '../../wire/message';
import { authFor, decodeRegistryConfig } from './base-image';
import { buildDaemon } from './build.fixture';

beforeAll(() => buildDaemon(), 60_000);
// Each test runs whole builds in the simulated runtime: give a busy machine room.
vi.setConfig({ testTimeout: 30_000 });

const student = { username: 'student', password: 'dockyard' };
const header = (configs: Record<string, unknown>) => toBase64Url(utf8(JSON.stringify(configs)));

describe('X-Registry-Config', () => {
  it('decodes the map of logins; garbage means none', () => {
    const configs = decodeRegistryConfig(
      header({ 'https://index.docker.io/v1/': { ...student, serveraddress: 'https://index.docker.io/v1/' } }),
    );
    expect(configs['https://index.docker.io/v1/']).toMatchObject(student);
    expect(decodeRegistryConfig('not base64 json')).toEqual({});
    expect(decodeRegistryConfig(undefined)).toEqual({});
  });

  it('picks the login of the image’s registry (Docker Hub under its index address)', () => {
    const configs = decodeRegistryConfig(
      header({ 'https://index.docker.io/v1/': { username: 'hub' }, 'registry.example.com': { username: 'company' } }),
    );
    expect(authFor(configs, parseReference('alpine')).username).toBe('hub');
    expect(authFor(configs, parseReference('registry.example.com/student/app:1')).username).toBe('company');
    expect(authFor(configs, parseReference('cr.example.net/x/y'))).toEqual({});
  });
});

describe('a private base image', () => {
  it('is pulled during the build only with the client’s login for its registry', async () => {
    const owner = await buildDaemon();
    await owner.api('POST', '/v1.50/images/alpine/tag?repo=registry.example.com%2Fstudent%2Fbase&tag=1');
    const login = toBase64Url(utf8(JSON.stringify({ ...student, serveraddress: 'registry.example.com' })));
    const push = await owner.handler({
      method: 'POST',
      url: '/v1.50/images/registry.example.com/student/base/push?tag=1',
      headers: { 'X-Registry-Auth': login },
    });
    expect(push.status).toBe(200);
    expect(new TextDecoder().decode(await readBody(push.body))).not.toContain('errorDetail');

    const dockerfile = { Dockerfile: 'FROM registry.example.com/student/base:1\nENV FROM_PRIVATE=1\n' };
    const anonymous = await (await buildDaemon([])).build(dockerfile, 't=x');
    expect(anonymous.cli).toMatch(/^Step 1\/2 : FROM registry.example.com\/student\/base:1\n.*denied/s);
    expect(anonymous.cli).not.toContain('Successfully built');

    const withLogin = await (
      await buildDaemon([])
    ).build(dockerfile, 't=x', {
      'X-Registry-Config': header({ 'registry.example.com': { ...student, serveraddress: 'registry.example.com' } }),
    });
    expect(withLogin.cli).toContain('1: Pulling from student/base\n');
    expect(withLogin.cli).toContain('Successfully tagged x:latest\n');
  });
});

describe('FROM and its options', () => {
  it('--pull pulls a base image that is already here', async () => {
    const d = await buildDaemon();
    const r = await d.build({ Dockerfile: 'FROM alpine\n' }, 'pull=1');
    expect(r.cli).toMatch(
      /^Step 1\/1 : FROM alpine\nlatest: Pulling from library\/alpine\nDigest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for alpine:latest\n ---> [0-9a-f]{12}\n/,
    );
  });

  it('FROM --platform (expanded with the global ARGs) pulls that platform’s image', async () => {
    const d = await buildDaemon();
    const r = await d.build({ Dockerfile: 'ARG ARCH=arm64\nFROM --platform=linux/$ARCH alpine\nENV A=1\n' }, 't=arm');
    expect(r.cli).toContain('Successfully tagged arm:latest\n');
    expect(d.ctx.store.resolve('arm')!.config.architecture).toBe('arm64');
  });

  it('a platform that does not parse', async () => {
    const d = await buildDaemon();
    const r = await d.build({ Dockerfile: 'FROM --platform=linux/sparc alpine\n' });
    const message =
      'failed to parse platform linux/sparc: "linux/sparc": unknown operating system or architecture: invalid argument';
    expect(r.messages.at(-1)).toEqual({ errorDetail: { message }, error: message });
  });
});
