// Docker's 8-byte stream framing, byte for byte, and its round trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../bytes';
import { StdcopyError, frame, unframe, type StdStream } from './stdcopy';

describe('stdcopy frames', () => {
  it('a stdout frame: [1,0,0,0, size big-endian] then the payload', () => {
    expect([...frame('stdout', utf8('hi\n'))]).toEqual([1, 0, 0, 0, 0, 0, 0, 3, 0x68, 0x69, 0x0a]);
    expect([...frame('stderr', utf8(''))]).toEqual([2, 0, 0, 0, 0, 0, 0, 0]);
    const big = frame('stdin', new Uint8Array(0x010203) as never);
    expect([...big.slice(0, 8)]).toEqual([0, 0, 0, 0, 0, 1, 2, 3]);
  });

  it('round trip: any sequence of frames comes back as it went', () => {
    const streams: StdStream[] = ['stdin', 'stdout', 'stderr'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...streams), fc.uint8Array({ maxLength: 300 }))), (frames) => {
        const bytes = frames.map(([s, p]) => frame(s, p as never));
        const joined = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
        let at = 0;
        for (const b of bytes) {
          joined.set(b, at);
          at += b.length;
        }
        const back = unframe(joined);
        expect(back.map((f) => [f.stream, [...f.payload]])).toEqual(frames.map(([s, p]) => [s, [...p]]));
      }),
    );
  });

  it('damaged input is refused', () => {
    expect(() => unframe(Uint8Array.of(1, 0, 0))).toThrow(StdcopyError);
    expect(() => unframe(Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 5, 1))).toThrow('truncated frame payload');
    expect(() => unframe(Uint8Array.of(7, 0, 0, 0, 0, 0, 0, 0))).toThrow('Unrecognized input header: 7');
  });
});
