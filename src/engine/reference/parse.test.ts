// Parsing and normalisation against the cases of distribution/reference's reference_test.go and
// normalize_test.go, plus the exact messages Docker prints for each kind of mistake.
import { describe, expect, it } from 'vitest';
import { InvalidReferenceError, ReferenceDigestError, ReferenceFormatError, type ReferenceErrorKind } from './errors';
import { parseAnyReference, parseReference, parseWithoutNormalizing, splitDockerDomain } from './parse';
import { familiarName, familiarString, fullName, fullString, isNamed } from './reference';

const f64 = 'f'.repeat(64);
const sha = `sha256:${f64}`;
const redisDigest = 'sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c';

/** Run `parse` and report either the parts or the error's kind and message. */
function outcome(parse: () => unknown): unknown {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InvalidReferenceError) return { kind: error.kind, message: error.message };
    throw error;
  }
}

interface Parts {
  name: string;
  domain?: string;
  tag?: string;
  digest?: string;
}

describe('parseWithoutNormalizing (reference.Parse: TestReferenceParse)', () => {
  it.each<[string, Parts | ReferenceErrorKind]>([
    ['test_com', { name: 'test_com' }],
    ['test.com:tag', { name: 'test.com', tag: 'tag' }],
    ['test.com:5000', { name: 'test.com', tag: '5000' }],
    ['test.com/repo:tag', { name: 'test.com/repo', domain: 'test.com', tag: 'tag' }],
    ['test:5000/repo', { name: 'test:5000/repo', domain: 'test:5000' }],
    ['test:5000/repo:tag', { name: 'test:5000/repo', domain: 'test:5000', tag: 'tag' }],
    [`test:5000/repo@${sha}`, { name: 'test:5000/repo', domain: 'test:5000', digest: sha }],
    [`test:5000/repo:tag@${sha}`, { name: 'test:5000/repo', domain: 'test:5000', tag: 'tag', digest: sha }],
    ['', 'name-empty'],
    [':justtag', 'format'],
    [`@${sha}`, 'format'],
    ['repo@sha256:' + 'f'.repeat(34), 'digest'],
    [`validname@invaliddigest:${f64}`, 'digest'],
    ['Uppercase:tag', 'name-uppercase'],
    ['test:5000/Uppercase/lowercase:tag', 'name-uppercase'],
    ['lowercase:Uppercase', { name: 'lowercase', tag: 'Uppercase' }],
    // Since distribution/reference v0.6.0 only the path counts towards the 255 characters.
    ['domain/' + 'a'.repeat(256) + ':tag', 'name-too-long'],
    [
      'example.com/' + 'a'.repeat(255) + ':tag',
      { name: 'example.com/' + 'a'.repeat(255), domain: 'example.com', tag: 'tag' },
    ],
    ['a/'.repeat(128) + 'a:tag', { name: 'a/'.repeat(128) + 'a', domain: 'a', tag: 'tag' }],
    [
      'a/'.repeat(127) + 'a:tag-puts-this-over-max',
      { name: 'a/'.repeat(127) + 'a', domain: 'a', tag: 'tag-puts-this-over-max' },
    ],
    ['aa/asdf$$^/aa', 'format'],
    ['sub-dom1.foo.com/bar/baz/quux', { name: 'sub-dom1.foo.com/bar/baz/quux', domain: 'sub-dom1.foo.com' }],
    [
      'sub-dom1.foo.com/bar/baz/quux:some-long-tag',
      { name: 'sub-dom1.foo.com/bar/baz/quux', domain: 'sub-dom1.foo.com', tag: 'some-long-tag' },
    ],
    [
      'b.gcr.io/test.example.com/my-app:test.example.com',
      { name: 'b.gcr.io/test.example.com/my-app', domain: 'b.gcr.io', tag: 'test.example.com' },
    ],
    ['xn--n3h.com/myimage:xn--n3h.com', { name: 'xn--n3h.com/myimage', domain: 'xn--n3h.com', tag: 'xn--n3h.com' }],
    [
      `xn--7o8h.com/myimage:xn--7o8h.com@sha512:${'f'.repeat(128)}`,
      {
        name: 'xn--7o8h.com/myimage',
        domain: 'xn--7o8h.com',
        tag: 'xn--7o8h.com',
        digest: `sha512:${'f'.repeat(128)}`,
      },
    ],
    ['foo_bar.com:8080', { name: 'foo_bar.com', tag: '8080' }],
    ['foo/foo_bar.com:8080', { name: 'foo/foo_bar.com', domain: 'foo', tag: '8080' }],
    ['192.168.1.1', { name: '192.168.1.1' }],
    ['192.168.1.1:tag', { name: '192.168.1.1', tag: 'tag' }],
    ['192.168.1.1:5000', { name: '192.168.1.1', tag: '5000' }],
    ['192.168.1.1/repo', { name: '192.168.1.1/repo', domain: '192.168.1.1' }],
    ['192.168.1.1:5000/repo', { name: '192.168.1.1:5000/repo', domain: '192.168.1.1:5000' }],
    ['192.168.1.1:5000/repo:5050', { name: '192.168.1.1:5000/repo', domain: '192.168.1.1:5000', tag: '5050' }],
    ['[2001:db8::1]', 'format'],
    ['[2001:db8::1]:5000', 'format'],
    ['[2001:db8::1]:tag', 'format'],
    ['[2001:db8::1]/repo', { name: '[2001:db8::1]/repo', domain: '[2001:db8::1]' }],
    [
      '[2001:db8:1:2:3:4:5:6]/repo:tag',
      { name: '[2001:db8:1:2:3:4:5:6]/repo', domain: '[2001:db8:1:2:3:4:5:6]', tag: 'tag' },
    ],
    ['[2001:db8::1]:5000/repo', { name: '[2001:db8::1]:5000/repo', domain: '[2001:db8::1]:5000' }],
    ['[2001:db8::1]:5000/repo:tag', { name: '[2001:db8::1]:5000/repo', domain: '[2001:db8::1]:5000', tag: 'tag' }],
    [`[2001:db8::1]:5000/repo@${sha}`, { name: '[2001:db8::1]:5000/repo', domain: '[2001:db8::1]:5000', digest: sha }],
    [
      `[2001:db8::1]:5000/repo:tag@${sha}`,
      { name: '[2001:db8::1]:5000/repo', domain: '[2001:db8::1]:5000', tag: 'tag', digest: sha },
    ],
    ['[2001:db8::]:5000/repo', { name: '[2001:db8::]:5000/repo', domain: '[2001:db8::]:5000' }],
    ['[::1]:5000/repo', { name: '[::1]:5000/repo', domain: '[::1]:5000' }],
    ['[fe80::1%eth0]:5000/repo', 'format'],
    ['[fe80::1%@invalidzone]:5000/repo', 'format'],
  ])('%s', (text, expected) => {
    if (typeof expected === 'string') {
      expect(outcome(() => parseWithoutNormalizing(text))).toMatchObject({ kind: expected });
      return;
    }
    const ref = parseWithoutNormalizing(text);
    expect(fullString(ref)).toBe(text);
    expect(fullName(ref)).toBe(expected.name);
    expect(ref.domain).toBe(expected.domain ?? '');
    expect(ref.tag).toBe(expected.tag);
    expect(ref.digest).toBe(expected.digest);
  });
});

