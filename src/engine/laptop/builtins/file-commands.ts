// The file commands of a Linux laptop, with GNU coreutils' words: `cat`, `mkdir [-p]`,
// `rm [-r] [-f]`, `cp [-r]`, `mv`, `touch`. Each failure names the operand as typed:
// `rm: cannot remove 'x': No such file or directory`, `cp: -r not specified; omitting directory 'd'`.
import { concatBytes } from '../../bytes';
import { isLaptopFileError, LaptopFileError } from '../file-errors';
import { baseName, isWithin } from '../laptop-path';
import { readAll } from '../shell-io';
import type { Builtin, CommandContext } from '../shell-state';
import { parseOptions, UsageFailure, usageError, writeText } from './options';

function reasonOf(err: unknown): string {
  if (isLaptopFileError(err)) return err.reason;
  throw err;
}

export const cat: Builtin = async (args, { io, shell }) => {
  const parsed = parseOptions('cat', args, {}, io.err);
  if (parsed instanceof UsageFailure) return parsed.status;
  const operands = parsed.operands.length > 0 ? parsed.operands : ['-'];
  let status = 0;
  for (const operand of operands) {
    if (io.signal?.aborted) return 130;
    if (operand === '-') {
      io.out.write(await readAll(io.in, io.signal));
      continue;
    }
    try {
      io.out.write(shell.files.readFile(shell.resolve(operand)));
    } catch (err) {
      writeText(io.err, `cat: ${operand}: ${reasonOf(err)}\n`);
      status = 1;
    }
  }
  return io.signal?.aborted ? 130 : status;
};

export const mkdir: Builtin = async (args, { io, shell }) => {
  const parsed = parseOptions('mkdir', args, { flags: 'pv', long: { parents: 'p', verbose: 'v' } }, io.err);
  if (parsed instanceof UsageFailure) return parsed.status;
  if (parsed.operands.length === 0) return usageError(io.err, 'mkdir', 'missing operand').status;
  let status = 0;
  for (const operand of parsed.operands) {
    try {
      shell.files.mkdir(shell.resolve(operand), { parents: parsed.flags.has('p') });
      if (parsed.flags.has('v')) writeText(io.out, `mkdir: created directory '${operand}'\n`);
    } catch (err) {
      writeText(io.err, `mkdir: cannot create directory '${operand}': ${reasonOf(err)}\n`);
      status = 1;
    }
  }
  return status;
};

