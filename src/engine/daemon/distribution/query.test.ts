import { expect, test } from 'vitest';
import { encodeQuery, queryEscape, withQuery } from './query';

test.each([
  ['repository:library/alpine:pull', 'repository%3Alibrary%2Falpine%3Apull'],
  ['pull,push', 'pull%2Cpush'],
  ['a b~c*d', 'a+b~c%2Ad'],
  ['é', '%C3%A9'],
])('queryEscape(%j)', (text, want) => {
  expect(queryEscape(text)).toBe(want);
});

test('encodeQuery sorts keys and keeps repeated keys in order (url.Values.Encode)', () => {
  expect(
    encodeQuery([
      ['service', 'registry.docker.io'],
      ['scope', 'repository:student/web:push,pull'],
      ['scope', 'repository:library/alpine:pull'],
      ['account', 'student'],
    ]),
  ).toBe(
    'account=student&scope=repository%3Astudent%2Fweb%3Apush%2Cpull&scope=repository%3Alibrary%2Falpine%3Apull&service=registry.docker.io',
  );
});

test('withQuery adds to a Location that already has a query, replacing a key it sets', () => {
  expect(withQuery('/v2/a/blobs/uploads/1', [['digest', 'sha256:ab']])).toBe(
    '/v2/a/blobs/uploads/1?digest=sha256%3Aab',
  );
  expect(withQuery('http://h/v2/a/blobs/uploads/1?_state=xyz&digest=old', [['digest', 'sha256:ab']])).toBe(
    'http://h/v2/a/blobs/uploads/1?_state=xyz&digest=sha256%3Aab',
  );
});
