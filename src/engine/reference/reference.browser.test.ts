// Runs in real Chromium: the grammar's regular expressions must behave there exactly as in Node.
import { expect, it } from 'vitest';
import { InvalidReferenceError, familiarString, fullString, parseReference } from './index';

it.each([
  ['alpine', 'docker.io/library/alpine', 'alpine'],
  ['localhost:5000/app:v1', 'localhost:5000/app:v1', 'localhost:5000/app:v1'],
  ['[::1]:5000/x', '[::1]:5000/x', '[::1]:5000/x'],
  ['index.docker.io/my__user/app-x.y', 'docker.io/my__user/app-x.y', 'my__user/app-x.y'],
  [
    `busybox:1@sha256:${'c'.repeat(64)}`,
    `docker.io/library/busybox:1@sha256:${'c'.repeat(64)}`,
    `busybox:1@sha256:${'c'.repeat(64)}`,
  ],
])('parses %s in the browser', (text, full, familiar) => {
  const ref = parseReference(text);
  expect(fullString(ref)).toBe(full);
  expect(familiarString(ref)).toBe(familiar);
});

it.each([
  ['Alpine', 'invalid reference format: repository name (library/Alpine) must be lowercase'],
  ['a:' + 'b'.repeat(129), 'invalid reference format'],
  ['[fe80::1%eth0]:5000/x', 'invalid reference format'],
])('refuses %s in the browser', (text, message) => {
  expect(() => parseReference(text)).toThrow(InvalidReferenceError);
  expect(() => parseReference(text)).toThrow(message);
});
