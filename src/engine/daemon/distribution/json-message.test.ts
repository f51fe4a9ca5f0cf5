import { describe, expect, test } from 'vitest';
import { fromUtf8 } from '../../bytes';
import { encodeMessage, errorMessage, progressBar, progressMessage, statusMessage } from './json-message';

const full = `[${'='.repeat(50)}>] `;

describe('progressBar (JSONProgress.String at 200 columns)', () => {
  test.each([
    { current: 0, total: 0, want: '' },
    { current: 1690, total: 3380, want: `[${'='.repeat(25)}>${' '.repeat(25)}]   1.69kB/3.38kB` },
    { current: 3380, total: 3380, want: `${full}  3.38kB/3.38kB` },
    { current: 1, total: 3_642_000, want: `[>${' '.repeat(50)}]       1B/3.642MB` },
    { current: 130_560, total: 9905, want: `${full} 130.6kB` },
    { current: 5000, total: 0, want: '     5kB' },
    { current: 99, total: 100, want: `[${'='.repeat(49)}> ]      99B/100B` },
  ])('$current/$total', ({ current, total, want }) => {
    expect(progressBar(current, total)).toBe(want);
  });
});

describe('encodeMessage', () => {
  const line = (m: Parameters<typeof encodeMessage>[0]) => fromUtf8(encodeMessage(m));

  test('a status line: status before id, no progress detail, CRLF', () => {
    expect(line(statusMessage('Pulling from library/alpine', 'latest'))).toBe(
      '{"status":"Pulling from library/alpine","id":"latest"}\r\n',
    );
    expect(line(statusMessage('Digest: sha256:abc'))).toBe('{"status":"Digest: sha256:abc"}\r\n');
  });

  test('a layer state carries an empty progressDetail', () => {
    expect(line(progressMessage('6e771e15690e', 'Pulling fs layer'))).toBe(
      '{"status":"Pulling fs layer","progressDetail":{},"id":"6e771e15690e"}\r\n',
    );
  });

  test('progress: Go key order and HTML-safe escaping of the bar', () => {
    expect(line(progressMessage('6e771e15690e', 'Downloading', 1690, 3380))).toBe(
      '{"status":"Downloading","progressDetail":{"current":1690,"total":3380},' +
        `"progress":"[${'='.repeat(25)}\\u003e${' '.repeat(25)}]   1.69kB/3.38kB","id":"6e771e15690e"}\r\n`,
    );
  });

  test('an error carries errorDetail and error', () => {
    expect(line(errorMessage('unknown blob'))).toBe(
      '{"errorDetail":{"message":"unknown blob"},"error":"unknown blob"}\r\n',
    );
  });

  test('aux after progressDetail', () => {
    expect(line({ aux: { Size: 528, Tag: 'v1', Digest: 'sha256:x' }, progressDetail: {} })).toBe(
      '{"progressDetail":{},"aux":{"Tag":"v1","Digest":"sha256:x","Size":528}}\r\n',
    );
  });
});
