// What a process's streams are underneath. A process writes through wrappers that count its output,
// drop writes once it is dead and turn a broken pipe into SIGPIPE (./process.ts); each wrapper
// remembers the stream it wraps, so a child is handed the real pipe or terminal, not its parent's
// wrapper. A terminal's streams (`docker run -t`) carry a mark that isatty(3) reads.
import type { SpawnOptions } from './contract';

/** A process's stream wrappers remember what they wrap: children get the real pipe or terminal. */
export const RAW = Symbol('raw stream');

export type Wrapped<T> = T & { [RAW]?: T };

export function rawOf<T extends object>(stream: T): T {
  return (stream as Wrapped<T>)[RAW] ?? stream;
}

export function unwrapped<T extends SpawnOptions>(options: T): T {
  const fds = options.fds && new Map([...options.fds].map(([fd, stream]) => [fd, rawOf(stream)] as const));
  return {
    ...options,
    stdin: rawOf(options.stdin),
    stdout: rawOf(options.stdout),
    stderr: rawOf(options.stderr),
    ...(fds && { fds }),
  };
}

/** Marks the streams of a terminal (`docker run -t`): isatty(3) is true for them. */
const TERMINAL = Symbol('terminal');

/** Mark a stream as a terminal's. */
export function asTerminal<T extends object>(stream: T): T {
  return Object.assign(stream, { [TERMINAL]: true });
}

export function isTerminal(stream: object): boolean {
  return (rawOf(stream) as { [TERMINAL]?: boolean })[TERMINAL] === true;
}
