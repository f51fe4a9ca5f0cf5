// Which repositories the last messages to each registry were about (`GET /v2/library/alpine/…`),
// newest first — the stage lists them first so what the student just pulled or pushed is in view;
// then the repositories the daemons hold images of.
import type { TraceEntry } from '../../actors/trace/types';
import type { WorldView } from '../../actors/view/types';
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

/**
 * Per registry, the repositories some daemon holds an image of (`student/web:v1` → docker.io
 * `student/web`, `registry.example.com/team/app:1` → `team/app`): after a reload, when the trace
 * no longer says what was pulled or pushed, these are still the student's own.
 */
export function repositoriesOnHosts(view: WorldView): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const host of view.hosts)
    for (const image of host.images)
      for (const reference of [...image.repoTags, ...image.repoDigests]) {
        const { registry, repository } = splitReference(reference);
        const list = (out[registry] ??= []);
        if (!list.includes(repository)) list.push(repository);
      }
  return out;
}

/** The registry and repository of an image reference, as Docker reads a name. */
function splitReference(reference: string): { registry: string; repository: string } {
  const name = reference.split('@')[0]!.replace(/:[^/:]+$/, '');
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  if (first.includes('.') || first.includes(':') || first === 'localhost')
    return { registry: first, repository: name.slice(slash + 1) };
  return { registry: 'docker.io', repository: slash < 0 ? `library/${name}` : name };
}
