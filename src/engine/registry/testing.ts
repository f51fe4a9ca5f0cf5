// Test support shared by the registry's tests: a registry over an in-memory store, a clock the test
// moves, and a client that does the bearer-token dance the way docker and skopeo do.
import { utf8 } from '../bytes';
import { MemoryBlobStore } from '../store/memory-blob-store';
import type { Body, Headers, WireRequest, WireResponse } from '../wire/message';
import { getHeader } from '../wire/message';
import { createAccount } from './auth/accounts';
import { basicHeader } from './auth/base64';
import type { RegistryConfig } from './config';
import { createRegistry } from './registry';
import { RegistryState } from './state';

export async function testRegistry(overrides: Partial<RegistryConfig> = {}) {
  let clock = Date.UTC(2026, 0, 1);
  let ids = 0;
  const store = new MemoryBlobStore();
  const state = new RegistryState(store);
  const config: RegistryConfig = {
    name: 'registry.example.com',
    service: 'registry.example.com',
    realm: 'http://registry.example.com/token',
    tokenSecret: 'test-secret',
    tokenSeconds: 300,
    visibility: 'private',
    pushRule: 'members',
    protectedNamespaces: [],
    deleteEnabled: true,
    accounts: [await createAccount('student', 'dockyard'), await createAccount('other', 'secret')],
    uploadTimeoutMs: 60_000,
    ...overrides,
  };
  const handler = createRegistry({ config, state, now: () => clock, nextId: () => `id-${++ids}` });
  return {
    config,
    state,
    store,
    handler,
    advance(ms: number) {
      clock += ms;
    },
    /** A token for `scope` as `user` (or anonymous), straight from the token endpoint. */
    async token(scope: string, user?: [string, string]): Promise<string> {
      const headers: Headers = user ? { Authorization: basicHeader(user[0], user[1]) } : {};
      const res = await handler({
        method: 'GET',
        url: `/token?service=${config.service}&scope=${encodeURIComponent(scope)}`,
        headers,
      });
      if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}`);
      return (JSON.parse(new TextDecoder().decode(res.body as Uint8Array)) as { token: string }).token;
    },
  };
}

export type TestRegistry = Awaited<ReturnType<typeof testRegistry>>;

export function request(method: string, url: string, headers: Headers = {}, body?: Body | string): WireRequest {
  return { method, url, headers, body: typeof body === 'string' ? utf8(body) : body };
}

export function bodyText(res: WireResponse): string {
  return res.body instanceof Uint8Array ? new TextDecoder().decode(res.body) : '';
}

export function bodyJson(res: WireResponse): unknown {
  return JSON.parse(bodyText(res));
}

export function header(res: WireResponse, name: string): string | undefined {
  return getHeader(res, name);
}
