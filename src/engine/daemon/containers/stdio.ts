// A container's standard streams as dockerd holds them (moby `stream.Config`): one stdin pipe the
// attached clients can write into (`docker run -i`, `docker attach`), and the main process's
// stdout and stderr fanned out to the log and to every attached client. When the main process
// exits, the attached clients' streams end — `docker run` then collects the exit code from `wait`.
// A client may attach before the container starts (that is what `docker run` does); it then gets
// the output of the next run.
import type { Bytes } from '../../bytes';
import type { InputStream } from '../../runtime/contract';
import type { LogStream } from './log-buffer';

/** Bytes in, bytes out: a pipe with an end. `read` resolves `undefined` once closed and drained. */
export class InputPipe implements InputStream {
  private readonly chunks: Bytes[] = [];
  private closed = false;
  private wake: (() => void) | undefined;

  write(data: Bytes): void {
    if (this.closed || data.length === 0) return;
    this.chunks.push(data);
    this.wake?.();
  }

  close(): void {
    this.closed = true;
    this.wake?.();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  async read(): Promise<Bytes | undefined> {
    while (this.chunks.length === 0 && !this.closed) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = undefined;
    return this.chunks.shift();
  }
}

/** An input that has already ended (a container without `-i`). */
export const CLOSED_INPUT: InputStream = { read: async () => undefined };

export interface OutputListener {
  data(stream: LogStream, bytes: Bytes): void;
  /** The run ended: no more output for this listener. */
  end(): void;
}

/** The main process's output, handed to whoever is attached right now. */
export class OutputFanout {
  private readonly listeners = new Set<OutputListener>();

  attach(listener: OutputListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(stream: LogStream, bytes: Bytes): void {
    for (const listener of [...this.listeners]) listener.data(stream, bytes);
  }

  /** The run is over: end every attached client and forget them. */
  endRun(): void {
    const ending = [...this.listeners];
    this.listeners.clear();
    for (const listener of ending) listener.end();
  }

  get attachedCount(): number {
    return this.listeners.size;
  }
}
