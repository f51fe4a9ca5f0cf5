// A container's log, as the default `json-file` logging driver keeps it: everything the main
// process writes to stdout and stderr, cut into lines, each stamped with the time it arrived and
// the stream it came from. `docker logs` reads it back (`--since`, `--until`, `--tail`,
// `--timestamps`, `--follow`); it survives restarts and goes with the container.
//
// Like moby's log copier, a line is complete at its `\n`; a tail without one waits for more, and is
// written as it is when the process ends. The buffer is bounded — a runaway `yes` cannot eat the
// page's memory — by dropping the oldest lines first, as `--log-opt max-size` rotation would.
import { concatBytes, type Bytes } from '../../bytes';

export type LogStream = 'stdout' | 'stderr';

export interface LogEntry {
  stream: LogStream;
  /** Milliseconds since the epoch when the line arrived. */
  at: number;
  /** The line, with its `\n` when it had one. */
  line: Bytes;
}

export interface LogLimits {
  /** Most lines kept (default 10 000). */
  maxLines: number;
  /** Most bytes kept (default 4 MiB). */
  maxBytes: number;
}

const DEFAULT_LIMITS: LogLimits = { maxLines: 10_000, maxBytes: 4 * 1024 * 1024 };
const NEWLINE = 0x0a;

export class LogBuffer {
  private readonly lines: LogEntry[] = [];
  private bytes = 0;
  private readonly partial: Record<LogStream, Bytes[]> = { stdout: [], stderr: [] };
  private readonly listeners = new Set<(entry: LogEntry) => void>();
  private readonly limits: LogLimits;

  constructor(
    private readonly now: () => number,
    limits: Partial<LogLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Take what a process wrote on one stream. */
  write(stream: LogStream, data: Bytes): void {
    let start = 0;
    for (let i = 0; i < data.length; i++) {
      if (data[i] !== NEWLINE) continue;
      this.partial[stream].push(data.slice(start, i + 1) as Bytes);
      this.emit(stream);
      start = i + 1;
    }
    if (start < data.length) this.partial[stream].push(data.slice(start) as Bytes);
  }

  /** The process ended: what is left without a newline becomes a line of its own. */
  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) if (this.partial[stream].length > 0) this.emit(stream);
  }

  /** Every kept line, oldest first. */
  entries(): readonly LogEntry[] {
    return this.lines;
  }

  /** Be told of each new line; returns the way to stop. */
  subscribe(listener: (entry: LogEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(stream: LogStream): void {
    const line = concatBytes(this.partial[stream]);
    this.partial[stream] = [];
    const entry: LogEntry = { stream, at: this.now(), line };
    this.lines.push(entry);
    this.bytes += line.length;
    while (this.lines.length > this.limits.maxLines || (this.bytes > this.limits.maxBytes && this.lines.length > 1)) {
      this.bytes -= this.lines.shift()!.line.length;
    }
    for (const listener of this.listeners) listener(entry);
  }
}
