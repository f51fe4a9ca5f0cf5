import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from '../bytes';
import { BrokenPipeError, createPipe, inputOf, pushbackInput, readAll, readLine } from './streams';

describe('pipes', () => {
  it('delivers writes in order and ends when the writer closes', async () => {
    const { reader, writer } = createPipe();
    writer.write('a');
    writer.write(utf8('b'));
    writer.close();
    expect(fromUtf8(await readAll(reader))).toBe('ab');
  });

  it('wakes a waiting reader', async () => {
    const { reader, writer } = createPipe();
    const got = reader.read();
    writer.write('late');
    expect(fromUtf8((await got) as Uint8Array)).toBe('late');
  });

  it('fails a write once nobody reads (EPIPE)', () => {
    const { reader, writer } = createPipe();
    reader.close();
    expect(() => writer.write('x')).toThrow(BrokenPipeError);
  });
});

describe('readLine', () => {
  it('takes one line and leaves the rest for the next reader', async () => {
    const input = pushbackInput(inputOf('one\ntwo\nthree'));
    expect(await readLine(input)).toEqual({ line: 'one', complete: true });
    expect(await readLine(input)).toEqual({ line: 'two', complete: true });
    expect(fromUtf8(await readAll(input))).toBe('three');
    expect(await readLine(input)).toBeUndefined();
  });

  it('says when the last line had no newline', async () => {
    expect(await readLine(pushbackInput(inputOf('partial')))).toEqual({ line: 'partial', complete: false });
  });
});
