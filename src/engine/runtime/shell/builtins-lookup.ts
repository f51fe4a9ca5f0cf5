// What a name would run, as `type`, `command -v` and `command -V` report it: a keyword, an
// alias, a function, a (special) builtin, or a file found on $PATH. `command name args` runs the
// name skipping functions — how a function called `ls` can still call the real ls.

import { findExecutable } from '../exec';
import type { Builtin } from './builtins';
import type { Shell } from './interpreter';

/** The regular builtins' names, set by ./builtins-regular.ts (which imports this module). */
export const regularNames = new Set<string>();

/** How a name would be run: for `command -v`, `command -V` and `type`. */
function describe(
  sh: Shell,
  name: string,
): { kind: 'alias' | 'function' | 'special' | 'builtin' | 'file' | 'keyword'; path?: string } | undefined {
  const KEYWORDS = [
    'if',
    'then',
    'else',
    'elif',
    'fi',
    'do',
    'done',
    'case',
    'esac',
    'while',
    'until',
    'for',
    '{',
    '}',
    '!',
    'in',
  ];
  if (KEYWORDS.includes(name)) return { kind: 'keyword' };
  if (sh.state.aliases.has(name)) return { kind: 'alias' };
  if (sh.state.functions.has(name)) return { kind: 'function' };
  // Imported here to avoid a cycle at load time.
  if (specialNames.has(name)) return { kind: 'special' };
  if (regularNames.has(name) && !(sh.dialect.name === 'dash' && ['source', 'let'].includes(name)))
    return { kind: 'builtin' };
  try {
    return { kind: 'file', path: findExecutable(sh.ctx.fs.at(sh.state.cwd), name, sh.state.get('PATH')) };
  } catch {
    return undefined;
  }
}

const specialNames = new Set([
  ':',
  '.',
  'break',
  'continue',
  'eval',
  'exec',
  'exit',
  'export',
  'readonly',
  'return',
  'set',
  'shift',
  'times',
  'trap',
  'unset',
]);

function typeLine(sh: Shell, name: string, what: NonNullable<ReturnType<typeof describe>>): string {
  switch (what.kind) {
    case 'keyword':
      return `${name} is a shell keyword`;
    case 'alias':
      return sh.dialect.name === 'bash'
        ? `${name} is aliased to \`${sh.state.aliases.get(name) ?? ''}'`
        : `${name} is an alias for ${sh.state.aliases.get(name) ?? ''}`;
    case 'function':
      return sh.dialect.name === 'bash' ? `${name} is a function` : `${name} is a shell function`;
    case 'special':
      return sh.dialect.name === 'bash' ? `${name} is a shell builtin` : `${name} is a special shell builtin`;
    case 'builtin':
      return `${name} is a shell builtin`;
    case 'file':
      return `${name} is ${what.path ?? name}`;
  }
}

export const type: Builtin = async (sh, argv, fds) => {
  let status = 0;
  for (const name of argv.slice(1)) {
    const what = describe(sh, name);
    if (what === undefined) {
      if (sh.dialect.name === 'bash') sh.report(`${name}: not found`, 'type', fds);
      else fds.output(1).write(`${name}: not found\n`);
      status = sh.dialect.name === 'bash' ? 1 : 127;
      continue;
    }
    fds.output(1).write(`${typeLine(sh, name, what)}\n`);
  }
  return status;
};

export const command: Builtin = async (sh, argv, fds) => {
  let i = 1;
  let mode: 'v' | 'V' | undefined;
  for (; i < argv.length && (argv[i] as string).startsWith('-'); i++) {
    const a = argv[i] as string;
    if (a === '--') {
      i++;
      break;
    }
    if (a.includes('v')) mode = 'v';
    if (a.includes('V')) mode = 'V';
  }
  const args = argv.slice(i);
  if (args.length === 0) return 0;
  if (mode !== undefined) {
    let status = 0;
    for (const name of args) {
      const what = describe(sh, name);
      if (what === undefined) {
        if (mode === 'V') sh.report(`${name}: not found`, 'command', fds);
        status = 1;
        continue;
      }
      if (mode === 'V') fds.output(1).write(`${typeLine(sh, name, what)}\n`);
      else if (what.kind === 'alias') fds.output(1).write(`alias ${name}='${sh.state.aliases.get(name) ?? ''}'\n`);
      else fds.output(1).write(`${what.kind === 'file' ? (what.path as string) : name}\n`);
    }
    return status;
  }
  // `command name args`: run it, skipping functions.
  const { runProgram } = await import('./simple');
  const { SPECIAL_BUILTINS, regularBuiltin } = await import('./builtins');
  const builtin = SPECIAL_BUILTINS.get(args[0] as string) ?? regularBuiltin(sh, args[0] as string);
  if (builtin !== undefined) return builtin(sh, args, fds);
  return runProgram(sh, args, [], fds, false);
};
