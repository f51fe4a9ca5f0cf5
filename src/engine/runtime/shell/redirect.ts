// Redirections (XCU 2.7): before a command runs, the shell rewires its file descriptors — `>file`
// points fd 1 at a file, `2>&1` makes fd 2 a copy of whatever fd 1 is *now* (so `>f 2>&1` sends
// both to f, but `2>&1 >f` only stdout), `<<EOF` feeds a here-document to fd 0, `>&-` closes.
// The table is copied per command, so a redirection lasts for that command only — except under
// `exec`, which applies it to the shell itself.

import { isFsError } from '../../layer/fs-errors';
import type { InputStream, OutputStream } from '../contract';
import { openInput, openOutput } from '../files';
import { emptyInput, inputOf, nullOutput, pushbackInput } from '../streams';
import type { Redirect } from './ast';
import type { Stream } from './state';

/** A descriptor table: explicit entries over a base (the shell's own 0, 1, 2). `null` is closed. */
export class Fds {
  constructor(
    private readonly base: (fd: number) => Stream | undefined,
    readonly entries = new Map<number, Stream | null>(),
  ) {}

  get(fd: number): Stream | undefined {
    if (this.entries.has(fd)) return this.entries.get(fd) ?? undefined;
    return this.base(fd);
  }

  input(fd = 0): InputStream {
    const s = this.get(fd);
    return s !== undefined && 'read' in s ? s : emptyInput;
  }

  output(fd: number): OutputStream {
    const s = this.get(fd);
    return s !== undefined && 'write' in s ? s : nullOutput;
  }

  /** Descriptors 3–9 open in this table: what a program the shell runs inherits. */
  inherited(): Map<number, Stream> {
    const open = new Map<number, Stream>();
    for (let fd = 3; fd <= 9; fd++) {
      const stream = this.get(fd);
      if (stream !== undefined) open.set(fd, stream);
    }
    return open;
  }

  copy(): Fds {
    return new Fds(this.base, new Map(this.entries));
  }
}

/** Why a redirection failed, for the shell's message. */
export class RedirectError extends Error {
  override name = 'RedirectError';
  constructor(
    readonly kind: 'open' | 'create' | 'bad-fd',
    readonly path: string,
    readonly errno: string,
  ) {
    super(`${kind} ${path}: ${errno}`);
  }
}

/** What applying redirections needs from the shell. */
export interface RedirectHost {
  readonly ctx: Parameters<typeof openOutput>[0];
  /** The target word's value (expanded, quotes removed). */
  word(redirect: Redirect): Promise<string>;
  /** A here-document's text (expanded unless its delimiter was quoted). */
  heredoc(redirect: Redirect): Promise<string>;
}

/** Apply `redirects` in order to a copy of `fds`. Throws RedirectError. */
export async function applyRedirects(host: RedirectHost, redirects: readonly Redirect[], fds: Fds): Promise<Fds> {
  const table = fds.copy();
  const lookup = (fd: number) => table.get(fd);
  for (const r of redirects) {
    if (r.op === '<<' || r.op === '<<-') {
      table.entries.set(r.fd, pushbackInput(inputOf(await host.heredoc(r))));
      continue;
    }
    const target = await host.word(r);
    if (r.op === '<&' || r.op === '>&') {
      if (target === '-') {
        table.entries.set(r.fd, null);
        continue;
      }
      if (/^\d+$/.test(target)) {
        const stream = table.get(Number(target));
        if (stream === undefined) throw new RedirectError('bad-fd', target, 'EBADF');
        table.entries.set(r.fd, stream);
        continue;
      }
      if (r.op === '<&') throw new RedirectError('bad-fd', target, 'EBADF');
      // `>&file` (bash): both stdout and stderr to the file.
      const out = create(host, target, false, lookup);
      table.entries.set(1, out);
      table.entries.set(2, out);
      continue;
    }
    if (r.op === '<' || r.op === '<>') {
      try {
        table.entries.set(r.fd, pushbackInput(openInput(host.ctx, target, { fds: lookup })));
      } catch (err) {
        if (isFsError(err)) throw new RedirectError('open', target, err.code);
        throw err;
      }
      continue;
    }
    const out = create(host, target, r.op === '>>', lookup);
    if (r.op === '&>') {
      table.entries.set(1, out);
      table.entries.set(2, out);
    } else table.entries.set(r.fd, out);
  }
  return table;
}

function create(
  host: RedirectHost,
  path: string,
  append: boolean,
  lookup: (fd: number) => Stream | undefined,
): OutputStream {
  try {
    return openOutput(host.ctx, path, { append, fds: lookup });
  } catch (err) {
    if (isFsError(err)) throw new RedirectError('create', path, err.code);
    throw err;
  }
}
