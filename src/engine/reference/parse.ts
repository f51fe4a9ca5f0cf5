// From what a person types to a full reference — Docker's normalisation.
//
// `docker pull alpine` does not name a registry, yet Docker knows to ask Docker Hub for
// `library/alpine:latest`. The rule (distribution/reference's splitDockerDomain) looks only at the
// text before the first `/`:
//
//   no `/` at all                              alpine            → docker.io + library/alpine
//   `localhost`, or has `.` or `:`, or capitals  localhost:5000/app → localhost:5000 + app
//   `index.docker.io` (the old Hub name)        index.docker.io/x → docker.io + library/x
//   anything else is a Docker Hub namespace     myuser/app        → docker.io + myuser/app
//
// and on Docker Hub a single-component path gets the `library/` namespace of official images. The
// result is then checked against the grammar (./grammar.ts). The same rules, in the same order,
// produce the same errors Docker prints.
import { InvalidDigestError, isDigest, parseDigest, type Digest } from '../digest';
import { ReferenceDigestError, ReferenceFormatError } from './errors';
import { MAX_PATH_LENGTH, isHexIdentifier, namePattern, referencePattern } from './grammar';
import {
  DEFAULT_DOMAIN,
  LEGACY_DEFAULT_DOMAIN,
  OFFICIAL_REPOSITORY_PREFIX,
  digestReference,
  imageReference,
  type AnyReference,
  type ImageReference,
} from './reference';

/**
 * Parse what a user typed — familiar (`alpine:3.20`) or full (`docker.io/library/alpine:3.20`) —
 * into a full reference (Docker's ParseNormalizedNamed). No default tag is added; see withDefaultTag.
 * Throws an InvalidReferenceError subclass with Docker's message.
 */
export function parseReference(text: string): ImageReference {
  if (isHexIdentifier(text)) throw ReferenceFormatError.nameIsIdentifier(text);
  const { domain, remainder } = splitDockerDomain(text);
  // Docker checks the case of everything before the first ':' — which, for `Foo@sha256:…`, is
  // `library/Foo@sha256`; the message shows exactly that.
  const colon = remainder.indexOf(':');
  const repository = colon < 0 ? remainder : remainder.slice(0, colon);
  if (repository.toLowerCase() !== repository) throw ReferenceFormatError.nameNotLowercase(repository);
  return parseWithoutNormalizing(`${domain}/${remainder}`);
}

/**
 * Parse a reference exactly as written, with no Docker Hub defaults (Docker's reference.Parse).
 * The domain is whatever the grammar finds before the first `/`, possibly none: `a/b` has domain `a`.
 */
export function parseWithoutNormalizing(text: string): ImageReference {
  if (text === '') throw ReferenceFormatError.nameEmpty();
  const match = referencePattern.exec(text);
  if (!match) {
    const lower = text.toLowerCase();
    if (lower !== text && referencePattern.test(lower)) throw ReferenceFormatError.nameUppercase();
    throw ReferenceFormatError.invalidFormat();
  }
  const [, name = '', tag, digestText] = match;
  const nameMatch = namePattern.exec(name);
  const domain = nameMatch?.[1] ?? '';
  const path = nameMatch?.[2] ?? name;
  if (path.length > MAX_PATH_LENGTH) throw ReferenceFormatError.nameTooLong(MAX_PATH_LENGTH);
  const digest = digestText === undefined ? undefined : referenceDigest(digestText);
  return imageReference({ domain, path, tag, digest });
}

/**
 * Parse something that may be an image ID, a digest, or a name (Docker's ParseAnyReference), as
 * `docker rmi`, `docker tag SOURCE` and `docker inspect` accept:
 *   `3f1d…` (64 hex)  → { digest: 'sha256:3f1d…' }
 *   `sha256:3f1d…`    → { digest: 'sha256:3f1d…' }
 *   anything else     → parseReference
 * Short IDs (`3f1d`) are names here, as in Docker; resolving a prefix is the image store's job.
 */
export function parseAnyReference(text: string): AnyReference {
  if (isHexIdentifier(text)) return digestReference(parseDigest(`sha256:${text}`));
  if (isDigest(text)) return digestReference(parseDigest(text));
  return parseReference(text);
}

/** Split off the registry, applying Docker Hub's defaults (Docker's splitDockerDomain). */
export function splitDockerDomain(text: string): { domain: string; remainder: string } {
  const slash = text.indexOf('/');
  if (slash < 0) return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_REPOSITORY_PREFIX + text };
  const first = text.slice(0, slash);
  const rest = text.slice(slash + 1);
  let domain: string;
  let remainder: string;
  if (first === LEGACY_DEFAULT_DOMAIN) {
    [domain, remainder] = [DEFAULT_DOMAIN, rest];
  } else if (looksLikeDomain(first)) {
    [domain, remainder] = [first, rest];
  } else {
    [domain, remainder] = [DEFAULT_DOMAIN, text];
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPOSITORY_PREFIX + remainder;
  return { domain, remainder };
}

/** `localhost`, or a `.` or `:` (host name, IP, port), or capitals — a path is never uppercase. */
function looksLikeDomain(component: string): boolean {
  return (
    component === 'localhost' ||
    component.includes('.') ||
    component.includes(':') ||
    component.toLowerCase() !== component
  );
}

/** The `@…` part, which the grammar has already shaped as `algorithm:hex`, checked as a digest. */
function referenceDigest(text: string): Digest {
  try {
    return parseDigest(text);
  } catch (error) {
    if (error instanceof InvalidDigestError) throw new ReferenceDigestError(text, error.message);
    throw error;
  }
}
