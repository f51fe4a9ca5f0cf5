// Moving around: `cd` (to a directory, `cd` alone to $HOME, `cd -` back to the previous one,
// `cd ..` up) and `pwd`. Failures are bash's: `bash: cd: nope: No such file or directory`.
import type { Builtin } from '../shell-state';
import { writeText } from './options';

export const cd: Builtin = async (args, { io, shell }) => {
  const operands = args[0] === '--' ? args.slice(1) : args;
  if (operands.length > 1) {
    writeText(io.err, 'bash: cd: too many arguments\n');
    return 1;
  }
  let target = operands[0];
  let announce = false;
  if (target === undefined || target === '') {
    target = shell.vars.get('HOME');
    if (target === undefined) {
      writeText(io.err, 'bash: cd: HOME not set\n');
      return 1;
    }
  } else if (target === '-') {
    target = shell.vars.get('OLDPWD');
    if (target === undefined) {
      writeText(io.err, 'bash: cd: OLDPWD not set\n');
      return 1;
    }
    announce = true;
  }
  const abs = shell.resolve(target);
  const kind = shell.files.stat(abs)?.kind;
  if (kind !== 'dir') {
    const reason = kind === undefined ? 'No such file or directory' : 'Not a directory';
    writeText(io.err, `bash: cd: ${operands[0] === '-' ? target : (operands[0] ?? target)}: ${reason}\n`);
    return 1;
  }
  shell.chdir(abs);
  if (announce) writeText(io.out, `${abs}\n`);
  return 0;
};

export const pwd: Builtin = async (_args, { io, shell }) => {
  writeText(io.out, `${shell.cwd}\n`);
  return 0;
};