describe('parseReference: names Docker accepts (TestValidateReferenceName, TestValidateRemoteName)', () => {
  it.each([
    'docker/docker',
    'library/debian',
    'debian',
    'docker.io/docker/docker',
    'docker.io/library/debian',
    'docker.io/debian',
    'index.docker.io/docker/docker',
    'index.docker.io/library/debian',
    'index.docker.io/debian',
    '127.0.0.1:5000/docker/docker',
    '127.0.0.1:5000/library/debian',
    '127.0.0.1:5000/debian',
    '192.168.0.1',
    '192.168.0.1:80',
    '192.168.0.1:8/debian',
    '192.168.0.2:25000/debian',
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    '[fc00::1]:5000/docker',
    '[fc00::1]:5000/docker/docker',
    '[fc00:1:2:3:4:5:6:7]:5000/library/debian',
    'docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
    'Docker/docker',
    'DOCKER/docker',
    'docker-rules/docker',
    'docker---rules/docker',
    'doc/docker',
    'd/docker',
    'jess/t',
    'dock__er/docker',
  ])('%s', (text) => {
    expect(() => parseReference(text)).not.toThrow();
  });
});

describe('parseReference: names Docker refuses, with its words', () => {
  const lowercase = (name: string) => `invalid reference format: repository name (${name}) must be lowercase`;
  const format = 'invalid reference format';
  it.each<[string, ReferenceErrorKind, string]>([
    ['https://github.com/docker/docker', 'format', format],
    ['docker/Docker', 'name-not-lowercase', lowercase('docker/Docker')],
    ['-docker', 'format', format],
    ['-docker/docker', 'format', format],
    ['-docker.io/docker/docker', 'format', format],
    ['docker///docker', 'format', format],
    ['docker.io/docker/Docker', 'name-not-lowercase', lowercase('docker/Docker')],
    ['docker.io/docker///docker', 'format', format],
    ['[fc00::1]', 'format', format],
    ['[fc00::1]:5000', 'format', format],
    ['fc00::1:5000/debian', 'format', format],
    ['[fe80::1%eth0]:5000/debian', 'format', format],
    ['[2001:db8:3:4::192.0.2.33]:5000/debian', 'format', format],
    [
      '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
      'name-is-identifier',
      'invalid repository name (1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a), cannot specify 64-byte hexadecimal strings',
    ],
    ['docker-/docker', 'format', format],
    ['-docker-/docker', 'format', format],
    ['____/____', 'format', format],
    ['_docker/_docker', 'format', format],
    ['dock..er/docker', 'format', format],
    ['dock_.er/docker', 'format', format],
    ['dock-.er/docker', 'format', format],
    ['docker/', 'format', format],
    ['docker__', 'format', format],
    ['docker--', 'format', format],
    ['docker.', 'format', format],
    [
      Array(4).fill('this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255').join('_') + '/docker',
      'name-too-long',
      'repository name must not be more than 255 characters',
    ],
    // The cases a student meets first.
    ['Alpine', 'name-not-lowercase', lowercase('library/Alpine')],
    ['UPPERCASE:latest', 'name-not-lowercase', lowercase('library/UPPERCASE')],
    ['localhost:5000/Foo', 'name-not-lowercase', lowercase('Foo')],
    [`Foo@${sha}`, 'name-not-lowercase', lowercase('library/Foo@sha256')],
    // A capitalised first component is taken as a registry; if it is not a valid one but would be a
    // valid path in lowercase, Parse itself complains.
    ['A_b/c', 'name-uppercase', 'repository name must be lowercase'],
    ['', 'format', format],
    [':latest', 'format', format],
    ['ubuntu:.', 'format', format],
    ['ubuntu:-x', 'format', format],
    ['ubuntu:' + 'a'.repeat(129), 'format', format],
    ['ubuntu:a b', 'format', format],
    ['ubuntu@latest', 'format', format],
    ['ubuntu@sha256:abc', 'format', format],
    ['deislabs:8080:8080/porter-hello:latest', 'format', format],
    ['alpine ', 'format', format],
    ['alpine\n', 'format', format],
    ['a'.repeat(256), 'name-too-long', 'repository name must not be more than 255 characters'],
    ['a'.repeat(248), 'name-too-long', 'repository name must not be more than 255 characters'],
    ['ubuntu@sha256:' + 'a'.repeat(32), 'digest', 'invalid checksum digest length'],
    [`ubuntu@unknown:${'a'.repeat(64)}`, 'digest', 'unsupported digest algorithm'],
    [`ubuntu@sha256:${'a'.repeat(65)}`, 'digest', 'invalid checksum digest length'],
  ])('%s', (text, kind, message) => {
    expect(outcome(() => parseReference(text))).toEqual({ kind, message });
  });

  it('throws typed errors', () => {
    expect(() => parseReference('Alpine')).toThrow(ReferenceFormatError);
    expect(() => parseReference(`a@sha256:${'a'.repeat(40)}`)).toThrow(ReferenceDigestError);
  });
});

