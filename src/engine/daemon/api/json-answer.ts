// The bytes of a JSON answer, as moby's httputils.WriteJSON sends them: the value on one line, then
// a newline. The text is exactly `JSON.stringify(value) + '\n'` in UTF-8; only the way there
// differs for a list. `docker ps` on a host with a thousand containers is a JSON array of close to
// a megabyte: stringified whole, then joined with the newline, then encoded, it would pass through
// two megabyte-long strings before the bytes exist. Each item is stringified on its own instead
// (small strings are cheap for the JS engine) and written straight into the one answer buffer.
// UTF-8 of a concatenation is the concatenation of the UTF-8 of its parts whenever no part ends
// in half a surrogate pair — and JSON.stringify never leaves one (it escapes lone surrogates).
import { utf8, type Bytes } from '../../bytes';

const encoder = new TextEncoder();
const OPEN = 0x5b; // [
const COMMA = 0x2c; // ,
const CLOSE = 0x5d; // ]
const NEWLINE = 0x0a;
const BEYOND_ASCII = /[\u0080-\uffff]/;

/** An array item as JSON.stringify writes it inside an array (`undefined`, functions → `null`). */
function itemText(item: unknown): string {
  return JSON.stringify(item) ?? 'null';
}

/** A value with its own toJSON (a Date…): inside an array it is called with the index as key. */
function hasToJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

function wholeText(value: unknown): Bytes {
  return utf8(JSON.stringify(value) + '\n');
}

/** `JSON.stringify(value) + '\n'` as UTF-8, without building the whole text when value is an array. */
export function jsonAnswerBytes(value: unknown): Bytes {
  if (!Array.isArray(value) || hasToJson(value)) return wholeText(value);
  const texts = new Array<string>(value.length);
  // Non-ASCII items are encoded up front (their byte length is not their string length).
  const encoded = new Array<Bytes | undefined>(value.length);
  let total = value.length === 0 ? 3 : value.length + 2; // brackets, commas between, newline
  for (let i = 0; i < value.length; i++) {
    if (hasToJson(value[i])) return wholeText(value);
    const text = itemText(value[i]);
    texts[i] = text;
    if (!BEYOND_ASCII.test(text)) {
      total += text.length;
    } else {
      const bytes = utf8(text);
      encoded[i] = bytes;
      total += bytes.length;
    }
  }
  const out = new Uint8Array(total);
  let at = 0;
  out[at++] = OPEN;
  for (let i = 0; i < texts.length; i++) {
    if (i > 0) out[at++] = COMMA;
    const bytes = encoded[i];
    if (bytes !== undefined) {
      out.set(bytes, at);
      at += bytes.length;
    } else {
      at += encoder.encodeInto(texts[i]!, out.subarray(at)).written;
    }
  }
  out[at++] = CLOSE;
  out[at] = NEWLINE;
  return out;
}
