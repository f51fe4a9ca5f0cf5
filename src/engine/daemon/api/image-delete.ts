// `DELETE /images/{name}` — `docker rmi`, with the classic daemon's rules (moby ImageDelete):
//
//   by name (`alpine`, `alpine:3.20`, `alpine@sha256:…`): untag that one name. If the image still
//     has other names it stays; if that was the last tag of its repository, the repository's digest
//     references go too; if nothing names it any more, it is deleted.
//   by ID (`3f1d…`, a prefix, `sha256:…`): when all its names are one tag (plus digests of that
//     repository) they are removed and the image deleted; an image named in several repositories
//     is a conflict unless forced: `conflict: unable to delete 3f1d2a4b5c6d (must be forced) - image
//     is referenced in multiple repositories` (409).
//   an image other images are built on cannot be deleted at all (`(cannot be forced) - image has
//     dependent child images`).
//
// Deleting an image frees every layer nothing else uses; the answer lists `Untagged` names, the
// `Deleted` image ID and the `Deleted` chain IDs of freed layers, in that order. Unless `noprune`
// is set, an untagged parent left behind goes too.
//
// Containers (issue 6): an image a running container uses cannot be deleted at all (`(cannot be
// forced) - image is being used by running container …`); one a stopped container uses needs
// `--force` (`(must be forced) - image is being used by stopped container …`); and untagging the
// last name of an image a container uses needs `--force` too (`unable to remove repository
// reference "alpine" (must force) - container … is using its referenced image …`).
import { shortId, type Digest } from '../../digest';
import { familiarString, fullName, parseReference, withDefaultTag, type ImageReference } from '../../reference';
import type { DaemonContext } from '../context';
import { logImageEvent } from '../image-events';
import { containersUsingImage, referenceInUseMessage } from '../containers/image-use';
import { DaemonError } from './errors';
import { findImage } from './image-lookup';

export type DeleteItem = { Untagged: string } | { Deleted: string };

class DeleteConflict extends DaemonError {
  constructor(
    id: Digest,
    readonly hard: boolean,
    detail: string,
    /** A container uses the image (moby's `used`: a quiet parent delete still reports it). */
    readonly used = false,
  ) {
    super(
      409,
      `conflict: unable to delete ${shortId(id)} (${hard ? 'cannot be forced' : 'must be forced'}) - ${detail}`,
    );
  }
}

/** Did the user name the image by (a prefix of) its ID? (moby isImageIDPrefix) */
function isIdPrefix(id: Digest, text: string): boolean {
  return id.startsWith(text) || id.slice(id.indexOf(':') + 1).startsWith(text);
}

/** One tag, or several names all in one repository with at most one tag (moby isSingleReference). */
function isSingleReference(refs: readonly ImageReference[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  let single: ImageReference | undefined;
  const digestRepos = new Set<string>();
  for (const ref of refs) {
    if (ref.digest !== undefined) digestRepos.add(fullName(ref));
    else if (single === undefined) single = ref;
    else return false;
  }
  return digestRepos.size === 1 && digestRepos.has(fullName(single ?? refs[0]!));
}

/** moby checkImageDeleteConflict: hard conflicts always; `references` and `stopped` (soft) when asked. */
function conflict(
  ctx: DaemonContext,
  id: Digest,
  soft: { references: boolean; stopped: boolean },
): DeleteConflict | undefined {
  if (ctx.store.children(id).length > 0) return new DeleteConflict(id, true, 'image has dependent child images');
  const users = containersUsingImage(ctx, id); // containers (issue 6)
  if (users.running !== undefined) {
    return new DeleteConflict(id, true, `image is being used by running container ${users.running.slice(0, 12)}`, true);
  }
  if (soft.references && ctx.store.get(id)!.repoTags.length + ctx.store.get(id)!.repoDigests.length > 0) {
    return new DeleteConflict(id, false, 'image is referenced in multiple repositories');
  }
  if (soft.stopped && users.stopped !== undefined) {
    return new DeleteConflict(
      id,
      false,
      `image is being used by stopped container ${users.stopped.slice(0, 12)}`,
      true,
    );
  }
  return undefined;
}

function untag(ctx: DaemonContext, id: Digest, ref: ImageReference, out: DeleteItem[], logEvent: boolean): void {
  const named = withDefaultTag(ref);
  ctx.store.untag(named);
  out.push({ Untagged: familiarString(named) });
  if (logEvent) logImageEvent(ctx, id, id, 'untag');
}

function referencesOf(ctx: DaemonContext, id: Digest): ImageReference[] {
  const image = ctx.store.get(id);
  return image ? [...image.repoTags, ...image.repoDigests].sort().map(parseReference) : [];
}

async function deleteHelper(
  ctx: DaemonContext,
  id: Digest,
  out: DeleteItem[],
  force: boolean,
  prune: boolean,
  quiet: boolean,
): Promise<void> {
  const found = conflict(ctx, id, { references: !force, stopped: !force });
  if (found) {
    const dangling = referencesOf(ctx, id).length === 0 && ctx.store.children(id).length === 0;
    if (quiet && (!dangling || found.used)) return;
    throw found;
  }
  const parent = ctx.store.get(id)!.parent;
  for (const ref of referencesOf(ctx, id)) untag(ctx, id, ref, out, true);
  const freed = await ctx.store.remove(id);
  logImageEvent(ctx, id, id, 'delete');
  out.push({ Deleted: id }, ...freed.map((chainId) => ({ Deleted: chainId })));
  if (prune && parent !== undefined && ctx.store.get(parent)) await deleteHelper(ctx, parent, out, false, true, true);
}

export async function deleteImage(
  ctx: DaemonContext,
  name: string,
  force: boolean,
  prune: boolean,
): Promise<DeleteItem[]> {
  if (name.trim() === '') throw DaemonError.invalidParameter('image name cannot be blank');
  const image = findImage(ctx, name);
  const id = image.id;
  const out: DeleteItem[] = [];
  let removedRepositoryRef = false;
  if (!isIdPrefix(id, name)) {
    const user = containersUsingImage(ctx, id).any; // containers (issue 6)
    if (!force && user !== undefined && isSingleReference(referencesOf(ctx, id))) {
      throw DaemonError.conflict(referenceInUseMessage(name, user, id));
    }
    const ref = withDefaultTag(parseReference(name));
    untag(ctx, id, ref, out, true);
    let remaining = referencesOf(ctx, id);
    if (ref.digest === undefined) {
      const repoStillTagged = remaining.some((r) => r.digest === undefined && fullName(r) === fullName(ref));
      if (!repoStillTagged) {
        for (const r of remaining.filter((r) => r.digest !== undefined && fullName(r) === fullName(ref))) {
          untag(ctx, id, r, out, false);
        }
        remaining = referencesOf(ctx, id);
      }
    }
    if (remaining.length > 0) return out;
    removedRepositoryRef = true;
  } else {
    const refs = referencesOf(ctx, id);
    if (isSingleReference(refs)) {
      const found = conflict(ctx, id, { references: false, stopped: !force });
      if (found) throw found;
      for (const ref of refs) untag(ctx, id, ref, out, true);
    }
  }
  await deleteHelper(ctx, id, out, force, prune, removedRepositoryRef);
  return out;
}
