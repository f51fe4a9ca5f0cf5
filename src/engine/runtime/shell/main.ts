// The shell as a program: `sh -c 'commands' [name [args…]]`, `sh script.sh args…` (also how a
// `#!/bin/sh` script runs), or `sh` reading commands from its input — with a prompt when that
// input is a terminal (`docker run -it alpine` starts exactly this). A script is read and run one
// line at a time, as real shells do. The same program plays BusyBox ash, dash and bash; only the
// wording of errors, `echo` and a few builtins differ (./dialect.ts).

import { isFsError } from '../../layer/fs-errors';
import type { ProcessContext, Program } from '../contract';
import { pushbackInput, readLine } from '../streams';
import { Dialect, type ShellName } from './dialect';
import { Shell } from './interpreter';
import { Parser } from './parser';
import { ExitShell, ShellState } from './state';
import { needsMoreInput, ShellSyntaxError } from './syntax-error';
import { unescape } from '../applets/echo';
import { parseFragment } from './scanner';

const BASH_VERSION = '5.2.15(1)-release';

interface Invocation {
  command?: string;
  script?: string;
  arg0: string;
  positional: string[];
  options: string[];
  interactive: boolean;
  login: boolean;
}

function parseArguments(ctx: ProcessContext, name: ShellName): Invocation | { error: string } | { version: true } {
  const argv = ctx.argv;
  const inv: Invocation = {
    arg0: argv[0] ?? 'sh',
    positional: [],
    options: [],
    interactive: false,
    login: (argv[0] ?? '').startsWith('-'),
  };
  let i = 1;
  let wantCommand = false;
  for (; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      i++;
      break;
    }
    if (name === 'bash' && a === '--version') return { version: true };
    if (a === '--login') {
      inv.login = true;
      continue;
    }
    if (a === '--norc' || a === '--noprofile' || a === '--posix') continue;
    if (!/^[-+][A-Za-z]+$/.test(a)) break;
    for (const letter of a.slice(1)) {
      if (letter === 'c' && a[0] === '-') wantCommand = true;
      else if (letter === 'i') inv.interactive = true;
      else if (letter === 'l') inv.login = true;
      else if (letter === 's') continue;
      else if (letter === 'o') inv.options.push(`o:${argv[++i] ?? ''}`);
      else if ('exufCav'.includes(letter)) inv.options.push(`${a[0]}${letter}`);
      else return { error: name === 'bash' ? `-${letter}: invalid option` : `Illegal option -${letter}` };
    }
  }
  if (wantCommand) {
    const command = argv[i];
    if (command === undefined)
      return { error: name === 'bash' ? '-c: option requires an argument' : '-c requires an argument' };
    inv.command = command;
    if (argv[i + 1] !== undefined) inv.arg0 = argv[i + 1] as string;
    inv.positional = argv.slice(i + 2);
    return inv;
  }
  if (i < argv.length) {
    inv.script = argv[i] as string;
    inv.arg0 = inv.script;
    inv.positional = argv.slice(i + 1);
  }
  return inv;
}

function initialState(ctx: ProcessContext, name: ShellName, inv: Invocation): ShellState {
  const state = new ShellState(name);
  for (const [k, v] of ctx.env) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) state.set(k, v, true);
  state.arg0 = inv.arg0;
  state.positional = inv.positional;
  state.cwd = ctx.cwd;
  state.shellPid = ctx.pid;
  state.set('PPID', String(ctx.ppid ?? 0));
  if (name !== 'dash') {
    const level = Number(state.get('SHLVL') ?? '0');
    state.set('SHLVL', String(Number.isFinite(level) ? level + 1 : 1), true);
  }
  state.set('PWD', ctx.cwd, true);
  state.set('IFS', ' \t\n');
  state.set('OPTIND', '1');
  state.set('PS2', '> ');
  state.set('PS4', '+ ');
  if (state.get('PS1') === undefined) {
    state.set('PS1', name === 'ash' ? '\\w \\$ ' : name === 'dash' ? (ctx.uid === 0 ? '# ' : '$ ') : '\\s-\\v\\$ ');
  }
  if (name === 'bash') {
    state.set('BASH', ctx.argv[0]?.includes('/') ? (ctx.argv[0] as string) : '/bin/bash');
    state.set('BASH_VERSION', BASH_VERSION);
  }
  for (const opt of inv.options) {
    const letters: Record<string, keyof ShellState['options']> = {
      e: 'errexit',
      x: 'xtrace',
      u: 'nounset',
      f: 'noglob',
      C: 'noclobber',
      a: 'allexport',
      v: 'verbose',
    };
    if (opt.startsWith('o:')) {
      const long = opt.slice(2) as keyof ShellState['options'];
      if (long in state.options) state.options[long] = true;
    } else state.options[letters[opt[1] as string] as keyof ShellState['options']] = opt[0] === '-';
  }
  return state;
}

/** Run a script text one complete command at a time. `tailExec`: the last command may replace the shell. */
async function runSource(sh: Shell, source: string, tailExec: boolean): Promise<number> {
  const parser = new Parser(source);
  for (;;) {
    let list;
    try {
      list = parser.nextCommand();
    } catch (err) {
      if (!(err instanceof ShellSyntaxError)) throw err;
      for (const line of sh.dialect.syntax(err, sh.site(), source)) sh.baseFds().output(2).write(`${line}\n`);
      throw new ExitShell(2);
    }
    if (list === undefined) break;
    const last = tailExec && parser.atEnd();
    sh.state.lastStatus = await sh.runList(list, last);
  }
  return sh.state.lastStatus;
}

