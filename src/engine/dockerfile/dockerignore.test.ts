import { describe, expect, it } from 'vitest';
import {
  buildFilesRemovedByDaemon,
  filterBuildContext,
  readDockerignore,
  trimBuildFilesFromExcludes,
  type ContextEntry,
} from './dockerignore';
import { IgnorePatternError } from './pattern-matcher';

describe('reading .dockerignore (moby/patternmatcher ignorefile TestReadAll)', () => {
  it('skips comments and blanks, cleans patterns and drops a leading /', () => {
    const content = 'test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n!\n! ';
    expect(readDockerignore(content)).toEqual([
      'test1',
      'test2',
      'a/file/here',
      'lastfile',
      '!inverted/abs/path',
      '!',
      '!',
    ]);
  });

  it('handles CRLF, a BOM, ./ prefixes, trailing slashes and the pattern `.`', () => {
    expect(readDockerignore('\ufeff./node_modules/\r\n*.log\r\n.\r\n  #not a comment\r\n/\r\n')).toEqual([
      'node_modules',
      '*.log',
      '.',
      '#not a comment',
      '/',
    ]);
    expect(readDockerignore('')).toEqual([]);
  });
});

const context: ContextEntry[] = [
  { path: 'Dockerfile', isDir: false },
  { path: '.dockerignore', isDir: false },
  { path: '.git', isDir: true },
  { path: '.git/HEAD', isDir: false },
  { path: 'README.md', isDir: false },
  { path: 'docs', isDir: true },
  { path: 'docs/README.md', isDir: false },
  { path: 'docs/guide.md', isDir: false },
  { path: 'src/main.go', isDir: false },
  { path: 'src/main_test.go', isDir: false },
  { path: 'debug.log', isDir: false },
  { path: 'node_modules/x/index.js', isDir: false },
];
const sent = (excludes: string[]) => filterBuildContext(context, excludes).map((e) => e.path);

describe('the context the CLI sends (TarWithOptions walk)', () => {
  it('sends everything, in walk order, with implied directories, when nothing is ignored', () => {
    expect(sent([])).toEqual([
      '.dockerignore',
      '.git',
      '.git/HEAD',
      'Dockerfile',
      'README.md',
      'debug.log',
      'docs',
      'docs/README.md',
      'docs/guide.md',
      'node_modules',
      'node_modules/x',
      'node_modules/x/index.js',
      'src',
      'src/main.go',
      'src/main_test.go',
    ]);
  });

  it('drops matching files and whole matching directories', () => {
    expect(sent(['.git', 'node_modules', '*.log', '**/*_test.go'])).toEqual([
      '.dockerignore',
      'Dockerfile',
      'README.md',
      'docs',
      'docs/README.md',
      'docs/guide.md',
      'src',
      'src/main.go',
    ]);
  });

  it('re-includes with ! (last matching line wins), walking into an excluded directory only for it', () => {
    expect(sent(['docs', '!docs/README.md'])).toContain('docs/README.md');
    expect(sent(['docs', '!docs/README.md'])).not.toContain('docs');
    expect(sent(['docs', '!docs/README.md'])).not.toContain('docs/guide.md');
    expect(sent(['*.md', '!README.md'])).toEqual(expect.arrayContaining(['README.md']));
    expect(sent(['!README.md', '*.md'])).not.toContain('README.md');
  });

  it('does not look inside an excluded directory for an exception that does not start with it', () => {
    expect(sent(['docs', '!**/README.md'])).not.toContain('docs/README.md');
    expect(sent(['docs', '!**/README.md'])).toContain('README.md');
  });

  it('excludes everything with ** but keeps what the CLI re-includes for the daemon', () => {
    const excludes = trimBuildFilesFromExcludes(['**'], 'Dockerfile');
    expect(excludes).toEqual(['**', '!.dockerignore', '!Dockerfile']);
    expect(sent(excludes)).toEqual(['.dockerignore', 'Dockerfile']);
  });

  it('refuses a malformed .dockerignore pattern', () => {
    expect(() => sent(['['])).toThrow(new IgnorePatternError('syntax error in pattern'));
  });
});

describe('the Dockerfile and .dockerignore', () => {
  it('the CLI adds exceptions only when the patterns would exclude them', () => {
    expect(trimBuildFilesFromExcludes(['*.md'], 'Dockerfile')).toEqual(['*.md']);
    expect(trimBuildFilesFromExcludes(['Dockerfile*', '.*'], 'Dockerfile')).toEqual([
      'Dockerfile*',
      '.*',
      '!.dockerignore',
      '!Dockerfile',
    ]);
    expect(trimBuildFilesFromExcludes(['build'], 'build/Dockerfile')).toEqual(['build', '!build/Dockerfile']);
    expect(trimBuildFilesFromExcludes(['Dockerfile'], 'Dockerfile', true)).toEqual(['Dockerfile']);
  });

  it('the daemon removes them from the context after reading them, if .dockerignore lists them', () => {
    expect(buildFilesRemovedByDaemon(['Dockerfile', '.dockerignore'], 'Dockerfile')).toEqual([
      '.dockerignore',
      'Dockerfile',
    ]);
    expect(buildFilesRemovedByDaemon(['*.md'], 'Dockerfile')).toEqual([]);
    expect(buildFilesRemovedByDaemon(['build'], 'build/Dockerfile')).toEqual(['build/Dockerfile']);
  });
});
