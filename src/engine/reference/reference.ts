// An image reference, parsed once into its parts and printed back in two forms.
//
// Docker stores and sends the *full* form — `docker.io/library/alpine:latest` — and shows people
// the *familiar* form — `alpine:latest` — by dropping the default registry `docker.io/` and, for
// official images, the `library/` namespace. Both print from the same immutable value:
//
//   { domain: 'docker.io', path: 'library/alpine', tag: 'latest' }
//     fullString     → docker.io/library/alpine:latest     (what the daemon and registry see)
//     familiarString → alpine:latest                       (what `docker images` prints)
//
// A reference may carry a tag, a digest, both, or neither; `latest` is only ever added on purpose,
// by `withDefaultTag` (Docker's TagNameOnly). A bare image ID (`docker rmi 3f1d…`) is a different
// kind of reference, one with a digest and no name: `DigestReference`.
import type { Digest } from '../digest';
import { TagFormatError } from './errors';
import { isValidTag } from './grammar';

/** A named image reference: where it lives, which repository, and optionally which tag/digest. */
export interface ImageReference {
  /** The registry, e.g. `docker.io`, `localhost:5000`, `[::1]:5000`. */
  readonly domain: string;
  /** The repository within that registry, e.g. `library/alpine`. */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: Digest;
}

/** An image by content alone — what a bare ID or `sha256:…` means to `docker rmi` or `docker tag`. */
export interface DigestReference {
  readonly digest: Digest;
}

export type AnyReference = ImageReference | DigestReference;

/** Docker Hub's canonical domain; `index.docker.io` is its legacy alias. */
export const DEFAULT_DOMAIN = 'docker.io';
export const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
/** The Docker Hub namespace of official images. */
export const OFFICIAL_REPOSITORY_PREFIX = 'library/';
export const DEFAULT_TAG = 'latest';

/** Build a frozen reference; absent parts are left out rather than set to undefined. */
export function imageReference(parts: {
  domain: string;
  path: string;
  tag?: string | undefined;
  digest?: Digest | undefined;
}): ImageReference {
  const ref: { domain: string; path: string; tag?: string; digest?: Digest } = {
    domain: parts.domain,
    path: parts.path,
  };
  if (parts.tag) ref.tag = parts.tag;
  if (parts.digest) ref.digest = parts.digest;
  return Object.freeze(ref);
}

export function digestReference(digest: Digest): DigestReference {
  return Object.freeze({ digest });
}

/** True for a reference with a repository name; false for a bare digest/ID. */
export function isNamed(ref: AnyReference): ref is ImageReference {
  return 'path' in ref;
}

/** `docker.io/library/alpine` — Docker's Name(): domain and path, without tag or digest. */
export function fullName(ref: ImageReference): string {
  return ref.domain === '' ? ref.path : `${ref.domain}/${ref.path}`;
}

/** `alpine`, `myuser/app`, `localhost:5000/app` — the name as `docker images` shows it. */
export function familiarName(ref: ImageReference): string {
  if (ref.domain !== DEFAULT_DOMAIN) return fullName(ref);
  if (ref.path.startsWith(OFFICIAL_REPOSITORY_PREFIX)) {
    const official = ref.path.slice(OFFICIAL_REPOSITORY_PREFIX.length);
    // Only a single-component name is an official image; `library/a/b` keeps its prefix.
    if (!official.includes('/')) return official;
  }
  return ref.path;
}

function tagAndDigest(ref: ImageReference): string {
  return (ref.tag === undefined ? '' : `:${ref.tag}`) + (ref.digest === undefined ? '' : `@${ref.digest}`);
}

/** `docker.io/library/alpine:latest` — Docker's String(); a bare digest prints as itself. */
export function fullString(ref: AnyReference): string {
  return isNamed(ref) ? fullName(ref) + tagAndDigest(ref) : ref.digest;
}

/** `alpine:latest`, `alpine@sha256:…` — Docker's FamiliarString. */
export function familiarString(ref: AnyReference): string {
  return isNamed(ref) ? familiarName(ref) + tagAndDigest(ref) : ref.digest;
}

/** The registry to contact for this reference (Docker's Domain()). */
export function registryDomain(ref: ImageReference): string {
  return ref.domain;
}

/** The repository name a registry knows, as in `/v2/library/alpine/manifests/…` (Docker's Path()). */
export function repositoryPath(ref: ImageReference): string {
  return ref.path;
}

/** What to ask the registry's manifest endpoint for: the digest if pinned, else the tag, else `latest`. */
export function manifestReference(ref: ImageReference): string {
  return ref.digest ?? ref.tag ?? DEFAULT_TAG;
}

/** True when there is neither a tag nor a digest (Docker's IsNameOnly). */
export function isNameOnly(ref: ImageReference): boolean {
  return ref.tag === undefined && ref.digest === undefined;
}

/** The same reference with tag `latest` when it has neither tag nor digest (Docker's TagNameOnly). */
export function withDefaultTag(ref: ImageReference): ImageReference {
  return isNameOnly(ref) ? imageReference({ ...ref, tag: DEFAULT_TAG }) : ref;
}

/** The repository alone, tag and digest dropped (Docker's TrimNamed). */
export function nameOnly(ref: ImageReference): ImageReference {
  return imageReference({ domain: ref.domain, path: ref.path });
}

/** Set the tag, keeping any digest (Docker's WithTag); throws TagFormatError for a bad tag. */
export function withTag(ref: ImageReference, tag: string): ImageReference {
  if (!isValidTag(tag)) throw new TagFormatError(tag);
  return imageReference({ ...ref, tag });
}

/** Set the digest, keeping any tag (Docker's WithDigest). */
export function withDigest(ref: ImageReference, digest: Digest): ImageReference {
  return imageReference({ ...ref, digest });
}
