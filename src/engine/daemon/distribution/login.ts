// `docker login` inside the daemon (moby `daemon/pkg/registry` Service.Auth, loginV2): the
// daemon does not keep the credentials — the client stores them — it only checks them the way a
// pull would use them. It pings the registry's `/v2/`, answers the challenge (for a token server:
// `GET <realm>?account=…&client_id=docker&offline_token=true&service=…` with Basic credentials),
// and asks for `/v2/` again with the token. A `200` means the login succeeded.
//
//   wrong password →  401  Get "https://registry.example.com/v2/": unauthorized: incorrect username or password
import { DaemonError } from '../api/errors';
import type { DaemonContext } from '../context';
import { endpointUrl, loginDomain, registryEndpoint } from './endpoint';
import type { AuthConfig } from './registry-auth';
import { RegistryClient } from './registry-client';
import { firstRegistryError, RequestError, statusLine } from './registry-errors';
import { readBody } from '../../wire/message';

export interface LoginResult {
  IdentityToken: string;
  Status: 'Login Succeeded';
}

/** Check `auth` against the registry its `serveraddress` names; throws the API error on failure. */
export async function login(ctx: DaemonContext, auth: AuthConfig, userAgent: string): Promise<LoginResult> {
  const endpoint = registryEndpoint(loginDomain(auth.serveraddress ?? ''));
  const client = new RegistryClient({
    transport: ctx.transport,
    endpoint,
    auth,
    scopes: [],
    now: () => ctx.now(),
    userAgent,
    offlineAccess: true,
  });
  try {
    await client.ping();
    const response = await client.request('GET', '/v2/');
    await readBody(response.body);
    if (response.status !== 200) {
      throw new Error(
        `login attempt to ${endpointUrl(endpoint, '/v2/')} failed with status: ${statusLine(response.status)}`,
      );
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // translateV2AuthError: a refusal of the credentials themselves is 401, anything else 500.
    if (err instanceof RequestError && firstRegistryError(err.cause)?.code === 'UNAUTHORIZED') {
      throw DaemonError.unauthorized(message);
    }
    throw DaemonError.system(message);
  }
  return { IdentityToken: '', Status: 'Login Succeeded' };
}
