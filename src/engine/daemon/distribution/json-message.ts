// The progress stream of pull and push: one JSON message per line, each line ending in `\r\n`
// (moby `daemon/internal/streamformatter`, `jsonmessage.JSONMessage`). The docker CLI renders them:
// `id: status`, a progress bar redrawn in place on a terminal, and an error that ends the command.
//
//   {"status":"Pulling from library/alpine","id":"latest"}                        a status message
//   {"status":"Pulling fs layer","progressDetail":{},"id":"8a49fdb3b6a5"}        a layer's state
//   {"status":"Downloading","progressDetail":{"current":1690,"total":3380},
//    "progress":"[=========================\u003e                         ]  1.69kB/3.38kB","id":"8a49fdb3b6a5"}
//   {"errorDetail":{"message":"…"},"error":"…"}                                  a failure
//
// Keys come in the Go struct's order and `<`, `>`, `&` are escaped (`\u003e`), as encoding/json
// writes them; the `progress` text is what the daemon renders for a 200-column terminal.
import { utf8, type Bytes } from '../../bytes';
import { goJsonText } from '../../image/json';
import { humanSize } from '../../image/size';

export interface ProgressDetail {
  current?: number;
  total?: number;
}

export interface JsonMessage {
  status?: string;
  progressDetail?: ProgressDetail;
  progress?: string;
  id?: string;
  errorDetail?: { code?: number; message: string };
  error?: string;
  aux?: Record<string, unknown>;
}

const messageOrder = ['stream', 'status', 'progressDetail', 'progress', 'id', 'from', 'time', 'timeNano'];
const order = (path: readonly string[]): readonly string[] | undefined => {
  if (path.length === 0) return [...messageOrder, 'errorDetail', 'error', 'aux'];
  if (path.length === 1 && path[0] === 'progressDetail') return ['current', 'total', 'start', 'hidecounts', 'units'];
  if (path.length === 1 && path[0] === 'errorDetail') return ['code', 'message'];
  if (path.length === 1 && path[0] === 'aux') return ['Tag', 'Digest', 'Size', 'ID'];
  return undefined;
};

/** One line of the stream: Go's JSON, then `\r\n`. */
export function encodeMessage(message: JsonMessage): Bytes {
  return utf8(goJsonText(message, order) + '\r\n');
}

/** A status line (streamformatter FormatStatus): `{"status":…,"id":…}`, no progress detail. */
export function statusMessage(status: string, id?: string): JsonMessage {
  return id ? { status, id } : { status };
}

/**
 * A progress update (formatProgress): the action, its numbers and the rendered bar. With no
 * numbers, `progressDetail` is `{}` and there is no bar.
 */
export function progressMessage(id: string, action: string, current = 0, total = 0): JsonMessage {
  const detail: ProgressDetail = {};
  if (current > 0) detail.current = current;
  if (total > 0) detail.total = total;
  const bar = progressBar(current, total);
  return bar
    ? { status: action, progressDetail: detail, progress: bar, id }
    : { status: action, progressDetail: detail, id };
}

/** The error line that ends a stream (FormatError). */
export function errorMessage(message: string): JsonMessage {
  return { errorDetail: { message }, error: message };
}

/**
 * jsonmessage.JSONProgress.String for a 200-column terminal and no start time: a 50-column bar,
 * then `current/total` in go-units HumanSize (`%8v/%v`), just `current` once it passes `total`.
 */
export function progressBar(current: number, total: number): string {
  if (current <= 0 && total <= 0) return '';
  if (total <= 0) return humanSize(current, 4).padStart(8);
  const percentage = Math.min(50, Math.trunc(Math.trunc((current / total) * 100) / 2));
  const bar = `[${'='.repeat(percentage)}>${' '.repeat(Math.max(0, 50 - percentage))}] `;
  const numbers =
    current > total ? humanSize(current, 4).padStart(8) : `${humanSize(current, 4).padStart(8)}/${humanSize(total, 4)}`;
  return bar + numbers;
}
