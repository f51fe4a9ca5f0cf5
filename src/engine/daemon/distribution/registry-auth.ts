// The credentials a docker client sends along: `X-Registry-Auth`, the base64url of a JSON
// AuthConfig (moby api/pkg/authconfig). `docker login` stores them in the client's config.json;
// the client sends them with each pull and push, and the daemon uses them against the registry —
// Basic credentials for the token server (or the registry itself), or an identity token.
//
//   e30=                                              → {}            anonymous
//   eyJ1c2VybmFtZSI6InN0dWRlbnQiLCJwYXNzd29yZCI6…    → {"username":"student","password":"dockyard",…}
//
// For a pull or a push an undecodable header is ignored, as dockerd ignores it ("to increase
// compatibility with the existing API"): the request proceeds anonymously.
import { fromUtf8 } from '../../bytes';
import { fromBase64Url } from '../../registry/auth/base64';

export interface AuthConfig {
  username?: string;
  password?: string;
  serveraddress?: string;
  identitytoken?: string;
  registrytoken?: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Read an AuthConfig object from parsed JSON, keeping only the string fields dockerd uses. */
export function authConfigFrom(value: unknown): AuthConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const v = value as Record<string, unknown>;
  const out: AuthConfig = {};
  const username = text(v.username);
  const password = text(v.password);
  const serveraddress = text(v.serveraddress);
  const identitytoken = text(v.identitytoken);
  const registrytoken = text(v.registrytoken);
  if (username !== undefined) out.username = username;
  if (password !== undefined) out.password = password;
  if (serveraddress !== undefined) out.serveraddress = serveraddress;
  if (identitytoken !== undefined) out.identitytoken = identitytoken;
  if (registrytoken !== undefined) out.registrytoken = registrytoken;
  return out;
}

/** Decode `X-Registry-Auth`; absent, empty or malformed means anonymous (`{}`). */
export function decodeRegistryAuth(header: string | undefined): AuthConfig {
  if (header === undefined || header.trim() === '') return {};
  try {
    const trimmed = header.trim();
    if (!/^[A-Za-z0-9_\-+/]*={0,2}$/.test(trimmed)) return {};
    return authConfigFrom(JSON.parse(fromUtf8(fromBase64Url(trimmed.replace(/=+$/, '')))));
  } catch {
    return {};
  }
}

/** Whether the config carries a username and password (moby pushState.hasAuthInfo). */
export function hasBasicCredentials(auth: AuthConfig): auth is AuthConfig & { username: string; password: string } {
  return auth.username !== undefined && auth.password !== undefined;
}