describe('parseReference: normalisation', () => {
  it.each<[string, string, string, string?, string?]>([
    // input, domain, path, tag, digest
    ['alpine', 'docker.io', 'library/alpine'],
    ['alpine:3.20', 'docker.io', 'library/alpine', '3.20'],
    ['alpine:Latest', 'docker.io', 'library/alpine', 'Latest'],
    [`alpine@${sha}`, 'docker.io', 'library/alpine', undefined, sha],
    [`alpine:3.20@${sha}`, 'docker.io', 'library/alpine', '3.20', sha],
    ['myuser/app', 'docker.io', 'myuser/app'],
    ['docker.io/alpine', 'docker.io', 'library/alpine'],
    ['index.docker.io/alpine', 'docker.io', 'library/alpine'],
    ['index.docker.io/myuser/app:v1', 'docker.io', 'myuser/app', 'v1'],
    ['localhost/app', 'localhost', 'app'],
    ['localhost:5000/app', 'localhost:5000', 'app'],
    ['localhost', 'docker.io', 'library/localhost'],
    ['localhost:5000', 'docker.io', 'library/localhost', '5000'],
    ['[::1]:5000/x', '[::1]:5000', 'x'],
    ['registry.example.com/team/app:1.0', 'registry.example.com', 'team/app', '1.0'],
    ['example.com/app', 'example.com', 'app'],
    ['a/b/c/d', 'docker.io', 'a/b/c/d'],
    ['gcr.io/a/b/c/d:e', 'gcr.io', 'a/b/c/d', 'e'],
    ['my__app/x--y', 'docker.io', 'my__app/x--y'],
    ['my_app-v2/x.y', 'docker.io', 'my_app-v2/x.y'],
    ['test_com/foo', 'docker.io', 'test_com/foo'],
    ['docker/migrator', 'docker.io', 'docker/migrator'],
    ['test.com/foo', 'test.com', 'foo'],
    ['test.com:8080/foo', 'test.com:8080', 'foo'],
    ['test-com:8080/foo', 'test-com:8080', 'foo'],
    ['foo', 'docker.io', 'library/foo'],
    ['xn--n3h.com/foo', 'xn--n3h.com', 'foo'],
    ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo'],
    ['docker.io/foo', 'docker.io', 'library/foo'],
    ['docker.io/library/foo', 'docker.io', 'library/foo'],
    ['docker.io/library/foo/bar', 'docker.io', 'library/foo/bar'],
    ['Foo/bar', 'Foo', 'bar'],
    ['192.168.0.1:80', 'docker.io', 'library/192.168.0.1', '80'],
    ['a'.repeat(247), 'docker.io', 'library/' + 'a'.repeat(247)],
    ['ubuntu:' + 'a'.repeat(128), 'docker.io', 'library/ubuntu', 'a'.repeat(128)],
    ['ubuntu:v1.0_rc-2', 'docker.io', 'library/ubuntu', 'v1.0_rc-2'],
    // Docker's own quirk: a first component with a dot that is not a valid host falls back to
    // being part of the path, leaving no domain at all.
    ['foo_bar.com/app', '', 'foo_bar.com/app'],
    ['my_app.v2/x-y', '', 'my_app.v2/x-y'],
  ])('%s', (text, domain, path, tag, digest) => {
    expect(parseReference(text)).toEqual({
      domain,
      path,
      ...(tag === undefined ? {} : { tag }),
      ...(digest === undefined ? {} : { digest }),
    });
  });

  it('keeps tag and digest together (TestParseReferenceWithTagAndDigest)', () => {
    const short = 'busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa';
    const ref = parseReference(short);
    expect(fullString(ref)).toBe(`docker.io/library/${short}`);
    expect(familiarString(ref)).toBe(short);
  });
});

