// References as the Engine API carries them: not one string but a pair of query parameters.
//
// `docker pull alpine@sha256:…` reaches the daemon as
//
//   POST /images/create?fromImage=docker.io/library/alpine&tag=sha256:…
//
// — the name in `fromImage`, and the tag *or the digest* in `tag` (the API predates digests). The
// daemon rebuilds one reference from the pair. `docker tag`, `docker push`, `docker import` and
// `docker commit` send a `repo` + `tag` pair instead, read by a stricter rule. Both directions live
// here so the client and the daemon cannot disagree.
import { isDigest, parseDigest } from '../digest';
import { ReferenceRefusedError } from './errors';
import { parseReference } from './parse';
import {
  familiarName,
  fullName,
  nameOnly,
  withDefaultTag,
  withDigest,
  withTag,
  type ImageReference,
} from './reference';

/** The name FROM uses for "no base image"; it can never be pulled. */
export const NO_BASE_IMAGE = 'scratch';

/** The query of `POST /images/create` for a pull. */
export interface ImageCreateQuery {
  readonly fromImage: string;
  /** A tag, or a digest when the reference has one; absent for `docker pull --all-tags`. */
  readonly tag?: string;
}

/**
 * What the docker client sends to pull `ref` (moby client ImagePull): the full name, and the digest
 * if there is one, else the tag, else `latest`. With `allTags`, no tag at all.
 */
export function toImageCreateQuery(ref: ImageReference, options: { allTags?: boolean } = {}): ImageCreateQuery {
  const fromImage = fullName(ref);
  if (options.allTags) return { fromImage };
  return { fromImage, tag: ref.digest ?? withDefaultTag(ref).tag };
}

/**
 * How the daemon reads `fromImage` + `tag` for a pull (postImagesCreate): a trailing `:` on the
 * name is ignored, a `tag` that parses as a digest replaces any tag or digest in the name,
 * otherwise it must be a valid tag; `scratch` is refused. No default tag is added.
 */
export function parseImageCreateQuery(fromImage: string, tag = ''): ImageReference {
  const name = fromImage.endsWith(':') ? fromImage.slice(0, -1) : fromImage;
  let ref = parseReference(name);
  if (tag !== '') ref = isDigest(tag) ? withDigest(nameOnly(ref), parseDigest(tag)) : withTag(ref, tag);
  if (familiarName(ref) === NO_BASE_IMAGE) throw ReferenceRefusedError.reservedName(NO_BASE_IMAGE);
  return ref;
}

/**
 * How the daemon reads a `repo` + `tag` pair (`/images/{name}/tag`, `/images/{name}/push`, import,
 * commit; httputils.RepoTagReference): no repo means no reference; a digest in `repo` is refused;
 * the tag defaults to `latest`.
 */
export function parseRepoTag(repo: string, tag = ''): ImageReference | undefined {
  if (repo === '') return undefined;
  const ref = parseReference(repo);
  if (ref.digest !== undefined) throw ReferenceRefusedError.importDigest();
  return tag === '' ? withDefaultTag(ref) : withTag(ref, tag);
}
