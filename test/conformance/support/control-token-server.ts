// A token server for the reference registry (the control): the same accounts and the same access
// policy as Dockyard's registries, but signing RS256 tokens with an x509 certificate, which is what
// distribution's token authentication verifies (`x5c` header checked against `rootcertbundle`).
import { createSign, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { utf8 } from '../../../src/engine/bytes';
import { checkPassword } from '../../../src/engine/registry/auth/accounts';
import { parseBasic, toBase64Url } from '../../../src/engine/registry/auth/base64';
import { parseScopes, type Access } from '../../../src/engine/registry/auth/token';
import { grantedActions, type RegistryConfig } from '../../../src/engine/registry/config';
import { mustRun } from './processes';

export interface SigningIdentity {
  certPath: string;
  keyPem: string;
  certDer: string;
}

export async function makeSigningIdentity(dir: string): Promise<SigningIdentity> {
  const certPath = join(dir, 'token.crt');
  const keyPath = join(dir, 'token.key');
  await mustRun('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=dockyard-control-token',
    '-days',
    '2',
    '-keyout',
    keyPath,
    '-out',
    certPath,
  ]);
  const cert = new X509Certificate(readFileSync(certPath));
  return { certPath, keyPem: readFileSync(keyPath, 'utf8'), certDer: cert.raw.toString('base64') };
}

/**
 * Answer a token request as our token endpoint would, signed for the reference registry.
 * `exists` tells whether a repository has content (the control registry is asked over HTTP).
 */
export async function controlToken(
  config: RegistryConfig,
  identity: SigningIdentity,
  authorization: string | undefined,
  scopes: string[],
  exists: (repo: string) => Promise<boolean>,
): Promise<{ status: number; body: unknown }> {
  const creds = parseBasic(authorization);
  let user: string | undefined;
  if (creds) {
    const account = config.accounts.find((a) => a.username === creds.username);
    if (!account || !(await checkPassword(account, creds.password)))
      return { status: 401, body: { details: 'incorrect username or password' } };
    user = account.username;
  }
  const access: Access[] = [];
  for (const asked of parseScopes(scopes)) {
    if (asked.type !== 'repository') continue;
    access.push({
      type: 'repository',
      name: asked.name,
      actions: grantedActions(config, user, asked.name, asked.actions, await exists(asked.name)),
    });
  }
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', x5c: [identity.certDer] };
  const claims = {
    iss: 'dockyard-control',
    sub: user ?? '',
    aud: config.service,
    exp: now + 300,
    nbf: now - 5,
    iat: now,
    jti: String(Math.random()),
    access,
  };
  const signingInput = `${toBase64Url(utf8(JSON.stringify(header)))}.${toBase64Url(utf8(JSON.stringify(claims)))}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(identity.keyPem);
  const token = `${signingInput}.${toBase64Url(new Uint8Array(signature))}`;
  return { status: 200, body: { token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() } };
}
