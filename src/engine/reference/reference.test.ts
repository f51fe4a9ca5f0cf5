// Printing a reference back, and the small operations on it (TagNameOnly, WithTag, WithDigest…).
import { describe, expect, it } from 'vitest';
import { parseDigest } from '../digest';
import { TagFormatError } from './errors';
import { parseAnyReference, parseReference, parseWithoutNormalizing } from './parse';
import {
  familiarName,
  familiarString,
  fullName,
  fullString,
  imageReference,
  isNameOnly,
  manifestReference,
  nameOnly,
  registryDomain,
  repositoryPath,
  withDefaultTag,
  withDigest,
  withTag,
} from './reference';

const sha = `sha256:${'a'.repeat(64)}`;

describe('printing', () => {
  it.each([
    // input, familiar name, familiar string, full name, full string
    ['alpine', 'alpine', 'alpine', 'docker.io/library/alpine', 'docker.io/library/alpine'],
    ['alpine:latest', 'alpine', 'alpine:latest', 'docker.io/library/alpine', 'docker.io/library/alpine:latest'],
    [`alpine@${sha}`, 'alpine', `alpine@${sha}`, 'docker.io/library/alpine', `docker.io/library/alpine@${sha}`],
    ['myuser/app:v1', 'myuser/app', 'myuser/app:v1', 'docker.io/myuser/app', 'docker.io/myuser/app:v1'],
    ['localhost:5000/app', 'localhost:5000/app', 'localhost:5000/app', 'localhost:5000/app', 'localhost:5000/app'],
    ['docker.io/library/a/b', 'library/a/b', 'library/a/b', 'docker.io/library/a/b', 'docker.io/library/a/b'],
    ['index.docker.io/redis:7', 'redis', 'redis:7', 'docker.io/library/redis', 'docker.io/library/redis:7'],
    ['[::1]:5000/x:y', '[::1]:5000/x', '[::1]:5000/x:y', '[::1]:5000/x', '[::1]:5000/x:y'],
    ['foo_bar.com/app', 'foo_bar.com/app', 'foo_bar.com/app', 'foo_bar.com/app', 'foo_bar.com/app'],
  ])('%s', (text, famName, famString, name, string) => {
    const ref = parseReference(text);
    expect(familiarName(ref)).toBe(famName);
    expect(familiarString(ref)).toBe(famString);
    expect(fullName(ref)).toBe(name);
    expect(fullString(ref)).toBe(string);
  });

  it('prints a bare digest reference as the digest', () => {
    const ref = parseAnyReference('a'.repeat(64));
    expect(fullString(ref)).toBe(sha);
    expect(familiarString(ref)).toBe(sha);
  });

  it('gives the registry client its domain and repository path', () => {
    const ref = parseReference('alpine');
    expect(registryDomain(ref)).toBe('docker.io');
    expect(repositoryPath(ref)).toBe('library/alpine');
    const local = parseReference('localhost:5000/team/app:v2');
    expect(registryDomain(local)).toBe('localhost:5000');
    expect(repositoryPath(local)).toBe('team/app');
  });

  it('knows what to ask the manifest endpoint for', () => {
    expect(manifestReference(parseReference('alpine'))).toBe('latest');
    expect(manifestReference(parseReference('alpine:3.20'))).toBe('3.20');
    expect(manifestReference(parseReference(`alpine:3.20@${sha}`))).toBe(sha);
  });
});

describe('TagNameOnly, TrimNamed, WithTag, WithDigest', () => {
  it('adds latest only when there is neither tag nor digest', () => {
    expect(fullString(withDefaultTag(parseReference('alpine')))).toBe('docker.io/library/alpine:latest');
    expect(fullString(withDefaultTag(parseReference('alpine:3')))).toBe('docker.io/library/alpine:3');
    expect(fullString(withDefaultTag(parseReference(`alpine@${sha}`)))).toBe(`docker.io/library/alpine@${sha}`);
  });

  it('tells a bare name from a tagged or pinned one', () => {
    expect(isNameOnly(parseReference('alpine'))).toBe(true);
    expect(isNameOnly(parseReference('alpine:3'))).toBe(false);
    expect(isNameOnly(parseReference(`alpine@${sha}`))).toBe(false);
  });

  it('drops tag and digest', () => {
    expect(nameOnly(parseReference(`alpine:3@${sha}`))).toEqual({ domain: 'docker.io', path: 'library/alpine' });
  });

  // TestWithTag and TestWithDigest of reference_test.go.
  it.each<[string, string | undefined, string, string]>([
    ['test.com/foo', undefined, 'tag', 'test.com/foo:tag'],
    ['foo', undefined, 'tag2', 'foo:tag2'],
    ['test.com:8000/foo', undefined, 'tag4', 'test.com:8000/foo:tag4'],
    ['test.com:8000/foo', undefined, 'TAG5', 'test.com:8000/foo:TAG5'],
    ['test.com:8000/foo', sha, 'TAG5', `test.com:8000/foo:TAG5@${sha}`],
  ])('WithTag %s %s %s', (name, digest, tag, combined) => {
    let ref = parseWithoutNormalizing(name);
    if (digest) ref = withDigest(ref, parseDigest(digest));
    expect(fullString(withTag(ref, tag))).toBe(combined);
  });

  it.each<[string, string | undefined, string]>([
    ['test.com/foo', undefined, `test.com/foo@${sha}`],
    ['foo', undefined, `foo@${sha}`],
    ['test.com:8000/foo', undefined, `test.com:8000/foo@${sha}`],
    ['test.com:8000/foo', 'latest', `test.com:8000/foo:latest@${sha}`],
  ])('WithDigest %s %s', (name, tag, combined) => {
    let ref = parseWithoutNormalizing(name);
    if (tag) ref = withTag(ref, tag);
    expect(fullString(withDigest(ref, parseDigest(sha)))).toBe(combined);
  });

  it.each(['-foo', '', '.x', 'a'.repeat(129), 'a/b', 'a:b', 'é'])('WithTag refuses %j', (tag) => {
    const ref = parseReference('busybox');
    expect(() => withTag(ref, tag)).toThrow(TagFormatError);
    expect(() => withTag(ref, tag)).toThrow('invalid tag format');
  });
});

describe('immutability', () => {
  it('freezes every reference it builds', () => {
    const ref = parseReference('alpine:3');
    expect(Object.isFrozen(ref)).toBe(true);
    expect(() => {
      (ref as { tag?: string }).tag = 'edge';
    }).toThrow(TypeError);
    expect(ref.tag).toBe('3');
    const tagged = withTag(ref, 'edge');
    expect(ref.tag).toBe('3');
    expect(tagged.tag).toBe('edge');
    expect(Object.isFrozen(withDefaultTag(parseReference('alpine')))).toBe(true);
    expect(Object.isFrozen(parseAnyReference(sha))).toBe(true);
  });

  it('leaves absent parts out', () => {
    expect(Object.keys(imageReference({ domain: 'docker.io', path: 'library/x', tag: undefined }))).toEqual([
      'domain',
      'path',
    ]);
  });
});
