// How a failed build reaches the client (moby `build_routes.go` errf, `streamformatter.FormatError`).
//
// Before the first line of output, a failure is an HTTP error whose status comes from its kind:
// a Dockerfile that does not parse, an unknown target, a bad option — 400; anything the daemon
// did not classify (a context it cannot unpack, no Dockerfile in it) — 500. The CLI prints
// `Error response from daemon: <message>` and exits 1.
//
// After it, the failure is the stream's last line, `{"errorDetail":{"code":3,"message":"…"},…}`;
// the CLI prints the message and exits with the code — the failed RUN's exit status — or 1.
import { DockerfileError } from '../../dockerfile';
import { InvalidReferenceError } from '../../reference';
import { DaemonError, asDaemonError } from '../api/errors';
import { BuildStepError } from './dispatch-run';

/** The HTTP error for a build that failed before it wrote anything. */
export function refusal(err: unknown): DaemonError {
  if (err instanceof DaemonError) return err;
  if (err instanceof DockerfileError && err.kind !== 'missing' && err.kind !== 'context') {
    return DaemonError.invalidParameter(err.message);
  }
  if (err instanceof InvalidReferenceError) return DaemonError.invalidParameter(err.message);
  return asDaemonError(err);
}

/** The message and code of the error line that ends a stream. */
export function streamFailure(err: unknown): { message: string; code: number } {
  if (err instanceof BuildStepError) return { message: err.message, code: err.code };
  return { message: err instanceof Error ? err.message : String(err), code: 0 };
}
