// Fetching bearer tokens (distribution docs/spec/auth/token.md; `registry/client/auth/session.go`).
// A registry's challenge names a realm — the token server, often another host (`auth.docker.io`)
// — and a service. The client asks the realm for a token covering the scopes it needs, with Basic
// credentials when it has them, and names the account:
//
//   GET https://auth.docker.io/token?account=student&scope=repository%3Astudent%2Fweb%3Apush%2Cpull&service=registry.docker.io
//   Authorization: Basic c3R1ZGVudDpkb2NreWFyZA==
//   → {"token":"…","access_token":"…","expires_in":300,"issued_at":"…"}
//
// A token is reused until it expires, per set of scopes; a request that needs one more scope (a
// cross-repository mount needs `pull` on the source) gets a fresh token, which is not cached.
// `docker login` asks with `offline_token=true&client_id=docker` and no scope at all.
import { readBody } from '../../wire/message';
import { basicHeader } from '../../registry/auth/base64';
import { RegistryApiError, errorFromResponse } from './registry-errors';
import { encodeQuery } from './query';
import type { Transport } from './transport';

/** The client ID dockerd gives token servers (moby registry.AuthClientID). */
export const AUTH_CLIENT_ID = 'docker';
/** distribution's floor on a token's lifetime: shorter `expires_in` values count as 60 s. */
const MINIMUM_TOKEN_SECONDS = 60;

export interface TokenRequest {
  realm: string;
  service?: string;
  scopes: readonly string[];
  credentials?: { username: string; password: string };
  /** `docker login`: ask for a token usable offline (`offline_token=true&client_id=docker`). */
  offlineAccess?: boolean;
}

export interface Token {
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** The realm is not a URL the client can use. */
export class TokenRealmError extends Error {
  override name = 'TokenRealmError';
}

/** Ask a realm for a token (fetchTokenWithBasicAuth). Errors print as dockerd's client prints them. */
export async function fetchToken(
  transport: Transport,
  request: TokenRequest,
  now: number,
  headers: Record<string, string>,
): Promise<Token> {
  let realm: URL;
  try {
    realm = new URL(request.realm);
  } catch {
    throw new TokenRealmError(`invalid token auth challenge realm: ${request.realm}`);
  }
  const params: [string, string][] = [...realm.searchParams];
  if (request.service) params.push(['service', request.service]);
  for (const scope of request.scopes) params.push(['scope', scope]);
  if (request.offlineAccess) params.push(['offline_token', 'true'], ['client_id', AUTH_CLIENT_ID]);
  const sent: Record<string, string> = { ...headers };
  if (request.credentials) {
    params.push(['account', request.credentials.username]);
    sent.Authorization = basicHeader(request.credentials.username, request.credentials.password);
  }
  const query = encodeQuery(params);
  const url = realm.pathname + (query ? `?${query}` : '');
  const response = await transport(realm.host, { method: 'GET', url, headers: sent });
  const body = await readBody(response.body);
  if (response.status < 200 || response.status > 299) throw errorFromResponse(response, body);
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>;
  } catch {
    throw new RegistryApiError('UNKNOWN', 'unable to decode token response');
  }
  const token = typeof parsed.token === 'string' && parsed.token ? parsed.token : parsed.access_token;
  if (typeof token !== 'string' || token === '') {
    throw new Error('authorization server did not include a token in the response');
  }
  const expiresIn = typeof parsed.expires_in === 'number' ? parsed.expires_in : 0;
  const issuedAt = typeof parsed.issued_at === 'string' ? Date.parse(parsed.issued_at) : NaN;
  const issued = Number.isFinite(issuedAt) ? issuedAt : now;
  return { token, expiresAt: issued + Math.max(expiresIn, MINIMUM_TOKEN_SECONDS) * 1000 };
}
