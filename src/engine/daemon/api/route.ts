// A route of the Docker Engine API: one method, one path pattern, one handler. The router strips
// the `/v1.NN` version prefix before matching, so patterns are written against the bare path
// (`/images/json`, `/images/(.+)/tag`), and each capture group is handed to the handler as `match`.
// Route tables are plain data, so the daemon's API reads like the Engine API reference.
import type { WireRequest, WireResponse } from '../../wire/message';
import type { DaemonContext } from '../context';

export interface Route {
  /** HTTP method in upper case: `GET`, `POST`, `DELETE`, `HEAD`. */
  method: string;
  /** Anchored pattern over the unversioned path (no query string), e.g. `/^\/images\/(.+)\/json$/`. */
  pattern: RegExp;
  /** Answer the request; throw a `DaemonError` for an API error (the router writes its body). */
  handle(ctx: DaemonContext, req: WireRequest, match: RegExpExecArray): Promise<WireResponse>;
}
