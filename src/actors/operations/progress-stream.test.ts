import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProgressReader, ProgressStreamError, readProgress } from './progress-stream';

const golden = readFileSync(
  join(import.meta.dirname, '../../engine/daemon/distribution/testdata/pull-nginx-alpine-after-alpine.golden'),
  'utf8',
);
/** The daemon ends each message with CRLF. */
const body = new TextEncoder().encode(golden.trimEnd().split('\n').join('\r\n') + '\r\n');
const expected = golden
  .trimEnd()
  .split('\n')
  .map((l) => JSON.parse(l) as unknown);

function cut(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const points = [...new Set(at.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    out.push(bytes.slice(from, p));
    from = p;
  }
  out.push(bytes.slice(from));
  return out;
}

describe('reading the progress stream as the docker CLI does', () => {
  it('decodes a whole pull', () => {
    expect(readProgress([body])).toEqual(expected);
  });

  it('gives the same messages however the body is cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (at) => {
        expect(readProgress(cut(body, at))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a multi-byte character split across chunks whole', () => {
    const bytes = new TextEncoder().encode('{"stream":"héllo → wörld\\n"}');
    const arrow = bytes.indexOf(0xe2);
    expect(readProgress([bytes.slice(0, arrow + 1), bytes.slice(arrow + 1)])).toEqual([{ stream: 'héllo → wörld\n' }]);
  });

  it('handles braces and escaped quotes inside strings', () => {
    const text = '{"stream":"a } { \\" b"}\n{"status":"x"}';
    expect(readProgress([new TextEncoder().encode(text)])).toEqual([{ stream: 'a } { " b' }, { status: 'x' }]);
  });

  it('returns messages as soon as each one is complete', () => {
    const reader = new ProgressReader();
    expect(reader.push(new TextEncoder().encode('{"status":"a"}{"sta'))).toEqual([{ status: 'a' }]);
    expect(reader.push(new TextEncoder().encode('tus":"b"}'))).toEqual([{ status: 'b' }]);
    expect(reader.end()).toEqual([]);
  });

  it.each([
    ['a truncated message', '{"status":"Downloading"', 'unexpected EOF'],
    ['text that is not JSON', 'Downloading…', "invalid character 'D' looking for beginning of value"],
    ['a string value', '"hello"', 'json: cannot unmarshal string into Go value of type jsonmessage.JSONMessage'],
    ['an array value', '[1]', 'json: cannot unmarshal array into Go value of type jsonmessage.JSONMessage'],
    ['a number value', '42', 'json: cannot unmarshal number into Go value of type jsonmessage.JSONMessage'],
  ])('fails on %s with Go’s words', (_name, text, message) => {
    expect(() => readProgress([new TextEncoder().encode(text)])).toThrow(new ProgressStreamError(message));
  });

  it('skips null values, as decoding null into a struct does nothing', () => {
    expect(readProgress([new TextEncoder().encode('null {"status":"a"} nu'), new TextEncoder().encode('ll')])).toEqual([
      { status: 'a' },
    ]);
  });
});
