import { expect, test } from 'vitest';
import { DaemonError } from '../api/errors';
import { parsePlatformOption } from './platform-option';

const host = { os: 'linux', architecture: 'amd64' } as const;

test.each([
  ['linux/arm64', { os: 'linux', architecture: 'arm64' }],
  ['linux/arm64/v8', { os: 'linux', architecture: 'arm64' }],
  ['linux/arm/v7', { os: 'linux', architecture: 'arm', variant: 'v7' }],
  ['linux/aarch64', { os: 'linux', architecture: 'arm64' }],
  ['arm64', { os: 'linux', architecture: 'arm64' }],
  ['linux', { os: 'linux', architecture: 'amd64' }],
  ['Windows/AMD64', { os: 'windows', architecture: 'amd64' }],
])('%s', (text, want) => {
  expect(parsePlatformOption(text, host)).toEqual(want);
});

test.each(['linux/sparc', 'plan10', 'linux/amd64/v2/x', 'linux//amd64'])('%s is refused', (text) => {
  let thrown: unknown;
  try {
    parsePlatformOption(text, host);
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(DaemonError);
  expect((thrown as DaemonError).status).toBe(400);
  expect((thrown as DaemonError).message).toBe(`"${text}": unknown operating system or architecture: invalid argument`);
});
