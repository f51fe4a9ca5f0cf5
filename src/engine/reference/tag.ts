// Tags: the movable, human names of an image — `latest`, `3.20`, `v1.2.3-rc.1`.
//
// A tag is 1 to 128 characters: letters, digits and `_`, then also `.` and `-` (never first). It
// is case-sensitive and, unlike a digest, says nothing about the content: `docker tag` can point it
// anywhere. That is why `docker tag` refuses a target that carries a digest: a digest is fixed by
// the content and cannot be assigned.
import { ReferenceRefusedError, TagFormatError } from './errors';
import { isValidTag } from './grammar';
import { parseReference } from './parse';
import { withDefaultTag, type ImageReference } from './reference';

export { isValidTag };

/** Return `text` if it is a valid tag; otherwise throw TagFormatError (`invalid tag format`). */
export function parseTag(text: string): string {
  if (!isValidTag(text)) throw new TagFormatError(text);
  return text;
}

/**
 * The TARGET of `docker tag SOURCE TARGET` (and the name given to `docker commit`), as the docker
 * client checks it before calling the daemon: parsed and normalised, refused if it has a digest,
 * and tagged `latest` when no tag is given.
 */
export function parseTagTarget(target: string): ImageReference {
  const ref = parseReference(target);
  if (ref.digest !== undefined) throw ReferenceRefusedError.tagWithDigest();
  return withDefaultTag(ref);
}
