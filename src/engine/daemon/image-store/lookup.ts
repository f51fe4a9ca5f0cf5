// How the daemon finds the image a user named (moby's GetImage), in this order:
//
//   a full ID, bare (`3f1d…`, 64 hex) or prefixed (`sha256:3f1d…`)  → that image, or nothing;
//   a name — familiar or full, tagged, digested or bare (bare = `:latest`) → what the name points at;
//   otherwise a short ID prefix of any length (`3f`, `sha256:3f1d`)   → the one image it starts,
//                                                                        or nothing when ambiguous.
//
// So a tag beats an ID prefix: if an image is tagged `abc:latest`, `docker rmi abc` removes the tag,
// whatever IDs start with `abc`. Text that is not a reference at all throws InvalidReferenceError
// (`invalid reference format…`). When nothing matches, Docker says `No such image: <name>` with the
// name normalised to `name:tag` in familiar form (`noSuchImageMessage`).
import { encodedOf, type Digest } from '../../digest';
import { familiarString, isNamed, parseAnyReference, withDefaultTag } from '../../reference';
import type { ReferenceStore } from './references';

/** The image `text` names, or undefined; throws InvalidReferenceError for text that is no reference. */
export function lookupImage(text: string, references: ReferenceStore, ids: Iterable<Digest>): Digest | undefined {
  const ref = parseAnyReference(text);
  if (!isNamed(ref)) {
    for (const id of ids) if (id === ref.digest) return id;
    return undefined;
  }
  return references.get(ref) ?? searchIdPrefix(text, ids);
}

/** The unique image whose ID's hex starts with `term` (after an optional `sha256:`). */
export function searchIdPrefix(term: string, ids: Iterable<Digest>): Digest | undefined {
  const hex = term.startsWith('sha256:') ? term.slice('sha256:'.length) : term;
  if (!/^[a-f0-9]+$/.test(hex)) return undefined;
  let found: Digest | undefined;
  for (const id of ids) {
    if (!encodedOf(id).startsWith(hex)) continue;
    if (found !== undefined && found !== id) return undefined; // ambiguous
    found = id;
  }
  return found;
}

/** `No such image: alpine:latest` — the name as Docker's ErrImageDoesNotExist prints it. */
export function noSuchImageMessage(text: string): string {
  try {
    const ref = parseAnyReference(text);
    return `No such image: ${isNamed(ref) ? familiarString(withDefaultTag(ref)) : ref.digest}`;
  } catch {
    return `No such image: ${text}`;
  }
}
