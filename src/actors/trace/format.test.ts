import { expect, it } from 'vitest';
import { formatTraceLine } from './format';

const laptop = { host: 'laptop', role: 'client' as const };
const daemon = { host: 'laptop', role: 'daemon' as const };
const time = Date.UTC(2026, 10, 28, 19, 31, 2, 123);

it('prints time, route and summary on one line', () => {
  expect(
    formatTraceLine({
      kind: 'request',
      seq: 1,
      exchange: 1,
      from: laptop,
      to: daemon,
      method: 'POST',
      url: '/v1.50/containers/create',
      summary: 'POST /v1.50/containers/create',
      time,
    }),
  ).toBe('19:31:02.123  laptop client → laptop daemon       POST /v1.50/containers/create');
  expect(
    formatTraceLine({
      kind: 'failure',
      seq: 2,
      exchange: 1,
      from: daemon,
      to: { host: 'docker.io', role: 'registry' },
      summary: 'connection refused',
      time,
    }),
  ).toBe('19:31:02.123  laptop daemon → docker.io registry  ✗ connection refused');
});
