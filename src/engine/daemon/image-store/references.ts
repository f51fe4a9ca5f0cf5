// The reference store: which names point at which image. Docker keeps two kinds of name for an
// image — tags (`docker.io/library/alpine:latest`), which move when re-tagged, and digest references
// (`docker.io/library/alpine@sha256:…`, the manifest it was pulled by), which never move. Both map a
// full reference to an image ID; an image may have many names, and a name exactly one image.
// `referencesOf` lists an image's names sorted by their full text, as moby's store does.
import type { Digest } from '../../digest';
import {
  fullName,
  fullString,
  nameOnly,
  parseReference,
  withDefaultTag,
  withDigest,
  type ImageReference,
} from '../../reference';
import { ReferenceConflictError } from './errors';

export class ReferenceStore {
  private readonly byRef = new Map<string, Digest>();

  /** Point a tag at an image, moving it if it pointed elsewhere (tags are always forced here). */
  addTag(ref: ImageReference, id: Digest): void {
    if (ref.digest !== undefined) throw new ReferenceConflictError('refusing to create a tag with a digest reference');
    this.byRef.set(fullString(withDefaultTag(ref)), id);
  }

  /** Record the manifest digest an image was pulled or pushed by; a digest can never be moved. */
  addDigest(ref: ImageReference, id: Digest): void {
    if (ref.digest === undefined) throw new ReferenceConflictError('reference is not a digest reference');
    const key = fullString(withDigest(nameOnly(ref), ref.digest));
    const old = this.byRef.get(key);
    if (old !== undefined && old !== id) throw new ReferenceConflictError(`Cannot overwrite digest ${ref.digest}`);
    this.byRef.set(key, id);
  }

  /** The image a name points at: by digest if it has one, else by tag (`latest` if none). */
  get(ref: ImageReference): Digest | undefined {
    const key =
      ref.digest !== undefined ? fullString(withDigest(nameOnly(ref), ref.digest)) : fullString(withDefaultTag(ref));
    return this.byRef.get(key);
  }

  /** Remove one name (a bare name means its `latest` tag); true when it existed. */
  delete(ref: ImageReference): boolean {
    const key =
      ref.digest !== undefined ? fullString(withDigest(nameOnly(ref), ref.digest)) : fullString(withDefaultTag(ref));
    return this.byRef.delete(key);
  }

  /** Every name of an image, sorted by full text. */
  referencesOf(id: Digest): ImageReference[] {
    return [...this.byRef.entries()]
      .filter(([, target]) => target === id)
      .map(([text]) => text)
      .sort()
      .map(parseReference);
  }

  /** Every name in one repository (`docker save alpine` saves them all), sorted. */
  byRepository(repository: ImageReference): { ref: ImageReference; id: Digest }[] {
    const wanted = fullName(repository);
    return [...this.byRef.entries()]
      .map(([text, id]) => ({ ref: parseReference(text), id }))
      .filter(({ ref }) => fullName(ref) === wanted)
      .sort((a, b) => (fullString(a.ref) < fullString(b.ref) ? -1 : 1));
  }

  entries(): { ref: string; id: Digest }[] {
    return [...this.byRef.entries()].map(([ref, id]) => ({ ref, id }));
  }
}
