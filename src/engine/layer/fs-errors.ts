// Filesystem errors as a container's programs see them. A system call that fails returns an errno
// (`ENOENT`, `ENOTDIR`, …) and the C library turns it into a sentence with strerror(3). Images we
// simulate are busybox/Alpine-like, so the sentences are musl's (`src/errno/__strerror.h`): that is
// what `cat`, `ls`, `rm` and `mkdir` print after their own prefix, e.g.
//
//   cat: can't open 'nope': No such file or directory
//   rmdir: 'etc': Directory not empty
//
// An `FsError` carries the errno name, the musl sentence (`reason`), the call that failed and the
// path as the program gave it; each applet formats its own line from those.
//
// Permissions (EACCES) are not modelled: processes in the simulator act as root, and root passes
// every permission check (capability CAP_DAC_OVERRIDE), so the mode bits are kept and shown but
// never enforced.

/** The errno values the overlay filesystem can raise, with musl's strerror text. */
export const ERRNO_REASONS = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Symbolic link loop',
  EINVAL: 'Invalid argument',
  EPERM: 'Operation not permitted',
  EBUSY: 'Resource busy',
  EXDEV: 'Cross-device link',
} as const;

export type Errno = keyof typeof ERRNO_REASONS;

/** A failed filesystem call: `code` is the errno name, `reason` the text libc prints for it. */
export class FsError extends Error {
  override name = 'FsError';

  constructor(
    readonly code: Errno,
    /** The system call that failed, e.g. `open`, `mkdir`, `rename`. */
    readonly syscall: string,
    /** The path exactly as the caller passed it. */
    readonly path: string,
  ) {
    super(`${path}: ${ERRNO_REASONS[code]}`);
  }

  /** The strerror(3) sentence, e.g. "No such file or directory". */
  get reason(): string {
    return ERRNO_REASONS[this.code];
  }
}

/** True when `err` is an `FsError`, optionally with one of the given codes. */
export function isFsError(err: unknown, ...codes: Errno[]): err is FsError {
  return err instanceof FsError && (codes.length === 0 || codes.includes(err.code));
}
