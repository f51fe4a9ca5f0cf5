import { expect, test } from 'vitest';
import { utf8 } from '../../bytes';
import { toBase64 } from '../../registry/auth/base64';
import { decodeRegistryAuth } from './registry-auth';

const b64url = (text: string) => toBase64(utf8(text)).replace(/\+/g, '-').replace(/\//g, '_');

test.each([
  { name: 'absent', header: undefined, want: {} },
  { name: 'empty', header: '', want: {} },
  { name: 'anonymous', header: 'e30=', want: {} },
  {
    name: 'a login',
    header: b64url('{"username":"student","password":"dockyard","serveraddress":"registry.example.com"}'),
    want: { username: 'student', password: 'dockyard', serveraddress: 'registry.example.com' },
  },
  {
    name: 'without padding',
    header: b64url('{"username":"a","password":"b"}').replace(/=+$/, ''),
    want: { username: 'a', password: 'b' },
  },
  { name: 'url-safe alphabet', header: b64url('{"password":"??>>"}'), want: { password: '??>>' } },
  { name: 'an identity token', header: b64url('{"identitytoken":"tok"}'), want: { identitytoken: 'tok' } },
  { name: 'not base64', header: '%%%', want: {} },
  { name: 'not JSON', header: b64url('hello'), want: {} },
  { name: 'not an object', header: b64url('["a"]'), want: {} },
  { name: 'wrong types are dropped', header: b64url('{"username":7,"password":"p"}'), want: { password: 'p' } },
])('$name', ({ header, want }) => {
  expect(decodeRegistryAuth(header)).toEqual(want);
});