describe('the familiar, full and ambiguous spellings of a repository (TestParseRepositoryInfo)', () => {
  it.each<[string, string, string, string, string?]>([
    // path, familiar, full, domain, ambiguous spelling
    ['fooo/bar', 'fooo/bar', 'docker.io/fooo/bar', 'docker.io', 'index.docker.io/fooo/bar'],
    ['library/ubuntu', 'ubuntu', 'docker.io/library/ubuntu', 'docker.io', 'library/ubuntu'],
    ['nonlibrary/ubuntu', 'nonlibrary/ubuntu', 'docker.io/nonlibrary/ubuntu', 'docker.io'],
    ['other/library', 'other/library', 'docker.io/other/library', 'docker.io'],
    ['private/moonbase', '127.0.0.1:8000/private/moonbase', '127.0.0.1:8000/private/moonbase', '127.0.0.1:8000'],
    ['privatebase', '127.0.0.1:8000/privatebase', '127.0.0.1:8000/privatebase', '127.0.0.1:8000'],
    ['private/moonbase', 'example.com/private/moonbase', 'example.com/private/moonbase', 'example.com'],
    ['privatebase', 'example.com/privatebase', 'example.com/privatebase', 'example.com'],
    ['private/moonbase', 'example.com:8000/private/moonbase', 'example.com:8000/private/moonbase', 'example.com:8000'],
    ['privatebasee', 'example.com:8000/privatebasee', 'example.com:8000/privatebasee', 'example.com:8000'],
    [
      'library/ubuntu-12.04-base',
      'ubuntu-12.04-base',
      'docker.io/library/ubuntu-12.04-base',
      'docker.io',
      'index.docker.io/library/ubuntu-12.04-base',
    ],
    ['library/foo', 'foo', 'docker.io/library/foo', 'docker.io', 'docker.io/foo'],
    ['library/foo/bar', 'library/foo/bar', 'docker.io/library/foo/bar', 'docker.io'],
    ['store/foo/bar', 'store/foo/bar', 'docker.io/store/foo/bar', 'docker.io'],
    ['bar', 'Foo/bar', 'Foo/bar', 'Foo'],
    ['bar', 'FOO/bar', 'FOO/bar', 'FOO'],
  ])('%s as %s', (path, familiar, full, domain, ambiguous) => {
    for (const spelling of [familiar, full, ...(ambiguous ? [ambiguous] : [])]) {
      const ref = parseReference(spelling);
      expect(familiarName(ref)).toBe(familiar);
      expect(fullString(ref)).toBe(full);
      expect(ref.domain).toBe(domain);
      expect(ref.path).toBe(path);
    }
  });
});

