// The Engine API router, after moby's api/server: strip the optional `/v1.NN` prefix, refuse API
// versions the daemon does not speak, find the route, and turn whatever it throws into Docker's
// `{"message": …}` answer. Every answer carries the headers dockerd's middlewares add:
//
//   Api-Version: 1.50          the newest version served (clients negotiate down from it)
//   Docker-Experimental: false
//   Ostype: linux
//   Server: Docker/28.2.2 (linux)
//
// A path or method the API does not have is `404 {"message":"page not found"}` — gorilla/mux's
// not-found and method-not-allowed both go to moby's pageNotFoundError. Paths are matched decoded,
// as mux matches `URL.Path`, and image names keep their `/` and `:`
// (`/images/127.0.0.1:5000/demo/alpine/push`).
import type { Handler, WireRequest, WireResponse } from '../../wire/message';
import { splitUrl } from '../../wire/message';
import type { DaemonContext } from '../context';
import { API_VERSION, ENGINE_VERSION, MIN_API_VERSION, compareApiVersions } from '../version';
import { DaemonError, errorResponse } from './errors';
import type { Route } from './route';

const versionPrefix = /^\/v([0-9.]+)(\/.*)$/;

/** Headers every Engine API answer carries. */
export function commonHeaders(): Record<string, string> {
  return {
    'Api-Version': API_VERSION,
    'Docker-Experimental': 'false',
    Ostype: 'linux',
    Server: `Docker/${ENGINE_VERSION} (linux)`,
  };
}

/** The API version a request asks for: its `/v1.NN` prefix, or the newest when it has none. */
export function apiVersionOf(req: WireRequest): string {
  return versionPrefix.exec(splitUrl(req.url).path)?.[1] ?? API_VERSION;
}

/** The request path without its version prefix, percent-decoded. */
export function routePath(req: WireRequest): string {
  const path = splitUrl(req.url).path;
  const bare = versionPrefix.exec(path)?.[2] ?? path;
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}

function checkVersion(version: string): void {
  if (compareApiVersions(version, MIN_API_VERSION) < 0) {
    throw DaemonError.invalidParameter(
      `client version ${version} is too old. Minimum supported API version is ${MIN_API_VERSION}, please upgrade your client to a newer version`,
    );
  }
  if (compareApiVersions(version, API_VERSION) > 0) {
    throw DaemonError.invalidParameter(
      `client version ${version} is too new. Maximum supported API version is ${API_VERSION}`,
    );
  }
}

async function dispatch(routes: readonly Route[], ctx: DaemonContext, req: WireRequest): Promise<WireResponse> {
  checkVersion(apiVersionOf(req));
  const path = routePath(req);
  const method = req.method.toUpperCase();
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) return route.handle(ctx, req, match);
  }
  throw DaemonError.pageNotFound();
}

/** A handler serving `routes` (tried in order) against one daemon's context. */
export function createRouter(routes: readonly Route[], ctx: DaemonContext): Handler {
  return async (req) => {
    const headers = commonHeaders();
    try {
      const answer = await dispatch(routes, ctx, req);
      return { ...answer, headers: { ...headers, ...answer.headers } };
    } catch (err) {
      return errorResponse(err, headers);
    }
  };
}