export function shellProgram(name: ShellName): Program {
  const dialect = new Dialect(name);
  return async (ctx) => {
    const inv = parseArguments(ctx, name);
    if ('version' in inv) {
      ctx.stdout.write(
        `GNU bash, version ${BASH_VERSION} (${ctx.architecture === 'arm64' ? 'aarch64' : 'x86_64'}-pc-linux-gnu)\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n\nThis is free software; you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n`,
      );
      return 0;
    }
    if ('error' in inv) {
      ctx.stderr.write(`${ctx.argv[0] ?? 'sh'}: ${inv.error}\n`);
      return 2;
    }
    const state = initialState(ctx, name, inv);
    const interactive =
      inv.interactive || (inv.command === undefined && inv.script === undefined && ctx.isatty?.(0) === true);
    const sh = new Shell(ctx, state, dialect, {
      named: inv.script !== undefined || (inv.command !== undefined && inv.arg0 !== (ctx.argv[0] ?? 'sh')),
      interactive,
    });
    return sh.runToExit(async () => {
      if (inv.login)
        await sourceIfPresent(
          sh,
          name === 'bash' ? ['/etc/profile', '~/.bash_profile'] : ['/etc/profile', '~/.profile'],
        );
      if (inv.command !== undefined) return runSource(sh, inv.command, true);
      if (inv.script !== undefined) {
        let source: string;
        try {
          source = ctx.fs.readText(inv.script);
        } catch (err) {
          if (!isFsError(err)) throw err;
          const shown = ctx.argv[0] ?? 'sh';
          if (name === 'bash') ctx.stderr.write(`${shown}: ${inv.script}: ${err.reason}\n`);
          else if (name === 'dash') ctx.stderr.write(`${shown}: 0: cannot open ${inv.script}: No such file\n`);
          else ctx.stderr.write(`${shown}: can't open '${inv.script}': ${err.reason}\n`);
          return name === 'bash' ? 127 : 2;
        }
        return runSource(sh, source, false);
      }
      if (interactive && name === 'bash') await sourceIfPresent(sh, ['/etc/bash.bashrc', '~/.bashrc']);
      return readCommands(sh, interactive);
    });
  };
}

async function sourceIfPresent(sh: Shell, paths: string[]): Promise<void> {
  for (const path of paths) {
    const real = path.startsWith('~') ? `${sh.state.get('HOME') ?? '/root'}${path.slice(1)}` : path;
    if (!sh.ctx.fs.exists(real)) continue;
    try {
      await runSource(sh, sh.ctx.fs.readText(real), false);
    } catch (err) {
      if (!(err instanceof ExitShell)) throw err;
    }
  }
}

/** Commands from stdin, a line at a time; with a terminal, prompts and survives errors. */
async function readCommands(sh: Shell, interactive: boolean): Promise<number> {
  const input = pushbackInput(sh.ctx.stdin);
  if (interactive) {
    for (const signal of ['SIGTERM', 'SIGQUIT', 'SIGINT'] as const)
      if (!sh.state.traps.has(signal.slice(3))) sh.ctx.onSignal?.(signal, () => undefined);
  }
  let buffer = '';
  for (;;) {
    if (interactive)
      sh.baseFds()
        .output(2)
        .write(buffer === '' ? await prompt(sh, 'PS1') : await prompt(sh, 'PS2'));
    const got = await readLine(input);
    if (got === undefined) {
      if (interactive && sh.dialect.name === 'bash') sh.baseFds().output(2).write('exit\n');
      return sh.state.lastStatus;
    }
    buffer += `${got.line}\n`;
    const parser = new Parser(buffer, sh.line);
    try {
      for (let list = parser.nextCommand(); list !== undefined; list = parser.nextCommand()) {
        sh.state.lastStatus = await sh.runList(list, false);
      }
      buffer = '';
    } catch (err) {
      if (err instanceof ShellSyntaxError && needsMoreInput(err) && got.complete) continue;
      buffer = '';
      if (err instanceof ShellSyntaxError) {
        for (const line of sh.dialect.syntax(err, sh.site(), buffer)) sh.baseFds().output(2).write(`${line}\n`);
        sh.state.lastStatus = 2;
        if (!interactive) throw new ExitShell(2);
        continue;
      }
      if (err instanceof ExitShell || !interactive) throw err;
      sh.state.lastStatus = sh.statusOf(err);
    }
  }
}

/** PS1/PS2 with their backslash escapes and parameters expanded. */
async function prompt(sh: Shell, variable: 'PS1' | 'PS2'): Promise<string> {
  const raw = sh.state.get(variable) ?? '';
  const home = sh.state.get('HOME');
  const cwd = sh.state.cwd;
  const shown =
    home !== undefined && home !== '/' && (cwd === home || cwd.startsWith(`${home}/`))
      ? `~${cwd.slice(home.length)}`
      : cwd;
  const user = sh.ctx.uid === 0 ? 'root' : (sh.state.get('USER') ?? String(sh.ctx.uid));
  const replaced = raw.replace(/\\([wWuhHs$vn\\[\]ea])/g, (_, c: string) => {
    switch (c) {
      case 'w':
        return shown;
      case 'W':
        return shown === '/' ? '/' : (shown.split('/').pop() ?? '');
      case 'u':
        return user;
      case 'h':
        return sh.ctx.hostname.split('.')[0] ?? '';
      case 'H':
        return sh.ctx.hostname;
      case 's':
        return 'bash';
      case 'v':
        return '5.2';
      case '$':
        return sh.ctx.uid === 0 ? '#' : '$';
      case 'n':
        return '\n';
      case '[':
      case ']':
        return '';
      default:
        return unescape(`\\${c}`, 'zero').text;
    }
  });
  try {
    return await sh.expander.string(parseFragment(replaced));
  } catch {
    return replaced;
  }
}
