// The laptop's shell: the prompt the student types at (`student@laptop:~/app$ `). It reads one
// line at a time as bash would — quotes, `$VARS`, `~`, globs, `;`, `&&`, `||`, pipes, redirects,
// `NAME=value cmd` — and runs the laptop's commands (ls, cat, cd, curl…) itself, while `docker`
// goes out through a hook to the simulated client and its daemon. The shell never touches the
// world, the network or the page: the session gives it hooks, so it runs the same in Node tests.
// `run` never rejects: whatever is typed ends as an exit status (2 for a syntax error, 127 for
// an unknown command, 130 after Ctrl+C).
import { parseScript } from '../runtime/shell/parser';
import { ShellSyntaxError, type SyntaxProblem } from '../runtime/shell/syntax-error';
import { BUILTINS } from './builtins/index';
import { writeText } from './builtins/options';
import { Interpreter } from './interpreter';
import { tildePath } from './laptop-path';
import type { ShellIO } from './shell-io';
import { ShellState, type ShellOptions } from './shell-state';

function syntaxMessage(problem: SyntaxProblem): string {
  switch (problem.kind) {
    case 'unexpected': {
      const found =
        'token' in problem.found ? problem.found.token : problem.found.end === 'newline' ? 'newline' : undefined;
      return found === undefined
        ? 'syntax error: unexpected end of file'
        : `syntax error near unexpected token \`${found}'`;
    }
    case 'unterminated-quote':
      return `unexpected EOF while looking for matching \`${problem.quote}'`;
    case 'unterminated-backquote':
      return "unexpected EOF while looking for matching ``'";
    case 'missing-brace':
      return "unexpected EOF while looking for matching `}'";
    case 'bad-substitution':
      return `${problem.text}: bad substitution`;
  }
}

export class LaptopShell {
  private readonly state: ShellState;
  private readonly interpreter: Interpreter;
  private running: Promise<unknown> = Promise.resolve();

  constructor(options: ShellOptions) {
    this.state = new ShellState(options);
    this.interpreter = new Interpreter(this.state, BUILTINS);
  }

  /** The working directory (absolute). */
  get cwd(): string {
    return this.state.cwd;
  }

  /** The exported variables, as a command gets them. */
  get env(): Record<string, string> {
    return this.state.environment();
  }

  /** The lines run so far, oldest first. */
  get history(): readonly string[] {
    return this.state.history;
  }

  /** `$?`: the status of the last command. */
  get lastStatus(): number {
    return this.state.status;
  }

  get home(): string {
    return this.state.home;
  }

  /** `student@laptop:~/app$ `, with `(cloud-vm) ` in front when that docker context is current. */
  prompt(context?: string): string {
    const where = tildePath(this.state.cwd, this.state.vars.get('HOME') ?? this.state.home);
    const prefix = context && context !== 'default' ? `(${context}) ` : '';
    return `${prefix}${this.state.user}@${this.state.hostname}:${where}${this.state.user === 'root' ? '#' : '$'} `;
  }

  /** Run one line; resolves with its exit status, never rejects. Lines run one after another. */
  run(line: string, io: ShellIO): Promise<number> {
    const next = this.running.then(() => this.runNow(line, io));
    this.running = next.catch(() => undefined);
    return next;
  }

  private async runNow(line: string, io: ShellIO): Promise<number> {
    if (line.trim() !== '' && !line.startsWith(' ')) {
      if (this.state.history[this.state.history.length - 1] !== line) this.state.history.push(line);
    }
    let parsed;
    try {
      parsed = parseScript(line);
    } catch (err) {
      if (!(err instanceof ShellSyntaxError)) return this.crash(err, io);
      writeText(io.err, `bash: ${syntaxMessage(err.problem)}\n`);
      return (this.state.status = 2);
    }
    try {
      this.interpreter.setLineIO(io);
      return await this.interpreter.runLine(parsed, io);
    } catch (err) {
      return this.crash(err, io);
    } finally {
      this.interpreter.setLineIO(undefined);
    }
  }

  /** A failure of the shell itself: reported, never thrown at the terminal. */
  private crash(err: unknown, io: ShellIO): number {
    const message = err instanceof Error ? err.message : String(err);
    try {
      writeText(io.err, `bash: internal error: ${message}\n`);
    } catch {
      // The terminal itself failed; nothing more to tell.
    }
    return (this.state.status = 1);
  }
}
