import { describe, expect, it } from 'vitest';
import { Overlay } from '../layer/overlay';
import { emptySnapshot } from '../layer/snapshot';
import { Accounts, resolveUser, UnknownUserError } from './users';

function fs() {
  const o = new Overlay(emptySnapshot());
  o.mkdir('/etc');
  o.writeFile(
    '/etc/passwd',
    'root:x:0:0:root:/root:/bin/sh\nnginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin\nbroken line\n',
  );
  o.writeFile('/etc/group', 'root:x:0:root\nwheel:x:10:root\nnginx:x:101:nginx\n');
  return o;
}

describe('users and groups', () => {
  it('reads names and supplementary groups, skipping malformed lines', () => {
    const a = new Accounts(fs());
    expect(a.users.map((u) => u.name)).toEqual(['root', 'nginx']);
    expect(a.userName(101)).toBe('nginx');
    expect(a.groupName(10)).toBe('wheel');
    expect(a.groupsOf(a.user('root'), 0)).toEqual([0, 10]);
  });

  it.each([
    ['', { uid: 0, gid: 0, home: '/root', groups: [0, 10] }],
    ['nginx', { uid: 101, gid: 101, home: '/var/cache/nginx', groups: [101] }],
    ['1000', { uid: 1000, gid: 0, home: '/', groups: [0] }],
    ['1000:1000', { uid: 1000, gid: 1000, home: '/', groups: [1000] }],
    ['nginx:wheel', { uid: 101, gid: 10, home: '/var/cache/nginx', groups: [10] }],
  ])('resolves --user %j as runc does', (spec, expected) => {
    expect(resolveUser(fs(), spec)).toEqual(expected);
  });

  it("refuses a name the image does not know, in runc's words", () => {
    expect(() => resolveUser(fs(), 'nope')).toThrow(
      new UnknownUserError('unable to find user nope: no matching entries in passwd file'),
    );
    expect(() => resolveUser(fs(), 'root:nope')).toThrow(
      'unable to find group nope: no matching entries in group file',
    );
  });
});
