// Deterministic pseudo-random bytes for the miniature official images.
//
// A real image's binaries are incompressible machine code; ours are stand-ins of the same nature:
// bytes from a seeded generator, so the catalogue is identical on every machine and in every browser
// (no Math.random, no crypto.getRandomValues), yet gzip cannot shrink them — compressed layer sizes
// stay in proportion to the real ones. The seed is a string (a path plus an architecture), hashed
// with 32-bit FNV-1a and expanded by SplitMix32 into the state of xoshiro128**.
import type { Bytes } from '../../bytes';

/** 32-bit FNV-1a hash of the UTF-16 code units of `text`. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function splitMix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) >>> 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** A xoshiro128** generator: `next()` returns the next unsigned 32-bit value. */
export function generatorFor(seed: string): { next(): number } {
  const mix = { s: seedOf(seed) };
  let a = splitMix32(mix);
  let b = splitMix32(mix);
  let c = splitMix32(mix);
  let d = splitMix32(mix);
  return {
    next(): number {
      const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
      const t = (b << 9) >>> 0;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      return result;
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** `length` deterministic pseudo-random bytes for `seed`. */
export function randomBytes(seed: string, length: number): Bytes {
  const out = new Uint8Array(length);
  const gen = generatorFor(seed);
  let i = 0;
  for (; i + 4 <= length; i += 4) {
    const v = gen.next();
    out[i] = v & 0xff;
    out[i + 1] = (v >>> 8) & 0xff;
    out[i + 2] = (v >>> 16) & 0xff;
    out[i + 3] = v >>> 24;
  }
  if (i < length) {
    let v = gen.next();
    for (; i < length; i++, v >>>= 8) out[i] = v & 0xff;
  }
  return out;
}
