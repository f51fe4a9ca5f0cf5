// Redirections: where a command's streams go. `> file` creates or truncates the file before the
// command runs, `>> file` appends, `2> file` takes the errors, `2>&1` sends them where the output
// goes (order matters: `> f 2>&1` puts both in f), `< file` feeds a file to stdin, `<<EOF` a
// here-document. The devices people use exist too: `/dev/null`, `/dev/stdout`, `/dev/stderr`.
// What a redirected command writes lands in the file when the command ends.
import type { Bytes } from '../bytes';
import { concatBytes, utf8 } from '../bytes';
import type { Redirect } from '../runtime/shell/ast';
import type { Expander } from './expand';
import { isLaptopFileError } from './file-errors';
import { bytesInput, emptyInput, nullOutput, type InputStream, type OutputStream, type ShellIO } from './shell-io';
import type { ShellState } from './shell-state';

/** A redirection bash could not make; the message follows `bash: `. */
export class RedirectFailure extends Error {
  override name = 'RedirectFailure';
}

/** A file receiving a command's output, written when the command ends. */
class FileOutput implements OutputStream {
  readonly isTerminal = false;
  private readonly chunks: Bytes[] = [];

  constructor(
    private readonly shell: ShellState,
    readonly abs: string,
    readonly typed: string,
    private readonly append: boolean,
  ) {}

  write(data: string | Bytes): void {
    this.chunks.push(typeof data === 'string' ? utf8(data) : data);
  }

  /** Put what was written into the file; the error text if it did not fit. */
  flush(): string | undefined {
    if (this.chunks.length === 0) return undefined;
    const { files } = this.shell;
    try {
      const before =
        this.append && files.stat(this.abs)?.kind === 'file' ? files.readFile(this.abs) : new Uint8Array(0);
      files.writeFile(this.abs, concatBytes([before, ...this.chunks]));
      return undefined;
    } catch (err) {
      if (isLaptopFileError(err)) return `${this.typed}: ${err.reason}`;
      throw err;
    }
  }
}

export interface Redirected {
  io: ShellIO;
  /** Write the redirected files; returns error messages (`bash: ` goes before each). */
  finish(): string[];
}

function openOutput(shell: ShellState, typed: string, append: boolean, io: ShellIO): OutputStream {
  if (typed === '/dev/null') return nullOutput;
  if (typed === '/dev/stdout') return io.out;
  if (typed === '/dev/stderr') return io.err;
  const abs = shell.resolve(typed);
  const { files } = shell;
  try {
    const kind = files.stat(abs)?.kind;
    if (kind === 'dir') throw new RedirectFailure(`${typed}: Is a directory`);
    if (!append || kind === undefined) files.writeFile(abs, '');
  } catch (err) {
    if (isLaptopFileError(err)) throw new RedirectFailure(`${typed}: ${err.reason}`);
    throw err;
  }
  return new FileOutput(shell, abs, typed, append);
}

function openInput(shell: ShellState, typed: string): InputStream {
  if (typed === '/dev/null') return emptyInput;
  try {
    return bytesInput(shell.files.readFile(shell.resolve(typed)));
  } catch (err) {
    if (isLaptopFileError(err)) throw new RedirectFailure(`${typed}: ${err.reason}`);
    throw err;
  }
}

/** Apply a command's redirections to its streams, left to right. */
export async function applyRedirects(
  redirects: readonly Redirect[],
  base: ShellIO,
  expander: Expander,
  shell: ShellState,
): Promise<Redirected> {
  const fds: [InputStream, OutputStream, OutputStream] = [base.in, base.out, base.err];
  const opened: FileOutput[] = [];
  const setOut = (fd: number, stream: OutputStream) => {
    if (fd === 1 || fd === 2) fds[fd] = stream;
    if (stream instanceof FileOutput && !opened.includes(stream)) opened.push(stream);
  };
  for (const r of redirects) {
    if (r.op === '<<' || r.op === '<<-') {
      const body = r.heredoc ? await expander.string(r.heredoc.body) : '';
      if (r.fd === 0) fds[0] = bytesInput(body);
      continue;
    }
    const target = await expander.string(r.target);
    if (r.op === '<' || r.op === '<>') {
      const input = openInput(shell, target);
      if (r.fd === 0) fds[0] = input;
      continue;
    }
    if (r.op === '>&' || r.op === '<&') {
      if (target === '-') {
        if (r.fd === 0) fds[0] = emptyInput;
        else setOut(r.fd, nullOutput);
        continue;
      }
      if (/^\d+$/.test(target)) {
        const from = Number(target);
        if (from > 2) throw new RedirectFailure(`${target}: Bad file descriptor`);
        if (r.fd === 0) {
          if (from !== 0) throw new RedirectFailure(`${target}: Bad file descriptor`);
          continue;
        }
        if (from === 0) throw new RedirectFailure(`${target}: Bad file descriptor`);
        setOut(r.fd, fds[from as 1 | 2]);
        continue;
      }
      if (r.op === '<&') throw new RedirectFailure(`${target}: ambiguous redirect`);
    }
    if (target === '') throw new RedirectFailure(`${r.target.text}: ambiguous redirect`);
    const both = r.op === '&>' || (r.op === '>&' && r.fd === 1);
    const output = openOutput(shell, target, r.op === '>>', { in: fds[0], out: fds[1], err: fds[2] });
    setOut(both ? 1 : r.fd, output);
    if (both) setOut(2, output);
  }
  const io: ShellIO = { in: fds[0], out: fds[1], err: fds[2], ...(base.signal ? { signal: base.signal } : {}) };
  return {
    io,
    finish: () => opened.map((f) => f.flush()).filter((m): m is string => m !== undefined),
  };
}
