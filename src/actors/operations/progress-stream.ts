// Reading the progress stream as the docker CLI reads it (`jsonmessage.DisplayJSONMessagesStream`):
// a Go `json.Decoder` over the response body takes one JSON value after another, whatever the
// whitespace between them and however the bytes were cut into chunks — a message may arrive split
// across two chunks, or three messages in one. Each value decodes into a JSONMessage:
//
//   {"status":"Downloading","progressDetail":{"current":1690,"total":3380},"id":"8a49fdb3b6a5"}
//   {"stream":"Step 1/3 : FROM busybox\n"}                       (the classic builder)
//   {"aux":{"Tag":"v1","Digest":"sha256:…","Size":525}}          (push result, build image ID)
//   {"errorDetail":{"message":"…"},"error":"…"}                  (ends the command)
//
// Anything that is not a JSON object is the decoder's error, in Go's words.
import type { JsonMessage } from '../../engine/daemon/distribution/json-message';

/** The stream does not decode; the message is Go's encoding/json error text. */
export class ProgressStreamError extends Error {
  override name = 'ProgressStreamError';
}

/** A message as the CLI decodes it: JSONMessage plus the builder's `stream` text. */
export type ProgressMessage = JsonMessage & { stream?: string };

const space = new Set([' ', '\t', '\r', '\n']);

export class ProgressReader {
  readonly #decoder = new TextDecoder('utf-8');
  #text = '';
  /** How far `#text` has been scanned, and the scanner's state there. */
  #pos = 0;
  #start = -1;
  #depth = 0;
  #inString = false;
  #escaped = false;

  /** Feed a chunk of the body; returns every message it completes. */
  push(chunk: Uint8Array): ProgressMessage[] {
    this.#text += this.#decoder.decode(chunk, { stream: true });
    return this.#scan();
  }

  /** The body has ended: nothing may be left half-read. */
  end(): ProgressMessage[] {
    this.#text += this.#decoder.decode();
    const out = this.#scan();
    if (this.#start >= 0) throw new ProgressStreamError('unexpected EOF');
    return out;
  }

  #scan(): ProgressMessage[] {
    const out: ProgressMessage[] = [];
    const text = this.#text;
    for (; this.#pos < text.length; this.#pos++) {
      const c = text[this.#pos]!;
      if (this.#start < 0) {
        if (space.has(c)) continue;
        // `null` decodes into a struct as nothing at all.
        if (c === 'n') {
          const word = text.slice(this.#pos, this.#pos + 4);
          if (word === 'null') {
            this.#pos += 3;
            continue;
          }
          if ('null'.startsWith(word)) break; // the rest is in the next chunk
        }
        if (c !== '{') {
          throw new ProgressStreamError(
            c === '[' || c === '"' || /[-0-9tf]/.test(c)
              ? `json: cannot unmarshal ${kindOf(c)} into Go value of type jsonmessage.JSONMessage`
              : `invalid character '${c}' looking for beginning of value`,
          );
        }
        this.#start = this.#pos;
        this.#depth = 0;
      }
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (c === '\\') this.#escaped = true;
        else if (c === '"') this.#inString = false;
        continue;
      }
      if (c === '"') this.#inString = true;
      else if (c === '{' || c === '[') this.#depth++;
      else if (c === '}' || c === ']') {
        this.#depth--;
        if (this.#depth === 0) {
          out.push(parseMessage(text.slice(this.#start, this.#pos + 1)));
          this.#start = -1;
        }
      }
    }
    // Drop what has been consumed so the buffer never grows beyond one message.
    const keep = this.#start >= 0 ? this.#start : this.#pos;
    this.#text = text.slice(keep);
    this.#pos -= keep;
    if (this.#start >= 0) this.#start = 0;
    return out;
  }
}

function kindOf(c: string): string {
  if (c === '[') return 'array';
  if (c === '"') return 'string';
  if (c === 't' || c === 'f') return 'bool';
  return 'number';
}

function parseMessage(text: string): ProgressMessage {
  try {
    return JSON.parse(text) as ProgressMessage;
  } catch (err) {
    throw new ProgressStreamError(`invalid JSON in progress stream: ${(err as Error).message}`);
  }
}

/** Read a whole body (as chunks) into its messages. */
export function readProgress(chunks: Iterable<Uint8Array>): ProgressMessage[] {
  const reader = new ProgressReader();
  const out: ProgressMessage[] = [];
  for (const chunk of chunks) out.push(...reader.push(chunk));
  out.push(...reader.end());
  return out;
}
