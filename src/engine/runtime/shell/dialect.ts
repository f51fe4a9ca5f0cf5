// One shell, three voices. Alpine's /bin/sh is BusyBox ash, Debian's is dash, and `bash` is bash;
// they agree on what a script means but word their errors differently, and students copy those
// errors into search engines, so each is reproduced:
//
//   ash   sh: nope: not found                    sh: cd: line 1: can't cd to /x: No such file or directory
//   dash  sh: 1: nope: not found                 sh: 1: cd: can't cd to /x
//   bash  bash: line 1: nope: command not found  bash: line 1: cd: /x: No such file or directory
//
// BusyBox ash prints "line N" only when it knows a command name (a script, or a builtin being
// run) — the rule of its ash_vmsg(); dash always prints the line; bash prints it unless interactive.

import type { ExecError } from '../exec';
import type { ExpansionError } from './expand';
import type { ShellSyntaxError } from './syntax-error';

export type ShellName = 'ash' | 'dash' | 'bash';

/** Where an error is reported from. */
export interface Site {
  /** `$0`: `sh`, `bash`, `/docker-entrypoint.sh`. */
  arg0: string;
  line: number;
  /** A script file (or `sh -c cmd name`), rather than a bare `-c` string. */
  named: boolean;
  interactive: boolean;
}

function strerrorish(errno: string | undefined, fallback: string): string {
  const reasons: Record<string, string> = {
    ENOENT: 'No such file or directory',
    ENOTDIR: 'Not a directory',
    EISDIR: 'Is a directory',
    EACCES: 'Permission denied',
    EPERM: 'Operation not permitted',
    ELOOP: 'Symbolic link loop',
    EXDEV: 'Cross-device link',
  };
  return (errno !== undefined ? reasons[errno] : undefined) ?? fallback;
}

export class Dialect {
  constructor(readonly name: ShellName) {}

  /** The line prefix for an error, optionally inside builtin `builtin`. */
  prefix(site: Site, builtin?: string): string {
    switch (this.name) {
      case 'ash': {
        let s = `${site.arg0}: `;
        const commandName = builtin ?? (site.named ? site.arg0 : undefined);
        if (commandName !== undefined) {
          if (commandName !== site.arg0) s += `${commandName}: `;
          if (!site.interactive) s += `line ${site.line}: `;
        }
        return s;
      }
      case 'dash':
        return `${site.arg0}: ${site.interactive ? '' : `${site.line}: `}${builtin === undefined ? '' : `${builtin}: `}`;
      case 'bash':
        return `${site.arg0}: ${site.interactive ? '' : `line ${site.line}: `}${builtin === undefined ? '' : `${builtin}: `}`;
    }
  }

  /** A command that could not be run (`nope`, `./x.sh`, `/etc`). */
  execFailure(command: string, err: ExecError): string {
    switch (err.reason) {
      case 'not-found':
        return this.name === 'bash' ? `${command}: command not found` : `${command}: not found`;
      case 'no-such-file':
        return this.name === 'bash' ? `${command}: No such file or directory` : `${command}: not found`;
      case 'permission-denied':
        return `${command}: Permission denied`;
      case 'is-a-directory':
        return this.name === 'bash' ? `${command}: Is a directory` : `${command}: Permission denied`;
      case 'bad-interpreter':
        return this.name === 'bash'
          ? `${command}: ${err.path}: bad interpreter: No such file or directory`
          : `${command}: not found`;
      case 'exec-format':
        return this.name === 'bash'
          ? `${command}: cannot execute binary file: Exec format error`
          : `${command}: Exec format error`;
    }
  }

  cdFailed(dir: string, errno: string): string {
    if (this.name === 'dash') return `can't cd to ${dir}`;
    if (this.name === 'bash') return `${dir}: ${strerrorish(errno, 'No such file or directory')}`;
    return `can't cd to ${dir}: ${strerrorish(errno, 'No such file or directory')}`;
  }

  /** `cat < nope`: a redirection that could not open its file. */
  cannotOpen(path: string, errno: string): string {
    const missing = errno === 'ENOENT' || errno === 'ENOTDIR';
    if (this.name === 'bash') return `${path}: ${strerrorish(errno, 'No such file or directory')}`;
    if (this.name === 'dash')
      return `cannot open ${path}: ${missing ? 'No such file' : strerrorish(errno, 'No such file')}`;
    return `can't open ${path}: ${missing ? 'no such file' : strerrorish(errno, 'no such file')}`;
  }

