// The shell's own commands and the small ones around it: `export`/`unset`/`env` (the variables a
// command gets — `export DOCKER_HOST=tcp://cloud-vm:2376` points docker at another daemon),
// `history`, `clear`, `which`, `whoami`, `hostname`, `true`/`false`, `sudo` (runs the command: the
// student already may use docker), and `edit FILE`, which opens the page's editor.
import { isLaptopFileError } from '../file-errors';
import type { Builtin } from '../shell-state';
import { writeText } from './options';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Where `which` finds the laptop's programs (bash's own builtins are not files). */
export const PROGRAM_PATHS: Readonly<Record<string, string>> = {
  docker: '/usr/bin/docker',
  ls: '/usr/bin/ls',
  cat: '/usr/bin/cat',
  mkdir: '/usr/bin/mkdir',
  rm: '/usr/bin/rm',
  cp: '/usr/bin/cp',
  mv: '/usr/bin/mv',
  touch: '/usr/bin/touch',
  env: '/usr/bin/env',
  which: '/usr/bin/which',
  whoami: '/usr/bin/whoami',
  hostname: '/usr/bin/hostname',
  grep: '/usr/bin/grep',
  head: '/usr/bin/head',
  tail: '/usr/bin/tail',
  wc: '/usr/bin/wc',
  curl: '/usr/bin/curl',
  clear: '/usr/bin/clear',
  sudo: '/usr/bin/sudo',
  edit: '/usr/local/bin/edit',
  printf: '/usr/bin/printf',
  echo: '/usr/bin/echo',
  pwd: '/usr/bin/pwd',
  true: '/usr/bin/true',
  false: '/usr/bin/false',
};

const quoteForDeclare = (value: string) => `"${value.replace(/(["\\$`])/g, '\\$1')}"`;

export const exportCommand: Builtin = async (args, { io, shell }) => {
  const names = args.filter((a) => a !== '-p');
  if (names.length === 0) {
    const env = shell.environment();
    writeText(
      io.out,
      Object.keys(env)
        .map((k) => `declare -x ${k}=${quoteForDeclare(env[k] as string)}\n`)
        .join(''),
    );
    return 0;
  }
  let status = 0;
  for (const arg of names) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      writeText(io.err, `bash: export: \`${arg}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    if (eq >= 0) shell.setVar(name, arg.slice(eq + 1), true);
    else shell.exported.add(name);
  }
  return status;
};

export const unset: Builtin = async (args, { io, shell }) => {
  let status = 0;
  for (const name of args.filter((a) => a !== '-v')) {
    if (!NAME.test(name)) {
      writeText(io.err, `bash: unset: \`${name}': not a valid identifier\n`);
      status = 1;
    } else shell.unsetVar(name);
  }
  return status;
};

export const env: Builtin = async (args, ctx) => {
  const environment = { ...ctx.env };
  let i = 0;
  for (; i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i] as string); i++) {
    const arg = args[i] as string;
    environment[arg.slice(0, arg.indexOf('='))] = arg.slice(arg.indexOf('=') + 1);
  }
  const rest = args.slice(i);
  if (rest.length > 0) {
    if (rest[0]?.startsWith('-')) {
      writeText(
        ctx.io.err,
        `env: invalid option -- '${rest[0].slice(1, 2)}'\nTry 'env --help' for more information.\n`,
      );
      return 125;
    }
    return ctx.runArgv(rest, ctx.io, environment);
  }
  writeText(
    ctx.io.out,
    Object.entries(environment)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
  return 0;
};

export const which: Builtin = async (args, { io }) => {
  let status = 0;
  for (const name of args.filter((a) => !a.startsWith('-'))) {
    const path = Object.hasOwn(PROGRAM_PATHS, name) ? PROGRAM_PATHS[name] : undefined;
    if (path) writeText(io.out, `${path}\n`);
    else status = 1;
  }
  return args.length === 0 ? 1 : status;
};

export const whoami: Builtin = async (_args, { io, shell }) => {
  writeText(io.out, `${shell.user}\n`);
  return 0;
};

export const hostname: Builtin = async (_args, { io, shell }) => {
  writeText(io.out, `${shell.hostname}\n`);
  return 0;
};

export const trueCommand: Builtin = async () => 0;
export const falseCommand: Builtin = async () => 1;

export const history: Builtin = async (args, { io, shell }) => {
  if (args[0] === '-c') {
    shell.history.length = 0;
    return 0;
  }
  const limit = args[0] === undefined ? shell.history.length : Number(args[0]);
  if (!Number.isInteger(limit) || limit < 0) {
    writeText(io.err, `bash: history: ${args[0]}: numeric argument required\n`);
    return 1;
  }
  const first = Math.max(0, shell.history.length - limit);
  const lines = shell.history.slice(first).map((line, i) => `${String(first + i + 1).padStart(5)}  ${line}\n`);
  writeText(io.out, lines.join(''));
  return 0;
};

export const clear: Builtin = async (_args, { shell }) => {
  shell.hooks.clear();
  return 0;
};

export const sudo: Builtin = async (args, ctx) => {
  const argv = args[0] === '--' ? args.slice(1) : args;
  if (argv.length === 0) {
    writeText(ctx.io.err, 'usage: sudo command\n');
    return 1;
  }
  return ctx.runArgv(argv, ctx.io);
};

export const edit: Builtin = async (args, { io, shell }) => {
  if (args.length !== 1) {
    writeText(io.err, 'edit: give one file to edit\nUsage: edit FILE\n');
    return 2;
  }
  const typed = args[0] as string;
  const abs = shell.resolve(typed);
  const kind = shell.files.stat(abs)?.kind;
  if (kind === 'dir') {
    writeText(io.err, `edit: ${typed}: Is a directory\n`);
    return 1;
  }
  if (kind === undefined) {
    try {
      shell.files.writeFile(abs, '');
    } catch (err) {
      if (!isLaptopFileError(err)) throw err;
      writeText(io.err, `edit: ${typed}: ${err.reason}\n`);
      return 1;
    }
  }
  shell.hooks.edit(abs);
  return 0;
};
