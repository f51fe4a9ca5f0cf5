// Base64 and base64url without Node's Buffer, for Basic credentials and token segments.
import { fromUtf8, utf8, type Bytes } from '../../bytes';

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Bytes {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Bytes {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
}

/** `Authorization: Basic …` → username and password, or undefined when absent or malformed. */
export function parseBasic(header: string | undefined): { username: string; password: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return undefined;
  try {
    const text = fromUtf8(fromBase64(m[1]!));
    const i = text.indexOf(':');
    return i < 0 ? undefined : { username: text.slice(0, i), password: text.slice(i + 1) };
  } catch {
    return undefined;
  }
}

export function basicHeader(username: string, password: string): string {
  return `Basic ${toBase64(utf8(`${username}:${password}`))}`;
}