describe('parseAnyReference (TestParseAnyReference)', () => {
  it.each<[string, string, boolean]>([
    // input, full string, named?
    ['redis', 'docker.io/library/redis', true],
    ['redis:latest', 'docker.io/library/redis:latest', true],
    ['docker.io/library/redis:latest', 'docker.io/library/redis:latest', true],
    [`redis@${redisDigest}`, `docker.io/library/redis@${redisDigest}`, true],
    [`docker.io/library/redis@${redisDigest}`, `docker.io/library/redis@${redisDigest}`, true],
    ['dmcgowan/myapp', 'docker.io/dmcgowan/myapp', true],
    ['dmcgowan/myapp:latest', 'docker.io/dmcgowan/myapp:latest', true],
    ['docker.io/mcgowan/myapp:latest', 'docker.io/mcgowan/myapp:latest', true],
    [`dmcgowan/myapp@${redisDigest}`, `docker.io/dmcgowan/myapp@${redisDigest}`, true],
    [`docker.io/dmcgowan/myapp@${redisDigest}`, `docker.io/dmcgowan/myapp@${redisDigest}`, true],
    [redisDigest.slice(7), redisDigest, false],
    [redisDigest, redisDigest, false],
    [redisDigest.slice(7, -1), `docker.io/library/${redisDigest.slice(7, -1)}`, true],
    ['dbcc1', 'docker.io/library/dbcc1', true],
  ])('%s', (text, full, named) => {
    const ref = parseAnyReference(text);
    expect(fullString(ref)).toBe(full);
    expect(isNamed(ref)).toBe(named);
    if (!named) expect(ref).toEqual({ digest: redisDigest });
  });

  it('still refuses what parseReference refuses', () => {
    expect(outcome(() => parseAnyReference('Alpine'))).toMatchObject({ kind: 'name-not-lowercase' });
  });
});

describe('splitDockerDomain', () => {
  it.each([
    ['alpine', 'docker.io', 'library/alpine'],
    ['alpine:3', 'docker.io', 'library/alpine:3'],
    ['docker.io/alpine', 'docker.io', 'library/alpine'],
    ['index.docker.io/a/b', 'docker.io', 'a/b'],
    ['localhost/app', 'localhost', 'app'],
    ['host:5000/app', 'host:5000', 'app'],
    ['Host/app', 'Host', 'app'],
    ['myuser/app', 'docker.io', 'myuser/app'],
    ['localhostx/app', 'docker.io', 'localhostx/app'],
  ])('%s → %s + %s', (text, domain, remainder) => {
    expect(splitDockerDomain(text)).toEqual({ domain, remainder });
  });
});

describe('pathological input', () => {
  it.each([
    ['long name', 'a'.repeat(100_000) + '!'],
    ['long separators', 'a-'.repeat(50_000) + '!'],
    ['long components', 'a/'.repeat(50_000) + '!'],
    ['long domain labels', 'a.'.repeat(50_000) + 'a/b!'],
    ['long dashes', 'a' + '-'.repeat(100_000) + '!'],
    ['long tag attempt', 'a:' + 'b'.repeat(100_000)],
    ['long hex', 'a@sha256:' + 'f'.repeat(100_000) + '!'],
  ])('rejects %s quickly', (_, text) => {
    const start = performance.now();
    expect(() => parseReference(text)).toThrow(InvalidReferenceError);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
