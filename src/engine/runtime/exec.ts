// execve(2) and the $PATH search in front of it: how a name typed by a user becomes a program.
//
// 1. Find the file. A name with a `/` is a path (absolute, or relative to the working directory);
//    a bare name is looked up in each directory of $PATH in turn, the first executable wins.
//    Symbolic links are followed, so `/bin/ls` → `/bin/busybox` runs BusyBox.
// 2. Check it: a directory cannot be executed, and a file needs an execute bit (root included).
// 3. Look inside, as the kernel does: an ELF binary — here a stand-in whose marker names the
//    program (`DOCKYARD-PROGRAM:busybox`) — or a script whose first line `#!/bin/sh` names its
//    interpreter, which is then run with the script's path as an argument. Anything else is
//    ENOEXEC ("exec format error"), and so is an ELF built for another CPU architecture.
//
// Each failure is an `ExecError`; who prints it decides the words: runc for a container's first
// process (`exec: "nope": executable file not found in $PATH`), the shell for a command
// (`sh: nope: not found`), `env` or `xargs` for theirs.

import type { Overlay } from '../layer/overlay';
import { isFsError } from '../layer/fs-errors';
import { elfMachineOf, programOf } from '../image/official/elf';

/** Why a file could not be executed. */
export type ExecFailure =
  | 'not-found' // a bare name not found in $PATH
  | 'no-such-file' // a path that does not exist
  | 'permission-denied' // no execute bit
  | 'is-a-directory'
  | 'exec-format' // not ELF, not `#!`, or ELF for another architecture
  | 'bad-interpreter'; // `#!` names an interpreter that does not exist

const ERRNO: Record<ExecFailure, string> = {
  'not-found': 'ENOENT',
  'no-such-file': 'ENOENT',
  'permission-denied': 'EACCES',
  'is-a-directory': 'EACCES',
  'exec-format': 'ENOEXEC',
  'bad-interpreter': 'ENOENT',
};

export class ExecError extends Error {
  override name = 'ExecError';

  constructor(
    readonly reason: ExecFailure,
    /** The command as given (`nope`, `./run.sh`). */
    readonly command: string,
    /** The file that failed (the path found, or the missing interpreter). */
    readonly path: string = command,
  ) {
    super(runcMessage(reason, command, path));
  }

  /** The errno execve(2) returns: a directory gives EACCES, as Linux does. */
  get errno(): string {
    return ERRNO[this.reason];
  }

  /** 127 when there is nothing to run, 126 when there is something that cannot run. */
  get exitStatus(): 126 | 127 {
    return this.reason === 'not-found' || this.reason === 'no-such-file' ? 127 : 126;
  }

  /**
   * True when runc's checks pass but execve(2) itself fails inside the started container: Docker
   * reports it as the container's own output (`exec /entrypoint.sh: exec format error`), exit 255.
   */
  get afterStart(): boolean {
    return this.reason === 'exec-format' || this.reason === 'bad-interpreter';
  }
}

/** runc's words (Go's exec.LookPath, then execve), as Docker prints them. */
function runcMessage(reason: ExecFailure, command: string, path: string): string {
  const quoted = JSON.stringify(command);
  switch (reason) {
    case 'not-found':
      return `exec: ${quoted}: executable file not found in $PATH`;
    case 'no-such-file':
      return `exec: ${quoted}: stat ${command}: no such file or directory`;
    case 'permission-denied':
      return `exec: ${quoted}: permission denied`;
    case 'is-a-directory':
      return `exec: ${quoted}: is a directory`;
    case 'exec-format':
      return `exec ${path}: exec format error`;
    case 'bad-interpreter':
      return `exec ${command}: no such file or directory`;
  }
}

/** The default search path Docker gives a container without one. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

type Probe = 'ok' | 'missing' | 'directory' | 'not-executable';

function probe(fs: Overlay, path: string): Probe {
  try {
    const stats = fs.stat(path);
    if (stats.type === 'dir') return 'directory';
    return (stats.mode & 0o111) === 0 ? 'not-executable' : 'ok';
  } catch (err) {
    if (isFsError(err)) return 'missing';
    throw err;
  }
}

/**
 * Find the file `command` names: a path as given, or a bare name searched in `searchPath` (`$PATH`,
 * `:`-separated; an empty entry means the working directory). Returns the path to execute.
 */
export function findExecutable(fs: Overlay, command: string, searchPath: string | undefined): string {
  if (command === '') throw new ExecError('no-such-file', command);
  if (command.includes('/')) {
    const found = probe(fs, command);
    if (found === 'missing') throw new ExecError('no-such-file', command);
    if (found === 'directory') throw new ExecError('is-a-directory', command);
    if (found === 'not-executable') throw new ExecError('permission-denied', command);
    return command;
  }
  let denied: string | undefined;
  for (const dir of (searchPath ?? DEFAULT_PATH).split(':')) {
    const candidate = dir === '' ? command : `${dir.replace(/\/+$/, '')}/${command}`;
    const found = probe(fs, candidate);
    if (found === 'ok') return candidate;
    if (found === 'not-executable') denied ??= candidate;
  }
  if (denied !== undefined) throw new ExecError('permission-denied', command, denied);
  throw new ExecError('not-found', command);
}

/** What a file turns out to be when executed. */
export type Executable =
  /** An ELF stand-in: run the registered program of that name. */
  | { kind: 'program'; path: string; program: string }
  /** A `#!` script: run `interpreter [argument] path args…`. */
  | { kind: 'script'; path: string; interpreter: string; argument?: string };

/** The longest `#!` line Linux reads (BINPRM_BUF_SIZE). */
const SHEBANG_LIMIT = 256;

/** Read the file at `path` and say how to run it; `architecture` rejects ELF built for another CPU. */
export function loadExecutable(fs: Overlay, path: string, architecture?: string): Executable {
  const bytes = fs.readFile(path);
  const program = programOf(bytes);
  if (program !== undefined) {
    const machine = elfMachineOf(bytes);
    const expected = architecture === undefined ? undefined : ELF_MACHINES[architecture];
    if (expected !== undefined && machine !== expected) throw new ExecError('exec-format', path);
    return { kind: 'program', path, program };
  }
  if (bytes[0] === 0x23 && bytes[1] === 0x21) {
    const head = new TextDecoder().decode(bytes.subarray(2, SHEBANG_LIMIT));
    const line = (head.split('\n')[0] ?? '').replace(/^[ \t]+/, '');
    const match = /^([^ \t]+)(?:[ \t]+(.*?))?[ \t]*$/.exec(line);
    if (match === null) throw new ExecError('exec-format', path);
    const interpreter = match[1] as string;
    const argument = match[2] === undefined || match[2] === '' ? undefined : match[2];
    return argument === undefined
      ? { kind: 'script', path, interpreter }
      : { kind: 'script', path, interpreter, argument };
  }
  throw new ExecError('exec-format', path);
}

/** ELF e_machine by Docker architecture name. */
const ELF_MACHINES: Readonly<Record<string, number>> = { amd64: 62, arm64: 183, arm: 40, '386': 3, s390x: 22 };
