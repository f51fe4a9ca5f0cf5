// The grammar of an image reference, as distribution/reference writes it down:
//
//   reference      := name [ ":" tag ] [ "@" digest ]
//   name           := [ domain "/" ] path
//   domain         := host [ ":" port ]          host: DNS-like name, IPv4, or [IPv6]
//   path           := path-component [ "/" path-component ]*
//   path-component := alpha-numeric [ separator alpha-numeric ]*
//   separator      := "." | "_" | "__" | "-"+
//   tag            := [\w][\w.-]{0,127}
//   digest         := algorithm ":" hex{32,}
//
// So `registry.example.com:5000/team/app:1.0@sha256:…` is a name (a domain and a path), a tag and
// a digest. The path is always lowercase; the domain may have capitals; a tag may too. Each regular
// expression below is assembled from the named pieces of that grammar, so it reads like the spec.

/** A non-capturing group: the pieces, in sequence. */
const group = (...pieces: string[]): string => `(?:${pieces.join('')})`;
/** The pieces, zero or one time. */
const optional = (...pieces: string[]): string => `${group(...pieces)}?`;
/** The pieces, any number of times. */
const repeated = (...pieces: string[]): string => `${group(...pieces)}*`;
/** A capturing group, so the parser can read that part back. */
const capture = (...pieces: string[]): string => `(${pieces.join('')})`;
/** The whole text must match, not just part of it. */
const whole = (...pieces: string[]): RegExp => new RegExp(`^${pieces.join('')}$`);

// --- the path: lowercase components joined by "/" ---------------------------------------------
const alphaNumeric = '[a-z0-9]+';
/** One period, one or two underscores, or any number of dashes — between alphanumerics only. */
const separator = group('[._]|__|[-]+');
const pathComponent = alphaNumeric + repeated(separator, alphaNumeric);
const path = pathComponent + repeated('/', pathComponent);

// --- the domain: where the registry is ---------------------------------------------------------
/** A DNS label: letters (either case), digits, inner dashes. */
const domainComponent = group('[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]');
const domainName = domainComponent + repeated('\\.', domainComponent);
/** An IPv6 address in brackets, compressed or not; zones (`%eth0`) are not allowed. */
const ipv6Address = '\\[[a-fA-F0-9:]+\\]';
const host = group(domainName, '|', ipv6Address);
const port = optional(':[0-9]+');
const domain = host + port;

// --- tag and digest ----------------------------------------------------------------------------
/** Up to 128 characters; letters, digits and `_`, then also `.` and `-`. */
const tag = '[\\w][\\w.-]{0,127}';
const digestAlgorithm = '[A-Za-z][A-Za-z0-9]*' + repeated('[-_+.]', '[A-Za-z][A-Za-z0-9]*');
/** At least 128 bits of hex; the exact length and case are checked by the digest parser. */
const digest = digestAlgorithm + ':[0-9a-fA-F]{32,}';

/** A full image ID: 64 lowercase hex characters, a sha256 digest without its `sha256:`. */
const identifier = '[a-f0-9]{64}';

const name = optional(domain, '/') + path;

/** Captures 1: name, 2: tag, 3: digest. */
export const referencePattern = whole(capture(name), optional(':', capture(tag)), optional('@', capture(digest)));
/** Captures 1: domain (when there is one), 2: path. */
export const namePattern = whole(optional(capture(domain), '/'), capture(path));
export const pathPattern = whole(path);
export const tagPattern = whole(tag);
export const domainPattern = whole(domain);
export const identifierPattern = whole(identifier);

/** The longest path Docker accepts (its RepositoryNameTotalLengthMax); the domain is not counted. */
export const MAX_PATH_LENGTH = 255;

/** True when `text` is a valid tag: `[\w][\w.-]{0,127}`. */
export function isValidTag(text: string): boolean {
  return tagPattern.test(text);
}

/** True when `text` is a repository path such as `library/alpine` (what a registry's `/v2/<name>/` holds). */
export function isRepositoryPath(text: string): boolean {
  return text.length <= MAX_PATH_LENGTH && pathPattern.test(text);
}

/** True when `text` is a bare 64-hex image ID, which Docker refuses as a repository name. */
export function isHexIdentifier(text: string): boolean {
  return identifierPattern.test(text);
}
