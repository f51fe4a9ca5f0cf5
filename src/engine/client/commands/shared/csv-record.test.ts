import { describe, expect, test } from 'vitest';
import { readCsvRecord } from './csv-record';
import { naturalCompare } from './natural-order';

// Expected errors are what docker 28.2.2 printed for `--mount <text>`.
describe('one CSV record, as encoding/csv reads it', () => {
  test.each([
    ['type=bind,src=/a,dst=/b', ['type=bind', 'src=/a', 'dst=/b']],
    ['"dst=/d",ro', ['dst=/d', 'ro']],
    ['dst=/d,"ro"', ['dst=/d', 'ro']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi"""', ['say "hi"']],
    ['dst=/d,', ['dst=/d', '']],
    [',', ['', '']],
    ['dst=/d\nro', ['dst=/d']],
    ['"dst=/d\nx"', ['dst=/d\nx']],
  ])('%j', (text, fields) => {
    expect(readCsvRecord(text)).toEqual(fields);
  });

  test.each([
    ['', 'EOF'],
    ['dst="/d,x"', 'parse error on line 1, column 5: bare " in non-quoted-field'],
    ['a"b', 'parse error on line 1, column 2: bare " in non-quoted-field'],
    ['"dst=/d"x', 'parse error on line 1, column 8: extraneous or missing " in quoted-field'],
    ['"ab', 'parse error on line 1, column 4: extraneous or missing " in quoted-field'],
  ])('%j fails', (text, message) => {
    expect(() => readCsvRecord(text)).toThrow(message);
  });
});

describe('natural order', () => {
  test('numbers inside names sort by value', () => {
    const names = ['net10', 'bridge', 'net9', 'host', 'net09', '9000/tcp -> x', '53/udp -> x', 'a'];
    expect([...names].sort(naturalCompare)).toEqual([
      '53/udp -> x',
      '9000/tcp -> x',
      'a',
      'bridge',
      'host',
      'net9',
      'net09',
      'net10',
    ]);
  });
});
