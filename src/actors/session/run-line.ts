// Run one line in a terminal session with its output captured: what tests, lesson replays and
// quizzes use instead of a screen.
import { MemoryInput, MemoryOutput } from '../../engine/client';
import type { TerminalSession } from './terminal-session';

export interface LineResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunLineOptions {
  columns?: number;
  tty?: boolean;
  stdin?: string;
  /** Ctrl-C: aborting it interrupts the line as the terminal's Ctrl-C does. */
  signal?: AbortSignal;
}

export async function runLine(
  session: TerminalSession,
  line: string,
  options: RunLineOptions = {},
): Promise<LineResult> {
  const tty = options.tty ?? false;
  const columns = tty ? (options.columns ?? 80) : undefined;
  const out = new MemoryOutput(tty, columns);
  const err = new MemoryOutput(tty, columns);
  const exitCode = await session.run(line, {
    out,
    err,
    in: new MemoryInput(options.stdin ?? '', tty, columns),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { exitCode, stdout: out.text(), stderr: err.text() };
}
