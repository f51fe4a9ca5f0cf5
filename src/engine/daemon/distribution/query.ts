// Query strings as Go's net/url writes them, so the requests our daemon sends read byte for byte
// like dockerd's: `url.Values.Encode` sorts by key and escapes everything but letters, digits and
// `-_.~`, with a space as `+` (`scope=repository%3Alibrary%2Falpine%3Apull&service=registry.docker.io`).
import { utf8 } from '../../bytes';

const unreserved = /[A-Za-z0-9\-_.~]/;

/** Go's url.QueryEscape. */
export function queryEscape(text: string): string {
  let out = '';
  for (const ch of text) {
    if (unreserved.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else for (const byte of utf8(ch)) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Go's url.Values.Encode: keys sorted (stably, so repeated keys keep their order), values escaped. */
export function encodeQuery(pairs: readonly (readonly [string, string])[]): string {
  return [...pairs]
    .map((pair, index) => ({ pair, index }))
    .sort((a, b) => (a.pair[0] < b.pair[0] ? -1 : a.pair[0] > b.pair[0] ? 1 : a.index - b.index))
    .map(({ pair: [k, v] }) => `${queryEscape(k)}=${queryEscape(v)}`)
    .join('&');
}

/** Add `pairs` to a path that may already carry a query, re-encoding the whole query as Go does. */
export function withQuery(path: string, pairs: readonly (readonly [string, string])[]): string {
  const q = path.indexOf('?');
  const base = q < 0 ? path : path.slice(0, q);
  const existing: [string, string][] = q < 0 ? [] : [...new URLSearchParams(path.slice(q + 1))];
  const added = new Set(pairs.map(([k]) => k));
  const all = [...existing.filter(([k]) => !added.has(k)), ...pairs];
  return all.length === 0 ? base : `${base}?${encodeQuery(all)}`;
}
