// Bytes as the engine passes them around: plain Uint8Arrays over ordinary ArrayBuffers (WebCrypto
// and IndexedDB both want those), with the few conversions every module needs.

export type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 encode a string. */
export function utf8(text: string): Bytes {
  return encoder.encode(text) as Bytes;
}

/** UTF-8 decode bytes; invalid UTF-8 throws rather than silently becoming U+FFFD. */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** A view over an ordinary ArrayBuffer: copies only when the input sits on a shared buffer. */
export function asBytes(bytes: Uint8Array): Bytes {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Bytes) : (new Uint8Array(bytes) as Bytes);
}

export function concatBytes(parts: readonly Uint8Array[]): Bytes {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
