// A streamed body as the inspector shows it, decoded the way its reader decodes it:
//   - progress JSON (pull, push, build, `/events`, `/stats`): one line per message, as the docker
//     CLI reads them — `8a49fdb3b6a5: Downloading [==>  ] 1.69kB/3.38kB`; a message that is not
//     progress (an event, a stats sample) is shown as its JSON;
//   - Docker's multiplexed frames (`docker logs`, `attach` without a TTY): one line per frame,
//     `stdout 19 bytes: Hello from Docker!\n`, split with the engine's own stdcopy;
//   - a TTY's raw bytes, or plain text: the text;
//   - anything else: its size and first bytes in hex.
// Each line carries when its chunk passed, in ms after the response arrived. Only what the trace
// kept can be shown: the view says how much was left out and how the stream stands.
import type { StreamRecord } from '../../actors/trace/types';
import { ProgressReader, type ProgressMessage } from '../../actors/operations/progress-stream';
import { concatBytes } from '../../engine/bytes';
import { MULTIPLEXED_STREAM, RAW_STREAM, StdcopyError, unframe } from '../../engine/daemon/containers/stdcopy';
import { formatBytes } from './format';

export interface StreamLine {
  /** Milliseconds after the response arrived that the chunk carrying this line passed. */
  at: number;
  text: string;
  /** Which of a container's streams a frame belongs to. */
  stream?: 'stdin' | 'stdout' | 'stderr';
}

export interface StreamBodyView {
  kind: 'chunks';
  format: 'progress' | 'frames' | 'text' | 'binary';
  lines: StreamLine[];
  /** Chunks and bytes the trace kept. */
  chunks: number;
  size: number;
  /** How the stream stands, in words: `still streaming`, `ended`… */
  state: string;
  /** What was left out, when the trace did not keep it all. */
  omitted?: string;
  /** For a binary stream: its first bytes in hex. */
  hexHead?: string;
}

const HEX_HEAD = 64;

const states: Record<StreamRecord['state'], string> = {
  streaming: 'still streaming',
  ended: 'ended by the sender',
  closed: 'closed by the client before its end',
  failed: 'broken off by an error',
};

const progressKeys = new Set(['status', 'id', 'progress', 'progressDetail', 'stream', 'error', 'errorDetail', 'aux']);

/** One progress message as a line: `id: status progress`, a build's text, an error. */
function progressLine(m: ProgressMessage): string {
  if (!Object.keys(m).every((k) => progressKeys.has(k))) return JSON.stringify(m);
  if (m.error !== undefined) return `error: ${m.error}`;
  if (m.stream !== undefined) return m.stream.replace(/\n$/, '');
  if (m.aux !== undefined) return `aux: ${JSON.stringify(m.aux)}`;
  const head = m.id ? `${m.id}: ` : '';
  return `${head}${m.status ?? ''}${m.progress ? ` ${m.progress}` : ''}`;
}

/** Control characters made visible (`\n`, `\x1b`), so one frame stays one line. */
export function visible(text: string, keepNewlines = false): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => {
    if (c === '\n') return keepNewlines ? '\n' : '\\n';
    if (c === '\t') return keepNewlines ? '\t' : '\\t';
    if (c === '\r') return '\\r';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

type Decoded = Pick<StreamBodyView, 'format' | 'lines'> & { hexHead?: string };

function decodeProgress(record: StreamRecord, since: number): Decoded | undefined {
  const reader = new ProgressReader();
  const lines: StreamLine[] = [];
  try {
    for (const chunk of record.chunks)
      for (const m of reader.push(chunk.bytes)) lines.push({ at: chunk.time - since, text: progressLine(m) });
    if (record.state === 'ended' && record.droppedBytes === 0) reader.end();
  } catch {
    return undefined;
  }
  return { format: 'progress', lines };
}

function decodeFrames(record: StreamRecord, since: number): Decoded | undefined {
  const lines: StreamLine[] = [];
  let pending: Uint8Array = new Uint8Array(0);
  for (const chunk of record.chunks) {
    const bytes = pending.length ? concatBytes([pending, chunk.bytes]) : chunk.bytes;
    try {
      for (const f of unframe(bytes)) {
        const n = f.payload.length;
        const text = visible(new TextDecoder().decode(f.payload));
        lines.push({
          at: chunk.time - since,
          stream: f.stream,
          text: `${f.stream} ${n} byte${n === 1 ? '' : 's'}: ${text}`,
        });
      }
      pending = new Uint8Array(0);
    } catch (err) {
      // A frame split across chunks waits for the rest; a byte that is no stream means no framing.
      if (!(err instanceof StdcopyError) || !err.message.startsWith('truncated')) return undefined;
      pending = bytes;
    }
  }
  const last = record.chunks.at(-1);
  if (pending.length && last)
    lines.push({
      at: last.time - since,
      text: `(${pending.length} bytes of a frame whose end was not kept or not sent yet)`,
    });
  return { format: 'frames', lines };
}

function decodeText(record: StreamRecord, since: number, strict: boolean): Decoded | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: strict });
  const lines: StreamLine[] = [];
  try {
    for (const chunk of record.chunks) {
      const text = decoder.decode(chunk.bytes, { stream: true }).replace(/\r\n/g, '\n');
      // eslint-disable-next-line no-control-regex
      if (strict && /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(text)) return undefined;
      lines.push({ at: chunk.time - since, text: visible(text, true) });
    }
  } catch {
    return undefined;
  }
  return { format: 'text', lines };
}

function decodeBinary(record: StreamRecord): Decoded {
  const head = concatBytes(record.chunks.map((c) => c.bytes)).subarray(0, HEX_HEAD);
  return { format: 'binary', lines: [], hexHead: [...head].map((b) => b.toString(16).padStart(2, '0')).join(' ') };
}

function omitted(record: StreamRecord): string | undefined {
  if (record.droppedBytes === 0) return undefined;
  const chunks = record.droppedChunks ? `, ${record.droppedChunks} chunk${record.droppedChunks === 1 ? '' : 's'}` : '';
  const why = record.compacted
    ? 'only the last commands keep whole messages'
    : 'the trace keeps only the first part of a stream';
  return `${formatBytes(record.droppedBytes)} more${chunks} not kept: ${why}`;
}

/** Decode the chunks the trace kept of a streamed body; `since` is when the response arrived. */
export function streamView(record: StreamRecord, contentType: string, since: number): StreamBodyView {
  const type = contentType.toLowerCase();
  const decoded =
    (type.includes(MULTIPLEXED_STREAM) ? decodeFrames(record, since) : undefined) ??
    (type.includes(RAW_STREAM) ? decodeText(record, since, false) : undefined) ??
    (/json/.test(type) ? decodeProgress(record, since) : undefined) ??
    decodeText(record, since, !type.startsWith('text/')) ??
    decodeBinary(record);
  const view: StreamBodyView = {
    kind: 'chunks',
    ...decoded,
    chunks: record.chunks.length,
    size: record.keptBytes,
    state: states[record.state],
  };
  const left = omitted(record);
  if (left) view.omitted = left;
  return view;
}
