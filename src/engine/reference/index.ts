// Image references — `alpine`, `myuser/app:1.0`, `localhost:5000/app@sha256:…` — parsed and
// printed exactly as Docker does. Start with parseReference; print with familiarString (what people
// see) or fullString (what the daemon and registries see).
export {
  DEFAULT_DOMAIN,
  DEFAULT_TAG,
  LEGACY_DEFAULT_DOMAIN,
  OFFICIAL_REPOSITORY_PREFIX,
  familiarName,
  familiarString,
  fullName,
  fullString,
  isNameOnly,
  isNamed,
  manifestReference,
  nameOnly,
  registryDomain,
  repositoryPath,
  withDefaultTag,
  withDigest,
  withTag,
  type AnyReference,
  type DigestReference,
  type ImageReference,
} from './reference';
export { parseAnyReference, parseReference, parseWithoutNormalizing, splitDockerDomain } from './parse';
export { isValidTag, parseTag, parseTagTarget } from './tag';
export {
  NO_BASE_IMAGE,
  parseImageCreateQuery,
  parseRepoTag,
  toImageCreateQuery,
  type ImageCreateQuery,
} from './engine-api-forms';
export { MAX_PATH_LENGTH, isHexIdentifier, isRepositoryPath } from './grammar';
export {
  InvalidReferenceError,
  ReferenceDigestError,
  ReferenceFormatError,
  ReferenceRefusedError,
  TagFormatError,
  type ReferenceErrorKind,
} from './errors';
