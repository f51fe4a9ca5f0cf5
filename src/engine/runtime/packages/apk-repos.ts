// Where apk gets its packages: the repositories in /etc/apk/repositories (main and community of
// the release's branch on dl-cdn.alpinelinux.org), plus any given with `-X`. Each repository has an
// APKINDEX.tar.gz per architecture; apk fetches it (`fetch …/x86_64/APKINDEX.tar.gz`) unless a
// copy is cached in /var/cache/apk, and `apk update` always refreshes it.
import type { ProcessContext } from '../contract';

export function repositories(ctx: ProcessContext, extra: readonly string[]): string[] {
  let lines: string[] = [];
  try {
    lines = ctx.fs.readText('/etc/apk/repositories').split('\n');
  } catch {
    // no repositories file: only -X ones
  }
  return [...lines.map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')), ...extra];
}

export function indexUrl(repo: string, arch: string): string {
  return `${repo.replace(/\/$/, '')}/${arch}/APKINDEX.tar.gz`;
}

/** apk names its cached copy after a hash of the URL: /var/cache/apk/APKINDEX.1a2b3c4d.tar.gz. */
export function cachePath(repo: string, arch: string): string {
  let h = 0x811c9dc5;
  for (const c of indexUrl(repo, arch)) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return `/var/cache/apk/APKINDEX.${h.toString(16).padStart(8, '0')}.tar.gz`;
}

/** Is there a way out to the internet? A container with only `lo` (--network none) has none. */
export function online(ctx: ProcessContext): boolean {
  return ctx.net.interfaces().some((i) => i.name !== 'lo' && i.addresses.length > 0);
}

/** `v3.21.3-133-g…` — the repository's git description, as `apk update` prints it. */
export function repoDescription(repo: string, release: string): string {
  const community = repo.includes('/community');
  let h = 7;
  for (const c of repo) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `v${release}-${community ? 212 : 133}-g${h.toString(16).padStart(8, '0')}${(h >>> 3).toString(16).slice(0, 3)}`;
}

/** How many packages `apk update` reports as available, per branch (main + community). */
export const DISTINCT_PACKAGES: Readonly<Record<string, number>> = { '3.19': 23_408, '3.20': 24_163, '3.21': 25_394 };