export const rm: Builtin = async (args, { io, shell }) => {
  const spec = { flags: 'rRfdv', long: { recursive: 'r', force: 'f', dir: 'd', verbose: 'v' } };
  const parsed = parseOptions('rm', args, spec, io.err);
  if (parsed instanceof UsageFailure) return parsed.status;
  const { flags } = parsed;
  const recursive = flags.has('r') || flags.has('R');
  if (parsed.operands.length === 0) {
    return flags.has('f') ? 0 : usageError(io.err, 'rm', 'missing operand').status;
  }
  let status = 0;
  for (const operand of parsed.operands) {
    const abs = shell.resolve(operand);
    if (abs === '/' && recursive) {
      writeText(
        io.err,
        "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
      );
      status = 1;
      continue;
    }
    if (/(^|\/)\.\.?\/*$/.test(operand)) {
      writeText(io.err, `rm: refusing to remove '.' or '..' directory: skipping '${operand}'\n`);
      status = 1;
      continue;
    }
    const stat = shell.files.stat(abs);
    if (!stat) {
      if (!flags.has('f')) {
        writeText(io.err, `rm: cannot remove '${operand}': No such file or directory\n`);
        status = 1;
      }
      continue;
    }
    if (stat.kind === 'dir' && !recursive && !(flags.has('d') && shell.files.readdir(abs).length === 0)) {
      writeText(
        io.err,
        `rm: cannot remove '${operand}': ${flags.has('d') ? 'Directory not empty' : 'Is a directory'}\n`,
      );
      status = 1;
      continue;
    }
    shell.files.remove(abs, { recursive });
    if (flags.has('v')) writeText(io.out, `removed ${stat.kind === 'dir' ? 'directory ' : ''}'${operand}'\n`);
  }
  return status;
};

/** Where `cp a b` / `mv a b` / `cp a b c dir/` put each source. */
function destinations(ctx: CommandContext, tool: string, operands: string[]): { from: string; to: string }[] | number {
  const { io, shell } = ctx;
  if (operands.length === 0) return usageError(io.err, tool, 'missing file operand').status;
  if (operands.length === 1) {
    return usageError(io.err, tool, `missing destination file operand after '${operands[0]}'`).status;
  }
  const target = operands[operands.length - 1] as string;
  const sources = operands.slice(0, -1);
  const targetIsDir = shell.files.stat(shell.resolve(target))?.kind === 'dir';
  if (sources.length > 1 && !targetIsDir) {
    writeText(io.err, `${tool}: target '${target}' is not a directory\n`);
    return 1;
  }
  return sources.map((from) => ({
    from,
    to: targetIsDir ? `${target.replace(/\/+$/, '')}/${baseName(from)}` : target,
  }));
}

function copyTree(ctx: CommandContext, fromAbs: string, toAbs: string): void {
  const { files } = ctx.shell;
  if (files.stat(fromAbs)?.kind === 'file') {
    files.writeFile(toAbs, files.readFile(fromAbs));
    return;
  }
  if (files.stat(toAbs)?.kind !== 'dir') files.mkdir(toAbs);
  for (const path of files.walk(fromAbs)) {
    const dest = `${toAbs}${path.slice(fromAbs.length)}`;
    if (files.stat(path)?.kind === 'dir') {
      if (files.stat(dest)?.kind !== 'dir') files.mkdir(dest);
    } else files.writeFile(dest, files.readFile(path));
  }
}

export const cp: Builtin = async (args, ctx) => {
  const { io, shell } = ctx;
  const parsed = parseOptions(
    'cp',
    args,
    { flags: 'rRav', long: { recursive: 'r', archive: 'a', verbose: 'v' } },
    io.err,
  );
  if (parsed instanceof UsageFailure) return parsed.status;
  const recursive = ['r', 'R', 'a'].some((f) => parsed.flags.has(f));
  const pairs = destinations(ctx, 'cp', parsed.operands);
  if (typeof pairs === 'number') return pairs;
  let status = 0;
  for (const { from, to } of pairs) {
    const fromAbs = shell.resolve(from);
    const toAbs = shell.resolve(to);
    const kind = shell.files.stat(fromAbs)?.kind;
    const problem =
      kind === undefined
        ? `cannot stat '${from}': No such file or directory`
        : kind === 'dir' && !recursive
          ? `-r not specified; omitting directory '${from}'`
          : kind === 'dir' && toAbs !== fromAbs && isWithin(toAbs, fromAbs)
            ? `cannot copy a directory, '${from}', into itself, '${to}'`
            : fromAbs === toAbs
              ? `'${from}' and '${to}' are the same file`
              : undefined;
    if (problem) {
      writeText(io.err, `cp: ${problem}\n`);
      status = 1;
      continue;
    }
    try {
      copyTree(ctx, fromAbs, toAbs);
      if (parsed.flags.has('v')) writeText(io.out, `'${from}' -> '${to}'\n`);
    } catch (err) {
      const code = err instanceof LaptopFileError ? err.code : undefined;
      const verb = code === 'ENOSPC' ? 'error writing' : 'cannot create regular file';
      writeText(io.err, `cp: ${verb} '${to}': ${reasonOf(err)}\n`);
      status = 1;
    }
  }
  return status;
};

export const mv: Builtin = async (args, ctx) => {
  const { io, shell } = ctx;
  const parsed = parseOptions('mv', args, { flags: 'fv', long: { force: 'f', verbose: 'v' } }, io.err);
  if (parsed instanceof UsageFailure) return parsed.status;
  const pairs = destinations(ctx, 'mv', parsed.operands);
  if (typeof pairs === 'number') return pairs;
  let status = 0;
  for (const { from, to } of pairs) {
    const fromAbs = shell.resolve(from);
    const toAbs = shell.resolve(to);
    try {
      if (!shell.files.stat(fromAbs)) throw new LaptopFileError('ENOENT', fromAbs);
      if (toAbs !== fromAbs && isWithin(toAbs, fromAbs)) {
        writeText(io.err, `mv: cannot move '${from}' to a subdirectory of itself, '${to}'\n`);
        status = 1;
        continue;
      }
      shell.files.rename(fromAbs, toAbs);
      if (parsed.flags.has('v')) writeText(io.out, `renamed '${from}' -> '${to}'\n`);
    } catch (err) {
      const code = err instanceof LaptopFileError ? err.code : undefined;
      const what =
        code === 'ENOENT' && !shell.files.stat(fromAbs) ? `cannot stat '${from}'` : `cannot move '${from}' to '${to}'`;
      writeText(io.err, `mv: ${what}: ${reasonOf(err)}\n`);
      status = 1;
    }
  }
  return status;
};

export const touch: Builtin = async (args, { io, shell }) => {
  const parsed = parseOptions('touch', args, { flags: 'c', long: { 'no-create': 'c' } }, io.err);
  if (parsed instanceof UsageFailure) return parsed.status;
  if (parsed.operands.length === 0) return usageError(io.err, 'touch', 'missing file operand').status;
  let status = 0;
  for (const operand of parsed.operands) {
    const abs = shell.resolve(operand);
    const kind = shell.files.stat(abs)?.kind;
    if (kind === 'dir' || (kind === undefined && parsed.flags.has('c'))) continue;
    try {
      shell.files.writeFile(abs, kind === 'file' ? shell.files.readFile(abs) : concatBytes([]));
    } catch (err) {
      writeText(io.err, `touch: cannot touch '${operand}': ${reasonOf(err)}\n`);
      status = 1;
    }
  }
  return status;
};
