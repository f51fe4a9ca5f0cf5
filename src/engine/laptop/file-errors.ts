// Why a file operation on the laptop failed, as errno names it. The shell prints the reason the C
// library's strerror gives (`No such file or directory`), after the command and the path the
// student typed: `cat: notes.txt: No such file or directory`. The error keeps the code, so a
// builtin can pick its own wording (`rm: cannot remove 'x': Is a directory`), and the docker
// client's adapter can translate to Go's (`open x.tar: no such file or directory`).

export type LaptopFileCode = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'ENOSPC' | 'EINVAL';

/** strerror(3) for each code, as glibc words it. */
export const REASONS: Readonly<Record<LaptopFileCode, string>> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  ENOSPC: 'No space left on device',
  EINVAL: 'Invalid argument',
};

export class LaptopFileError extends Error {
  override name = 'LaptopFileError';

  constructor(
    readonly code: LaptopFileCode,
    /** The absolute path the operation was about. */
    readonly path: string,
  ) {
    super(`${path}: ${REASONS[code]}`);
  }

  /** The reason alone: `No such file or directory`. */
  get reason(): string {
    return REASONS[this.code];
  }
}

export function isLaptopFileError(err: unknown): err is LaptopFileError {
  return err instanceof LaptopFileError;
}
