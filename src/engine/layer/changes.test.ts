import { describe, expect, it } from 'vitest';
import { changes, CHANGE_KIND_CODES } from './changes';
import { Overlay } from './overlay';
import { sampleImage } from './snapshot-fixtures';

const diff = (op: (fs: Overlay) => void): string[] => {
  let t = 1000;
  const fs = new Overlay(sampleImage(), { now: () => ++t });
  op(fs);
  return changes(fs).map((c) => `${c.kind} ${c.path}`);
};

describe('changes (docker diff)', () => {
  it.each<[string, (fs: Overlay) => void, string[]]>([
    ['nothing done', () => {}, []],
    [
      'a file in a new directory',
      (fs) => (fs.mkdir('/app'), fs.writeFile('/app/main.js', 'x')),
      ['A /app', 'A /app/main.js'],
    ],
    [
      'a file in an image directory (nginx.pid)',
      (fs) => fs.writeFile('/run/nginx.pid', '1'),
      ['C /run', 'A /run/nginx.pid'],
    ],
    ['an edited config file', (fs) => fs.writeFile('/etc/hosts', '::1 localhost\n'), ['C /etc', 'C /etc/hosts']],
    ['a file rewritten with the same content', (fs) => fs.writeFile('/etc/motd', 'welcome'), ['C /etc', 'C /etc/motd']],
    ['a deleted image file', (fs) => fs.unlink('/etc/motd'), ['C /etc', 'D /etc/motd']],
    ['a deleted image directory with children', (fs) => fs.rm('/srv', { recursive: true }), ['D /srv']],
    ['a deleted nested directory', (fs) => fs.rm('/etc/ssl', { recursive: true }), ['C /etc', 'D /etc/ssl']],
    [
      'a directory removed and made again (opaque)',
      (fs) => (fs.rm('/srv', { recursive: true }), fs.mkdir('/srv'), fs.writeFile('/srv/new', 'n')),
      ['C /srv', 'D /srv/data', 'A /srv/new', 'D /srv/old.txt'],
    ],
    ['a chmod only', (fs) => fs.chmod('/etc/os-release', 0o600), ['C /etc', 'C /etc/os-release']],
    ['a chown of a directory only', (fs) => fs.chown('/run', 1, 1), ['C /run']],
    ['a new mtime on a directory only', (fs) => fs.utimes('/etc', 42), []],
    ['a file made and removed again', (fs) => (fs.writeFile('/tmp/x', 'x'), fs.unlink('/tmp/x')), []],
    [
      'a changed file deep down',
      (fs) => fs.writeFile('/etc/ssl/cert.pem', 'new'),
      ['C /etc', 'C /etc/ssl', 'C /etc/ssl/cert.pem'],
    ],
    [
      'a symlink replaced by a directory',
      (fs) => (fs.unlink('/lib'), fs.mkdir('/lib'), fs.writeFile('/lib/a', 'a')),
      ['C /lib', 'A /lib/a'],
    ],
    [
      'a directory replaced by a file',
      (fs) => (fs.rm('/srv', { recursive: true }), fs.writeFile('/srv', 's')),
      ['C /srv'],
    ],
    ['a file moved', (fs) => fs.rename('/etc/motd', '/tmp/motd'), ['C /etc', 'D /etc/motd', 'C /tmp', 'A /tmp/motd']],
    ['a new nested tree', (fs) => fs.mkdir('/opt/a/b', { parents: true }), ['A /opt', 'A /opt/a', 'A /opt/a/b']],
    [
      'a write through a symlink',
      (fs) => fs.writeFile('/lib/libz.so', 'z'),
      ['C /usr', 'C /usr/lib', 'A /usr/lib/libz.so'],
    ],
    ['a hard link broken by a write', (fs) => fs.writeFile('/bin/sh', 'x'), ['C /bin', 'C /bin/sh']],
  ])('%s', (_, op, expected) => {
    expect(diff(op)).toEqual(expected);
  });

  it('lists a path after its parent and siblings by name, depth first', () => {
    const lines = diff((fs) => {
      fs.mkdir('/a-b');
      fs.mkdir('/a');
      fs.writeFile('/a/x', 'x');
      fs.writeFile('/B', 'B');
    });
    expect(lines).toEqual(['A /B', 'A /a', 'A /a/x', 'A /a-b']);
  });

  it('uses the Engine API kind numbers', () => {
    expect(CHANGE_KIND_CODES).toEqual({ C: 0, A: 1, D: 2 });
  });
});
