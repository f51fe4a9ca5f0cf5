// Which repositories the last messages to each registry were about (`GET /v2/library/alpine/…`),
// newest first — the stage lists them first so what the student just pulled or pushed is in view.
import type { TraceEntry } from '../../actors/trace/types';
import { siteOfHost } from '../../actors/world/layout';

const REPOSITORY_PATH = /^\/v2\/(.+?)\/(?:manifests|blobs|tags)\//;

export function recentRepositories(entries: readonly TraceEntry[], window = 300): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (let i = entries.length - 1; i >= 0 && i >= entries.length - window; i--) {
    const e = entries[i]!;
    if (e.kind !== 'request') continue;
    const site = siteOfHost(e.to.host);
    const match = REPOSITORY_PATH.exec(e.url.split('?')[0] ?? '');
    if (!site || !match) continue;
    const list = (out[site.name] ??= []);
    if (!list.includes(match[1]!)) list.push(match[1]!);
  }
  return out;
}
