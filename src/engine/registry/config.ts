// A registry's identity and rules, as data: who may pull and push where. Docker Hub lets anyone pull
// public repositories and each user push only into their own namespace; a private registry (self-
// hosted or at a provider) asks for a login before anything at all.
import type { Account } from './auth/accounts';

export interface RegistryConfig {
  /** The name clients use in image references: `docker.io`, `registry.example.com`. */
  name: string;
  /** The `service` of the bearer challenge and the token's audience (`registry.docker.io` for the hub). */
  service: string;
  /** Where the token endpoint is; the realm of the challenge. */
  realm: string;
  /** Secret the registry and its token server share for signing tokens. */
  tokenSecret: string;
  /** Lifetime of issued tokens (Docker Hub: 300 s). */
  tokenSeconds: number;
  /** `public`: anonymous pulls of existing repositories; `private`: nothing without a login. */
  visibility: 'public' | 'private';
  /** `own-namespace`: a user pushes only to `<username>/…` (Docker Hub); `members`: any account pushes anywhere. */
  pushRule: 'own-namespace' | 'members';
  /** Repositories nobody may push to, e.g. the hub's `library/` official images. */
  protectedNamespaces: string[];
  /** Whether `DELETE` of manifests and blobs is enabled (distribution's `storage.delete.enabled`). */
  deleteEnabled: boolean;
  accounts: Account[];
  /** Upload sessions untouched for this long are dropped. */
  uploadTimeoutMs: number;
}

export type Action = 'pull' | 'push' | 'delete';

/**
 * The actions `user` (undefined: anonymous) is granted on `repository`, out of those asked for.
 * `exists` says whether the repository holds anything yet: public pulls only see what exists.
 */
export function grantedActions(
  config: RegistryConfig,
  user: string | undefined,
  repository: string,
  asked: string[],
  exists: boolean,
): Action[] {
  const namespace = repository.split('/')[0] ?? '';
  const own = user !== undefined && namespace === user;
  const isProtected = config.protectedNamespaces.includes(namespace);
  const mayPush =
    user !== undefined &&
    !isProtected &&
    (config.pushRule === 'members' || (config.pushRule === 'own-namespace' && own));
  const mayPull = config.visibility === 'public' ? exists || own : user !== undefined;
  const granted: Action[] = [];
  for (const a of asked) {
    if ((a === 'pull' && mayPull) || (a === 'push' && mayPush) || (a === 'delete' && mayPush)) granted.push(a);
    if (a === '*' && mayPush) granted.push('pull', 'push', 'delete');
  }
  return [...new Set(granted)];
}
