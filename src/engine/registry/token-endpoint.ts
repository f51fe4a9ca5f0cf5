// The token server (distribution docs/spec/auth/token.md): a client that was answered 401 asks the
// challenge's realm for a token, with Basic credentials or anonymously, naming the scopes it wants.
// It gets back a signed token granting what this user may do — possibly less than asked, possibly
// nothing; the registry then refuses what is missing.
import type { WireRequest, WireResponse } from '../wire/message';
import { getHeader, splitUrl } from '../wire/message';
import { checkPassword } from './auth/accounts';
import { parseBasic } from './auth/base64';
import { parseScopes, signToken, type Access } from './auth/token';
import { grantedActions, type RegistryConfig } from './config';
import { jsonResponse } from './headers';
import type { RegistryState } from './state';

export interface TokenContext {
  config: RegistryConfig;
  state: RegistryState;
  nowMs: number;
  nextId: () => string;
}

export async function tokenEndpoint(ctx: TokenContext, request: WireRequest): Promise<WireResponse> {
  const { config } = ctx;
  if (request.method !== 'GET') return jsonResponse(405, { details: 'method not allowed' });
  const { query } = splitUrl(request.url);
  const creds = parseBasic(getHeader(request, 'Authorization'));
  let user: string | undefined;
  if (creds) {
    const account = config.accounts.find((a) => a.username === creds.username);
    if (!account || !(await checkPassword(account, creds.password))) {
      return jsonResponse(401, { details: 'incorrect username or password' });
    }
    user = account.username;
  }
  const access: Access[] = [];
  for (const asked of parseScopes(query.getAll('scope'))) {
    if (asked.type !== 'repository') continue;
    // A repository exists from its first push on, even when its manifests were deleted since.
    const exists = ctx.state.repository(asked.name) !== undefined;
    const actions = grantedActions(config, user, asked.name, asked.actions, exists);
    access.push({ type: 'repository', name: asked.name, actions });
  }
  const now = Math.floor(ctx.nowMs / 1000);
  const token = await signToken(
    {
      iss: config.realm,
      sub: user ?? '',
      aud: config.service,
      exp: now + config.tokenSeconds,
      nbf: now,
      iat: now,
      jti: ctx.nextId(),
      access,
    },
    config.tokenSecret,
  );
  return jsonResponse(200, {
    token,
    access_token: token,
    expires_in: config.tokenSeconds,
    issued_at: new Date(ctx.nowMs).toISOString(),
  });
}
