import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from '../../../bytes';
import { decodeAll, encode, encodeCommand, resp, type RespValue } from './resp';

describe('RESP', () => {
  it.each<[RespValue, string]>([
    [resp.ok(), '+OK\r\n'],
    [resp.error('ERR syntax error'), '-ERR syntax error\r\n'],
    [resp.integer(42), ':42\r\n'],
    [resp.bulk('héllo'), '$6\r\nhéllo\r\n'],
    [resp.nil(), '$-1\r\n'],
    [resp.array(null), '*-1\r\n'],
    [resp.array([]), '*0\r\n'],
    [resp.bulks(['GET', 'k']), '*2\r\n$3\r\nGET\r\n$1\r\nk\r\n'],
  ])('%j is %j on the wire', (value, wire) => {
    expect(fromUtf8(encode(value))).toBe(wire);
    expect(decodeAll(utf8(wire))).toEqual([value]);
  });

  it('accepts inline commands, as typed over telnet', () => {
    expect(decodeAll(utf8('PING\r\nSET a  b\r\n'))).toEqual([resp.bulks(['PING']), resp.bulks(['SET', 'a', 'b'])]);
  });

  it('rejects a bulk string longer than the bytes that follow', () => {
    expect(() => decodeAll(utf8('$10\r\nabc\r\n'))).toThrow('invalid bulk length');
  });

  it('any command survives encoding and decoding (binary-safe strings, CRLF inside)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), (args) => {
        expect(decodeAll(encodeCommand(args))).toEqual([resp.bulks(args)]);
      }),
    );
  });
});
