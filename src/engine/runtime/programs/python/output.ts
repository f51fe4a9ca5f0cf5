// Python's stdout is line-buffered on a terminal but block-buffered in a pipe or a file — and a
// container's stdout, without `-t`, is a pipe. So `docker run python python -m http.server` shows
// nothing in `docker logs` until Python exits and flushes, and nothing at all if it is killed:
// the classic reason images set PYTHONUNBUFFERED=1 or run `python -u`. stderr is never held.
import type { OutputStream, ProcessContext } from '../../contract';

export class PythonStdout implements OutputStream {
  private held: string[] = [];

  constructor(
    private readonly target: OutputStream,
    readonly unbuffered: boolean,
  ) {}

  static for(ctx: ProcessContext, dashU: boolean): PythonStdout {
    const env = ctx.env.get('PYTHONUNBUFFERED');
    return new PythonStdout(ctx.stdout, dashU || (env !== undefined && env !== '') || (ctx.isatty?.(1) ?? false));
  }

  write(data: Uint8Array | string): void {
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
    if (this.unbuffered) this.target.write(text);
    else this.held.push(text);
  }

  /** At a normal exit (and after KeyboardInterrupt) Python flushes what it held. */
  flush(): void {
    if (this.held.length > 0) this.target.write(this.held.join(''));
    this.held = [];
  }
}
