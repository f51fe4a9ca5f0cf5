// How the docker CLI shows a pull, push or build while it happens (moby `pkg/jsonmessage`). The
// daemon streams JSON messages; each is `id: status`. On a terminal, every layer keeps its own
// line, redrawn in place — the cursor goes up to it (`ESC[nA`), erases it (`ESC[2K`), writes the
// new state with a progress bar when the terminal is wider than 110 columns, and comes back down
// (`ESC[nB`):
//
//   c7b7f7d2a3b1: Downloading [=========>                                         ]  1.2MB/3.6MB
//
// Into a pipe or a file there is no redrawing: progress updates are dropped and only the status
// changes print, one line each. A message with `errorDetail` ends the stream with that error;
// `aux` messages (a pushed digest, a built image's ID) go to the caller instead of the screen.
import type { Bytes } from '../../bytes';
import { humanSize } from '../../image/size';
import type { OutputStream } from '../cli/streams';
import { formatGoDuration } from '../cli/go-strconv';

export interface JsonProgress {
  current?: number;
  total?: number;
  start?: number;
  hidecounts?: boolean;
  units?: string;
}

export interface JsonMessage {
  stream?: string;
  status?: string;
  progressDetail?: JsonProgress;
  progress?: string;
  id?: string;
  from?: string;
  time?: number;
  timeNano?: number | string;
  errorDetail?: { code?: number; message?: string };
  error?: string;
  aux?: unknown;
}

/** The stream said it failed (`errorDetail`). */
export class JsonMessageError extends Error {
  override name = 'JsonMessageError';
  constructor(
    message: string,
    readonly code?: number,
  ) {
    super(message);
  }
}

/** JSONProgress.String: the bar (when wider than 110 columns), the counts, the time left. */
export function progressText(p: JsonProgress, width: number, nowMs: number): string {
  const current = p.current ?? 0;
  const total = p.total ?? 0;
  if (current <= 0 && total <= 0) return '';
  if (total <= 0) return p.units ? `${current} ${p.units}` : humanSize(current, 4).padStart(8);
  const percentage = Math.min(50, Math.trunc(Math.trunc((current / total) * 100) / 2));
  const bar = width > 110 ? `[${'='.repeat(percentage)}>${' '.repeat(Math.max(0, 50 - percentage))}] ` : '';
  let numbers = '';
  if (!p.hidecounts) {
    if (!p.units) {
      numbers =
        current > total
          ? humanSize(current, 4).padStart(8)
          : `${humanSize(current, 4).padStart(8)}/${humanSize(total, 4)}`;
    } else numbers = current > total ? `${current} ${p.units}` : `${current}/${total} ${p.units}`;
  }
  let left = '';
  if (current > 0 && (p.start ?? 0) > 0 && percentage < 50) {
    const elapsedNs = (nowMs - (p.start ?? 0) * 1000) * 1e6;
    const perEntry = Math.trunc(elapsedNs / current);
    const remaining = Math.trunc(((total - current) * perEntry) / 1e9) * 1e9;
    if (width > 50) left = ' ' + formatGoDuration(remaining);
  }
  return bar + numbers + left;
}

const RFC3339_NANO_FIXED = (ns: bigint) => {
  const ms = Number(ns / 1_000_000n);
  const iso = new Date(ms).toISOString().slice(0, 19);
  return `${iso}.${String(ns % 1_000_000_000n).padStart(9, '0')}Z`;
};

/** Split a stream of bytes into JSON messages (one per line; blank lines skipped). */
export async function* decodeMessages(body: AsyncIterable<Bytes>): AsyncGenerator<JsonMessage> {
  let pending = '';
  const decoder = new TextDecoder();
  const parse = (line: string): JsonMessage => {
    try {
      // Nanosecond times do not fit a double: keep their digits as text.
      return JSON.parse(line.replace(/"timeNano":(\d{16,})/g, '"timeNano":"$1"')) as JsonMessage;
    } catch {
      throw new Error(`invalid character '${line.trim()[0] ?? ''}' looking for beginning of value`);
    }
  };
  for await (const chunk of body) {
    pending += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (line.trim() !== '') yield parse(line);
    }
  }
  pending += decoder.decode();
  if (pending.trim() !== '') yield parse(pending);
}

export interface DisplayOptions {
  /** Called with each `aux` message, which is not shown. */
  onAux?: (aux: unknown) => void;
  now?: () => number;
}

/** Show one message (JSONMessage.Display); throws JsonMessageError for an error message. */
function display(m: JsonMessage, out: OutputStream, width: number, now: number): void {
  if (m.errorDetail) throw new JsonMessageError(m.errorDetail.message ?? '', m.errorDetail.code);
  const terminal = out.isTerminal;
  let endl = '';
  if (terminal && !m.stream && m.progressDetail) {
    out.write('\x1b[2K');
    endl = '\r';
    out.write(endl);
  } else if (m.progressDetail && progressText(m.progressDetail, width, now) !== '') {
    return; // no progress bars off a terminal
  }
  let line = '';
  if (m.timeNano) line += RFC3339_NANO_FIXED(BigInt(m.timeNano)) + ' ';
  else if (m.time) line += RFC3339_NANO_FIXED(BigInt(m.time) * 1_000_000_000n) + ' ';
  if (m.id) line += `${m.id}: `;
  if (m.from) line += `(from ${m.from}) `;
  const status = m.status ?? '';
  if (m.progressDetail && terminal) line += `${status} ${progressText(m.progressDetail, width, now)}${endl}`;
  else if (m.progress) line += `${status} ${m.progress}${endl}`;
  else if (m.stream) line += `${m.stream}${endl}`;
  else line += `${status}${endl}\n`;
  out.write(line);
}

/**
 * DisplayJSONMessagesStream: render every message of `body` on `out`. Resolves when the stream
 * ends; rejects with JsonMessageError when a message carries an error.
 */
export async function displayJsonMessages(
  body: AsyncIterable<Bytes> | Bytes,
  out: OutputStream,
  options: DisplayOptions = {},
): Promise<void> {
  const ids = new Map<string, number>();
  const terminal = out.isTerminal;
  const width = terminal && out.columns ? out.columns : 200;
  const now = options.now ?? (() => Date.now());
  const source =
    body instanceof Uint8Array
      ? (async function* () {
          yield body;
        })()
      : body;
  for await (const m of decodeMessages(source)) {
    if (m.aux !== undefined && m.aux !== null) {
      options.onAux?.(m.aux);
      continue;
    }
    let diff = 0;
    if (m.id && (m.progressDetail || m.progress)) {
      let line = ids.get(m.id);
      if (line === undefined) {
        line = ids.size;
        ids.set(m.id, line);
        if (terminal) out.write('\n');
      }
      diff = ids.size - line;
      if (terminal && diff > 0) out.write(`\x1b[${diff}A`);
    } else ids.clear();
    try {
      display(m, out, width, now());
    } finally {
      if (m.id && terminal && diff > 0) out.write(`\x1b[${diff}B`);
    }
  }
}
