// The registries of Dockyard's world, as data. `docker.io` is the public hub: anyone pulls, each
// user pushes into their own namespace, official images live under `library/`. The other two are
// private: `registry.example.com` is self-hosted by the student's company, `cr.example.net` is a
// registry run by a third-party provider — same protocol and rules, different accounts.
import { createAccount } from './auth/accounts';
import type { RegistryConfig } from './config';

export const worldRegistryNames = ['docker.io', 'registry.example.com', 'cr.example.net'] as const;
export type WorldRegistryName = (typeof worldRegistryNames)[number];

export function isWorldRegistry(name: string): name is WorldRegistryName {
  return (worldRegistryNames as readonly string[]).includes(name);
}

/** The realm each registry's challenge names inside the simulated world. */
export const worldRealms: Record<WorldRegistryName, string> = {
  'docker.io': 'https://auth.docker.io/token',
  'registry.example.com': 'https://registry.example.com/token',
  'cr.example.net': 'https://auth.cr.example.net/token',
};

/** Accounts per registry: the student's everywhere, plus a colleague or two so namespaces differ. */
const accounts: Record<WorldRegistryName, [string, string][]> = {
  'docker.io': [
    ['student', 'dockyard'],
    ['acme', 'acme-hub-2026'],
  ],
  'registry.example.com': [
    ['student', 'dockyard'],
    ['ci-bot', 'ci-bot-token'],
  ],
  'cr.example.net': [
    ['student', 'dockyard'],
    ['ops', 'ops-at-provider'],
  ],
};

export async function worldRegistryConfig(name: WorldRegistryName, realm = worldRealms[name]): Promise<RegistryConfig> {
  const hub = name === 'docker.io';
  return {
    name,
    service: hub ? 'registry.docker.io' : name,
    realm,
    tokenSecret: `dockyard-token-secret:${name}`,
    tokenSeconds: 300,
    visibility: hub ? 'public' : 'private',
    pushRule: hub ? 'own-namespace' : 'members',
    protectedNamespaces: hub ? ['library'] : [],
    deleteEnabled: !hub,
    accounts: await Promise.all(accounts[name].map(([user, password]) => createAccount(user, password))),
    uploadTimeoutMs: 10 * 60_000,
  };
}
