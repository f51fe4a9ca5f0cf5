// Opening a log file the way a server does at startup — open(2) with O_WRONLY|O_APPEND|O_CREAT,
// following symbolic links. The official images point their logs at the container's own output:
// nginx's /var/log/nginx/access.log is a link to /dev/stdout, httpd logs to /proc/self/fd/1; that
// is the whole trick behind `docker logs` showing a web server's access log. The runtime's
// `openOutput` (../files.ts) knows where /dev and /proc lead; anything else is a file.
import type { OutputStream, ProcessContext } from '../contract';
import { openOutput } from '../files';

/** Open `path` for appending; throws the FsError open(2) would give (a missing directory: ENOENT). */
export function openLog(ctx: ProcessContext, path: string): OutputStream {
  return openOutput(ctx, path, { append: true });
}

/** errno numbers as servers print them in `failed (2: No such file or directory)`. */
export const ERRNO_NUMBERS: Readonly<Record<string, number>> = {
  EPERM: 1,
  ENOENT: 2,
  EEXIST: 17,
  ENOTDIR: 20,
  EISDIR: 21,
  EINVAL: 22,
  ENOTEMPTY: 39,
  ELOOP: 40,
  EXDEV: 18,
  EBUSY: 16,
};
