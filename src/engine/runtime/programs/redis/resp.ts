// RESP, the REdis Serialization Protocol (version 2): what redis-cli and redis-server say to each
// other over TCP. Every value starts with a type byte and ends with CRLF:
//
//   +OK\r\n                simple string        :42\r\n           integer
//   -ERR message\r\n       error                $3\r\nfoo\r\n   bulk string ($-1 is nil)
//   *2\r\n$3\r\nGET\r\n$1\r\nk\r\n   array (a command is an array of bulk strings; *-1 is a nil array)
//
// In the simulation one exchange over `net.request` carries the RESP bytes of one or more commands
// (method `RESP`) and the response carries the replies, in order.
import { concatBytes, fromUtf8, utf8, type Bytes } from '../../../bytes';

export type RespValue =
  | { type: 'simple'; value: string }
  | { type: 'error'; value: string }
  | { type: 'integer'; value: number }
  | { type: 'bulk'; value: string | null }
  | { type: 'array'; value: RespValue[] | null };

export const resp = {
  ok: (): RespValue => ({ type: 'simple', value: 'OK' }),
  simple: (value: string): RespValue => ({ type: 'simple', value }),
  error: (value: string): RespValue => ({ type: 'error', value }),
  integer: (value: number): RespValue => ({ type: 'integer', value }),
  bulk: (value: string | null): RespValue => ({ type: 'bulk', value }),
  nil: (): RespValue => ({ type: 'bulk', value: null }),
  array: (value: RespValue[] | null): RespValue => ({ type: 'array', value }),
  bulks: (values: readonly string[]): RespValue => ({
    type: 'array',
    value: values.map((v) => ({ type: 'bulk', value: v })),
  }),
};

/** Thrown for bytes that are not RESP: redis-server answers `-ERR Protocol error: …`. */
export class RespProtocolError extends Error {
  override name = 'RespProtocolError';
}

export function encode(v: RespValue): Bytes {
  switch (v.type) {
    case 'simple':
      return utf8(`+${v.value}\r\n`);
    case 'error':
      return utf8(`-${v.value}\r\n`);
    case 'integer':
      return utf8(`:${v.value}\r\n`);
    case 'bulk': {
      if (v.value === null) return utf8('$-1\r\n');
      const data = utf8(v.value);
      return concatBytes([utf8(`$${data.length}\r\n`), data, utf8('\r\n')]);
    }
    case 'array':
      if (v.value === null) return utf8('*-1\r\n');
      return concatBytes([utf8(`*${v.value.length}\r\n`), ...v.value.map(encode)]);
  }
}

/** A command as clients send it: an array of bulk strings. */
export function encodeCommand(args: readonly string[]): Bytes {
  return encode(resp.bulks(args));
}

/** Decode every value in `bytes`, in order. */
export function decodeAll(bytes: Bytes): RespValue[] {
  const out: RespValue[] = [];
  let pos = 0;
  const line = (): string => {
    const end = bytes.indexOf(0x0d, pos);
    if (end < 0 || bytes[end + 1] !== 0x0a) throw new RespProtocolError('unbalanced quotes in request');
    const text = fromUtf8(bytes.subarray(pos, end));
    pos = end + 2;
    return text;
  };
  const value = (): RespValue => {
    const head = line();
    const kind = head[0];
    const rest = head.slice(1);
    switch (kind) {
      case '+':
        return { type: 'simple', value: rest };
      case '-':
        return { type: 'error', value: rest };
      case ':':
        return { type: 'integer', value: Number(rest) };
      case '$': {
        const n = Number(rest);
        if (!Number.isInteger(n) || n < -1) throw new RespProtocolError('invalid bulk length');
        if (n === -1) return { type: 'bulk', value: null };
        if (pos + n + 2 > bytes.length) throw new RespProtocolError('invalid bulk length');
        const data = fromUtf8(bytes.subarray(pos, pos + n));
        pos += n + 2;
        return { type: 'bulk', value: data };
      }
      case '*': {
        const n = Number(rest);
        if (!Number.isInteger(n) || n < -1) throw new RespProtocolError('invalid multibulk length');
        if (n === -1) return { type: 'array', value: null };
        const items: RespValue[] = [];
        for (let i = 0; i < n; i++) items.push(value());
        return { type: 'array', value: items };
      }
      default:
        // Redis also accepts "inline" commands (`PING\r\n`), as telnet users type them.
        return resp.bulks(head.split(/\s+/).filter((w) => w !== ''));
    }
  };
  while (pos < bytes.length) out.push(value());
  return out;
}
