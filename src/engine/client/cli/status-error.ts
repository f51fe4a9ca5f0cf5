// How a docker command ends badly. The docker CLI prints an error's text on stderr and exits 1 —
// unless the error carries its own exit status (docker/cli `cli.StatusError`): 125 when docker
// itself failed (a bad flag, a daemon error during `run`), 126 when the container's command could
// not be invoked, 127 when it could not be found, or the container's own exit code. A status
// error with no text exits silently (`docker run … sh -c 'exit 3'` just exits 3).

export class StatusError extends Error {
  override name = 'StatusError';

  constructor(
    /** What is printed on stderr ('' for nothing). */
    readonly status: string,
    /** The exit code (never 0: a status error with 0 exits 1, as the CLI does). */
    readonly code: number,
  ) {
    super(status);
  }
}

/** The exit code and stderr text for any error a command threw. */
export function exitFor(err: unknown): { code: number; text: string } {
  if (err instanceof StatusError) return { code: err.code === 0 ? 1 : err.code, text: err.status };
  return { code: 1, text: err instanceof Error ? err.message : String(err) };
}
