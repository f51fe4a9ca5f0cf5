// The name/tag pairs of the Engine API, both directions.
import { describe, expect, it } from 'vitest';
import { InvalidReferenceError, type ReferenceErrorKind } from './errors';
import { parseImageCreateQuery, parseRepoTag, toImageCreateQuery } from './engine-api-forms';
import { parseReference } from './parse';
import { fullString } from './reference';

const sha = `sha256:${'e'.repeat(64)}`;
const other = `sha256:${'b'.repeat(64)}`;

function kindOf(run: () => unknown): ReferenceErrorKind | 'ok' {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof InvalidReferenceError) return error.kind;
    throw error;
  }
}

describe('docker client → POST /images/create query', () => {
  it.each<[string, string, string | undefined]>([
    ['alpine', 'docker.io/library/alpine', 'latest'],
    ['alpine:3.20', 'docker.io/library/alpine', '3.20'],
    [`alpine@${sha}`, 'docker.io/library/alpine', sha],
    [`alpine:3.20@${sha}`, 'docker.io/library/alpine', sha],
    ['localhost:5000/app', 'localhost:5000/app', 'latest'],
  ])('%s', (text, fromImage, tag) => {
    expect(toImageCreateQuery(parseReference(text))).toEqual({ fromImage, tag });
  });

  it('sends no tag for --all-tags', () => {
    expect(toImageCreateQuery(parseReference('alpine'), { allTags: true })).toEqual({
      fromImage: 'docker.io/library/alpine',
    });
  });
});

describe('daemon: fromImage + tag', () => {
  it.each<[string, string, string]>([
    ['alpine', '', 'docker.io/library/alpine'],
    ['alpine', '3.20', 'docker.io/library/alpine:3.20'],
    ['alpine:', '', 'docker.io/library/alpine'],
    ['docker.io/library/alpine', 'latest', 'docker.io/library/alpine:latest'],
    ['docker.io/library/alpine', sha, `docker.io/library/alpine@${sha}`],
    // A digest in `tag` replaces whatever the name carried.
    ['alpine:3.20', sha, `docker.io/library/alpine@${sha}`],
    [`alpine@${other}`, sha, `docker.io/library/alpine@${sha}`],
    // A tag in `tag` is added, and any digest kept.
    [`alpine@${sha}`, 'edge', `docker.io/library/alpine:edge@${sha}`],
    ['alpine:3.20', 'edge', 'docker.io/library/alpine:edge'],
    ['localhost:5000/app', 'v1', 'localhost:5000/app:v1'],
  ])('%s + %s', (fromImage, tag, full) => {
    expect(fullString(parseImageCreateQuery(fromImage, tag))).toBe(full);
  });

  it.each<[string, string, ReferenceErrorKind, string]>([
    ['alpine', 'bad tag', 'tag-format', 'invalid tag format'],
    ['alpine', 'sha256:abc', 'tag-format', 'invalid tag format'],
    ['alpine', '-x', 'tag-format', 'invalid tag format'],
    [
      'Alpine',
      '',
      'name-not-lowercase',
      'invalid reference format: repository name (library/Alpine) must be lowercase',
    ],
    ['', '', 'format', 'invalid reference format'],
    ['alpine::', '', 'format', 'invalid reference format'],
    ['scratch', '', 'reserved-name', "'scratch' is a reserved name"],
    ['docker.io/library/scratch', 'latest', 'reserved-name', "'scratch' is a reserved name"],
  ])('%j + %j is refused', (fromImage, tag, kind, message) => {
    expect(kindOf(() => parseImageCreateQuery(fromImage, tag))).toBe(kind);
    expect(() => parseImageCreateQuery(fromImage, tag)).toThrow(message);
  });

  it('lets other registries have a scratch repository', () => {
    expect(fullString(parseImageCreateQuery('localhost:5000/scratch'))).toBe('localhost:5000/scratch');
  });
});

describe('daemon: repo + tag (tag, push, import, commit)', () => {
  it.each<[string, string, string | undefined]>([
    ['', '', undefined],
    ['', 'v1', undefined],
    ['myapp', '', 'docker.io/library/myapp:latest'],
    ['myapp', 'v1', 'docker.io/library/myapp:v1'],
    ['myapp:v1', '', 'docker.io/library/myapp:v1'],
    ['myapp:v1', 'v2', 'docker.io/library/myapp:v2'],
    ['localhost:5000/team/app', 'x', 'localhost:5000/team/app:x'],
  ])('%j + %j', (repo, tag, full) => {
    const ref = parseRepoTag(repo, tag);
    expect(ref && fullString(ref)).toBe(full);
  });

  it.each<[string, string, ReferenceErrorKind, string]>([
    [`myapp@${sha}`, '', 'import-digest', 'cannot import digest reference'],
    ['myapp', 'a/b', 'tag-format', 'invalid tag format'],
    // `My` has capitals, so it is taken for a registry; then `App` is the repository.
    ['My/App', '', 'name-not-lowercase', 'invalid reference format: repository name (App) must be lowercase'],
  ])('%j + %j is refused', (repo, tag, kind, message) => {
    expect(kindOf(() => parseRepoTag(repo, tag))).toBe(kind);
    expect(() => parseRepoTag(repo, tag)).toThrow(message);
  });
});
