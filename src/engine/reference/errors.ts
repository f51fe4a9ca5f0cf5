// What Docker says when a reference is wrong. Every message here is the exact text Docker prints
// (distribution/reference, go-digest, and the daemon's and client's own checks), so a student who
// types `docker pull Alpine` in the simulator reads the same line as on a real machine:
//
//   invalid reference format: repository name (library/Alpine) must be lowercase
//
// Errors are data: each class carries a `kind` naming the rule that was broken, and every error
// thrown by this folder is an `InvalidReferenceError`, so callers can catch them all at once.

/** Which rule a reference broke. */
export type ReferenceErrorKind =
  | 'format' // invalid reference format
  | 'name-uppercase' // repository name must be lowercase
  | 'name-not-lowercase' // invalid reference format: repository name (…) must be lowercase
  | 'name-empty' // repository name must have at least one component
  | 'name-too-long' // repository name must not be more than 255 characters
  | 'name-is-identifier' // invalid repository name (…), cannot specify 64-byte hexadecimal strings
  | 'tag-format' // invalid tag format
  | 'digest' // go-digest's words: invalid checksum digest format/length, unsupported digest algorithm
  | 'tag-with-digest' // refusing to create a tag with a digest reference
  | 'import-digest' // cannot import digest reference
  | 'reserved-name'; // 'scratch' is a reserved name

/** The parent of every error about a reference. */
export abstract class InvalidReferenceError extends Error {
  abstract readonly kind: ReferenceErrorKind;
}

type NameKind =
  'format' | 'name-uppercase' | 'name-not-lowercase' | 'name-empty' | 'name-too-long' | 'name-is-identifier';

/** The text is not a reference at all, or its repository name breaks a rule. */
export class ReferenceFormatError extends InvalidReferenceError {
  override name = 'ReferenceFormatError';
  private constructor(
    readonly kind: NameKind,
    message: string,
  ) {
    super(message);
  }

  static invalidFormat(): ReferenceFormatError {
    return new ReferenceFormatError('format', 'invalid reference format');
  }

  /** distribution/reference's Parse: the text would be valid in lowercase. */
  static nameUppercase(): ReferenceFormatError {
    return new ReferenceFormatError('name-uppercase', 'repository name must be lowercase');
  }

  /** ParseNormalizedNamed: `repository` is the normalised remote name, e.g. `library/Alpine`. */
  static nameNotLowercase(repository: string): ReferenceFormatError {
    return new ReferenceFormatError(
      'name-not-lowercase',
      `invalid reference format: repository name (${repository}) must be lowercase`,
    );
  }

  static nameEmpty(): ReferenceFormatError {
    return new ReferenceFormatError('name-empty', 'repository name must have at least one component');
  }

  static nameTooLong(max: number): ReferenceFormatError {
    return new ReferenceFormatError('name-too-long', `repository name must not be more than ${max} characters`);
  }

  /** A bare image ID cannot be a name: `docker tag x 3f1d…` would be ambiguous. */
  static nameIsIdentifier(text: string): ReferenceFormatError {
    return new ReferenceFormatError(
      'name-is-identifier',
      `invalid repository name (${text}), cannot specify 64-byte hexadecimal strings`,
    );
  }
}

/** A tag outside `[\w][\w.-]{0,127}`. */
export class TagFormatError extends InvalidReferenceError {
  override name = 'TagFormatError';
  readonly kind = 'tag-format';
  constructor(readonly tag: string) {
    super('invalid tag format');
  }
}

/** The `@…` part has the shape of a digest but is not one Docker accepts. */
export class ReferenceDigestError extends InvalidReferenceError {
  override name = 'ReferenceDigestError';
  readonly kind = 'digest';
  /** `message` is go-digest's, e.g. `invalid checksum digest length`. */
  constructor(
    readonly digest: string,
    message: string,
  ) {
    super(message);
  }
}

type RefusalKind = 'tag-with-digest' | 'import-digest' | 'reserved-name';

/** A well-formed reference that this particular operation refuses. */
export class ReferenceRefusedError extends InvalidReferenceError {
  override name = 'ReferenceRefusedError';
  private constructor(
    readonly kind: RefusalKind,
    message: string,
  ) {
    super(message);
  }

  /** `docker tag` / `docker commit` to `name@sha256:…` (docker client, ImageTag). */
  static tagWithDigest(): ReferenceRefusedError {
    return new ReferenceRefusedError('tag-with-digest', 'refusing to create a tag with a digest reference');
  }

  /** A `repo` form value carrying a digest (daemon, httputils.RepoTagReference). */
  static importDigest(): ReferenceRefusedError {
    return new ReferenceRefusedError('import-digest', 'cannot import digest reference');
  }

  /** Pulling `scratch`, the name FROM uses for "no base image" (daemon, validateRepoName). */
  static reservedName(name: string): ReferenceRefusedError {
    return new ReferenceRefusedError('reserved-name', `'${name}' is a reserved name`);
  }
}