  /** `echo > /x/y`: a redirection that could not create its file. */
  cannotCreate(path: string, errno: string): string {
    const missing = errno === 'ENOENT' || errno === 'ENOTDIR';
    if (this.name === 'bash') return `${path}: ${strerrorish(errno, 'No such file or directory')}`;
    if (this.name === 'dash')
      return `cannot create ${path}: ${missing ? 'Directory nonexistent' : strerrorish(errno, 'Directory nonexistent')}`;
    return `can't create ${path}: ${missing ? 'nonexistent directory' : strerrorish(errno, 'nonexistent directory')}`;
  }

  /** `exit abc`, `shift x`, `return x`. */
  illegalNumber(builtin: string, arg: string): string {
    return this.name === 'bash' ? `${arg}: numeric argument required` : `Illegal number: ${arg}`;
  }

  /** What an expansion error says (after the prefix). */
  expansion(err: ExpansionError): string {
    switch (err.kind) {
      case 'unset':
        return this.name === 'bash' ? `${err.parameter}: unbound variable` : `${err.parameter}: parameter not set`;
      case 'parameter':
        return `${err.parameter}: ${err.detail ?? (this.name === 'bash' && err.colon ? 'parameter null or not set' : 'parameter not set')}`;
      case 'bad-name':
        return this.name === 'bash'
          ? `$${err.parameter}: cannot assign in this way`
          : `${err.parameter}: bad variable name`;
      case 'arithmetic':
        if (this.name === 'dash') return `arithmetic expression: expecting primary: "${err.detail ?? ''}"`;
        if (this.name === 'bash')
          return `${err.detail ?? ''}: syntax error: operand expected (error token is "${err.detail ?? ''}")`;
        return 'arithmetic syntax error';
      case 'divide-by-zero':
        if (this.name === 'dash') return 'division by zero';
        if (this.name === 'bash')
          return `${err.detail ?? ''}: division by 0 (error token is "${(err.detail ?? '').split(/[/%]/).pop()?.trim() ?? ''}")`;
        return 'divide by zero';
    }
  }

  /** The lines a syntax error prints, without prefix handling for bash's `-c` form. */
  syntax(err: ShellSyntaxError, site: Site, source: string): string[] {
    const p = err.problem;
    const where = { ...site, line: err.line };
    if (this.name === 'bash') {
      const file = site.named ? site.arg0 : '-c';
      const head = `${site.arg0 === file ? file : `${site.arg0}: ${file}`}: line ${err.line}: `;
      if (p.kind === 'unexpected' && 'token' in p.found) {
        const text = source.split('\n')[err.line - 1] ?? '';
        return [`${head}syntax error near unexpected token \`${p.found.token}'`, `${head}\`${text.trim()}'`];
      }
      if (p.kind === 'unterminated-quote') {
        return [`${head}unexpected EOF while looking for matching \`${p.quote}'`];
      }
      if (p.kind === 'bad-substitution') return [`${site.arg0}: ${p.text}: bad substitution`];
      return [`${head}syntax error: unexpected end of file`];
    }
    const prefix = this.name === 'ash' ? this.prefix(where) : `${site.arg0}: ${err.line}: `;
    const quoteToken = (t: string) => `"${t}"`;
    if (this.name === 'dash') {
      switch (p.kind) {
        case 'unexpected': {
          const found = 'token' in p.found ? quoteToken(p.found.token) : p.found.end;
          const expecting = p.expecting === undefined ? '' : ` (expecting ${quoteToken(p.expecting)})`;
          return [`${prefix}Syntax error: ${found} unexpected${expecting}`];
        }
        case 'unterminated-quote':
          return [`${prefix}Syntax error: Unterminated quoted string`];
        case 'unterminated-backquote':
          return [`${prefix}Syntax error: EOF in backquote substitution`];
        case 'missing-brace':
          return [`${prefix}Syntax error: Missing '}'`];
        case 'bad-substitution':
          return [`${prefix}Bad substitution`];
      }
    }
    switch (p.kind) {
      case 'unexpected': {
        const found = 'token' in p.found ? quoteToken(p.found.token) : p.found.end;
        const expecting = p.expecting === undefined ? '' : ` (expecting ${quoteToken(p.expecting)})`;
        return [`${prefix}syntax error: unexpected ${found}${expecting}`];
      }
      case 'unterminated-quote':
        return [`${prefix}syntax error: unterminated quoted string`];
      case 'unterminated-backquote':
        return [`${prefix}syntax error: EOF in backquote substitution`];
      case 'missing-brace':
        return [`${prefix}syntax error: missing '}'`];
      case 'bad-substitution':
        return [`${prefix}syntax error: bad substitution`];
    }
  }

  /** Exit status of a shell that stops on an error (syntax, expansion, special builtin). */
  get errorStatus(): number {
    return 2;
  }

  /** `sh -c 'exit abc'` ends with this status. */
  get badExitStatus(): number {
    return 2;
  }
}
