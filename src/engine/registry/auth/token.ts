// Registry bearer tokens (distribution docs/spec/auth/jwt.md): a JWT whose `access` claim lists,
// per repository, the actions the token server granted. We sign with HMAC-SHA256 (HS256) using the
// registry's own secret; the registry checks signature, audience and expiry before every request.
import { tracked } from '../../activity';
import { fromUtf8, utf8 } from '../../bytes';
import { fromBase64Url, toBase64Url } from './base64';

export interface Access {
  type: string;
  name: string;
  actions: string[];
}

export interface TokenClaims {
  iss: string;
  sub: string;
  aud: string;
  exp: number;
  nbf: number;
  iat: number;
  jti: string;
  access: Access[];
}

async function key(secret: string): Promise<CryptoKey> {
  return tracked(
    crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']),
  );
}

export async function signToken(claims: TokenClaims, secret: string): Promise<string> {
  const head = toBase64Url(utf8(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));
  const body = toBase64Url(utf8(JSON.stringify(claims)));
  const sig = await tracked(crypto.subtle.sign('HMAC', await key(secret), utf8(`${head}.${body}`)));
  return `${head}.${body}.${toBase64Url(new Uint8Array(sig))}`;
}

/** The claims of a valid token for `audience` at time `nowSeconds`, or undefined. */
export async function verifyToken(
  token: string,
  secret: string,
  audience: string,
  nowSeconds: number,
): Promise<TokenClaims | undefined> {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [head, body, sig] = parts as [string, string, string];
  try {
    const ok = await tracked(
      crypto.subtle.verify('HMAC', await key(secret), fromBase64Url(sig), utf8(`${head}.${body}`)),
    );
    if (!ok) return undefined;
    const claims = JSON.parse(fromUtf8(fromBase64Url(body))) as TokenClaims;
    if (claims.aud !== audience || claims.exp <= nowSeconds || claims.nbf > nowSeconds + 60) return undefined;
    return Array.isArray(claims.access) ? claims : undefined;
  } catch {
    return undefined;
  }
}

/** Parse a `scope` parameter: `repository:team/app:pull,push` (several may be space-separated). */
export function parseScopes(scopes: string[]): Access[] {
  const out: Access[] = [];
  for (const scope of scopes.flatMap((s) => s.split(' ')).filter(Boolean)) {
    const first = scope.indexOf(':');
    const last = scope.lastIndexOf(':');
    if (first < 0 || last === first) continue;
    out.push({
      type: scope.slice(0, first),
      name: scope.slice(first + 1, last),
      actions: scope
        .slice(last + 1)
        .split(',')
        .filter(Boolean),
    });
  }
  return out;
}

export function formatScope(access: Access): string {
  return `${access.type}:${access.name}:${access.actions.join(',')}`;
}
