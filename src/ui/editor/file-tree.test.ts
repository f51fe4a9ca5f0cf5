import { describe, expect, it } from 'vitest';
import { LaptopFiles } from '../../engine/laptop/files';
import { languageOf, newFilePath, treeRows } from './file-tree';

describe('treeRows', () => {
  it('lists the home directory, folders before their files, with depths', () => {
    const files = new LaptopFiles({ now: () => 0 });
    files.mkdir('/home/student/web', { parents: true });
    files.writeFile('/home/student/web/index.html', '<h1>hi</h1>');
    files.writeFile('/home/student/Dockerfile', 'FROM alpine\n');
    files.writeFile('/tmp/elsewhere', 'x');
    const rows = treeRows(files).map((r) => `${'  '.repeat(r.depth)}${r.name}${r.kind === 'dir' ? '/' : ''}`);
    expect(rows).toEqual(['.docker/', 'Dockerfile', 'web/', '  index.html']);
  });
});

describe('languageOf', () => {
  it.each([
    ['/home/student/Dockerfile', 'dockerfile'],
    ['/home/student/web/Dockerfile.dev', 'dockerfile'],
    ['/home/student/Containerfile', 'dockerfile'],
    ['/home/student/api.dockerfile', 'dockerfile'],
    ['/home/student/Dockerfiles.txt', 'plain'],
    ['/home/student/app.py', 'plain'],
  ])('%s → %s', (path, language) => {
    expect(languageOf(path)).toBe(language);
  });
});

describe('newFilePath', () => {
  it.each([
    ['Dockerfile', '/home/student/Dockerfile'],
    ['./web//app.js', '/home/student/web/app.js'],
    ['/tmp/notes', '/tmp/notes'],
    ['', { error: 'Type a file name, e.g. Dockerfile or app/index.html.' }],
    ['web/', { error: 'web/ is a directory name; add a file name after it.' }],
    ['../etc/passwd', { error: 'Use a path inside your home directory.' }],
  ])('%j → %j', (typed, expected) => {
    expect(newFilePath(typed)).toEqual(expected);
  });
});
