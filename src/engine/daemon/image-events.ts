// Image events as moby's ImageService.LogImageEvent publishes them: the actor is the image (by ID,
// or by name for pull and push), its attributes are the image's labels — while it still exists —
// plus `name`. Which ID and name each action uses:
//
//   tag     ID sha256:…, name = the new tag (familiar)      pull, push  ID = name = `alpine:latest`
//   untag   ID = name = sha256:…                            delete, load, save  ID = name = sha256:…
//   prune   no ID; attribute `reclaimed` = bytes freed
import type { DaemonContext } from './context';

export type ImageAction = 'tag' | 'untag' | 'delete' | 'pull' | 'push' | 'load' | 'save' | 'import';

export function logImageEvent(ctx: DaemonContext, id: string, name: string, action: ImageAction): void {
  let labels: Record<string, string> = {};
  try {
    labels = ctx.store.resolve(id)?.config.config?.Labels ?? {};
  } catch {
    // Not a reference the store can look up: no labels.
  }
  const Attributes: Record<string, string> = { ...labels };
  if (name !== '') Attributes.name = name;
  ctx.events.emit({ Type: 'image', Action: action, Actor: { ID: id, Attributes } });
}

export function logImagePrune(ctx: DaemonContext, reclaimed: number): void {
  ctx.events.emit({ Type: 'image', Action: 'prune', Actor: { ID: '', Attributes: { reclaimed: String(reclaimed) } } });
}
