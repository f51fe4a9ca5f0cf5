// Who may do what: the registry side of token authentication. Each request needs some actions on
// one repository (pull to read, push to write, delete to delete); the bearer token must carry them.
// Without a valid token, or with one that lacks an action, the answer is 401 UNAUTHORIZED with a
// challenge saying where to get one (`error="insufficient_scope"` when the token was too weak). The
// reference registry answers this way for anonymous and logged-in callers alike — never 403 — and
// clients render the insufficient-scope case as "denied: requested access to the resource is denied".
import type { WireRequest } from '../wire/message';
import { getHeader } from '../wire/message';
import { formatScope, verifyToken, type TokenClaims } from './auth/token';
import type { RegistryConfig } from './config';
import { RegistryError } from './errors';
import type { Route } from './routes';

export interface Need {
  /** `repository` or `registry` (the catalog). */
  type: string;
  name: string;
  actions: string[];
}

/** The access a route needs, or undefined for `/v2/` which only needs a valid login. */
export function accessNeeded(method: string, route: Route): Need | undefined {
  if (route.kind === 'catalog') return { type: 'registry', name: 'catalog', actions: ['*'] };
  if (!('name' in route)) return undefined;
  const write = method === 'POST' || method === 'PUT' || method === 'PATCH';
  const uploadDelete = method === 'DELETE' && route.kind === 'upload';
  if (write || uploadDelete) return { type: 'repository', name: route.name, actions: ['pull', 'push'] };
  if (method === 'DELETE') return { type: 'repository', name: route.name, actions: ['delete'] };
  return { type: 'repository', name: route.name, actions: ['pull'] };
}

function challenge(config: RegistryConfig, need: Need | undefined, error?: string): string {
  let value = `Bearer realm="${config.realm}",service="${config.service}"`;
  if (need) value += `,scope="${formatScope(need)}"`;
  if (error) value += `,error="${error}"`;
  return value;
}

function unauthorized(config: RegistryConfig, need: Need | undefined, error?: string): RegistryError {
  const detail = need ? need.actions.map((a) => ({ Type: need.type, Class: '', Name: need.name, Action: a })) : null;
  return new RegistryError('UNAUTHORIZED', detail, { 'WWW-Authenticate': challenge(config, need, error) });
}

/** Check the request's bearer token against what the route needs; throws the 401/403 to send. */
export async function authorize(
  config: RegistryConfig,
  request: WireRequest,
  need: Need | undefined,
  nowSeconds: number,
): Promise<TokenClaims> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(getHeader(request, 'Authorization') ?? '');
  const claims = m ? await verifyToken(m[1]!, config.tokenSecret, config.service, nowSeconds) : undefined;
  if (!claims) throw unauthorized(config, need, m ? 'invalid_token' : undefined);
  if (!need) return claims;
  const granted = new Set(
    claims.access.filter((a) => a.type === need.type && a.name === need.name).flatMap((a) => a.actions),
  );
  const missing = need.actions.filter((a) => !granted.has(a) && !granted.has('*'));
  if (missing.length === 0) return claims;
  throw unauthorized(config, need, 'insufficient_scope');
}
