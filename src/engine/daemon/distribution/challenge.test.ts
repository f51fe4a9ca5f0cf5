import { describe, expect, test } from 'vitest';
import { parseChallenges } from './challenge';

describe('parseChallenges', () => {
  test.each([
    {
      header:
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"',
      want: [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:library/alpine:pull',
          },
        },
      ],
    },
    { header: 'Basic realm="Registry Realm"', want: [{ scheme: 'basic', params: { realm: 'Registry Realm' } }] },
    {
      header: 'Bearer realm="r",service="s",scope="repository:a:pull",error="insufficient_scope"',
      want: [
        {
          scheme: 'bearer',
          params: { realm: 'r', service: 's', scope: 'repository:a:pull', error: 'insufficient_scope' },
        },
      ],
    },
    {
      header: 'Bearer realm="a",service="b", Basic realm="c"',
      want: [
        { scheme: 'bearer', params: { realm: 'a', service: 'b' } },
        { scheme: 'basic', params: { realm: 'c' } },
      ],
    },
    // An unquoted value is one token, as Go reads it: names are case-insensitive.
    {
      header: 'Bearer Realm=dockyard,Service=hub',
      want: [{ scheme: 'bearer', params: { realm: 'dockyard', service: 'hub' } }],
    },
    { header: 'Basic realm="say \\"hi\\""', want: [{ scheme: 'basic', params: { realm: 'say "hi"' } }] },
    {
      header: 'Bearer scope="repository:a:pull,push"',
      want: [{ scheme: 'bearer', params: { scope: 'repository:a:pull,push' } }],
    },
    { header: '', want: [] },
  ])('$header', ({ header, want }) => {
    expect(parseChallenges(header)).toEqual(want);
  });
});
