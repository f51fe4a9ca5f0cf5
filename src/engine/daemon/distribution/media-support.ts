// Which blobs the classic daemon agrees to pull (moby `daemon/internal/distribution/registry.go`):
// media types under `application/vnd.oci.image` and `application/vnd.docker`, plus the odd values
// old registries served for configs. Anything else — an OCI artifact, a Helm chart — is refused
// with `unsupported media type …` before a byte of it is fetched; Docker's AI-model artifacts get
// their own message. A schema-2 manifest whose config is not an image config (a plugin) is refused
// too: `Encountered remote "application/vnd.docker.plugin.v1+json"(plugin) when fetching`.

const supportedPrefixes = ['application/vnd.oci.image', 'application/vnd.docker'];
const legacyTypes = ['application/octet-stream', 'application/json', 'text/html', ''];

export const imageConfigTypes = [
  'application/vnd.docker.container.image.v1+json',
  'application/vnd.oci.image.config.v1+json',
  ...legacyTypes,
];
const pluginConfigTypes = ['application/vnd.docker.plugin.v1+json'];

/** Not a type the daemon pulls (unsupportedMediaTypeError). */
export class UnsupportedBlobTypeError extends Error {
  override name = 'UnsupportedBlobTypeError';
  constructor(readonly mediaType: string) {
    super(`unsupported media type ${mediaType}`);
  }
}

/** An AI model artifact (application/vnd.docker.ai.*), which the Engine does not run. */
export class AiModelNotSupportedError extends Error {
  override name = 'AiModelNotSupportedError';
  constructor() {
    super('AI models are not yet supported by the Engine, please use "docker model pull/run" instead');
  }
}

/** A schema-2 manifest whose config is not an image's (invalidManifestClassError). */
export class ManifestClassError extends Error {
  override name = 'ManifestClassError';
  constructor(mediaType: string) {
    const kind = imageConfigTypes.includes(mediaType)
      ? 'image'
      : pluginConfigTypes.includes(mediaType)
        ? 'plugin'
        : 'unknown';
    super(`Encountered remote ${JSON.stringify(mediaType)}(${kind}) when fetching`);
  }
}

/** Throw unless a blob of this type may be pulled (checkSupportedMediaType). */
export function checkSupportedMediaType(mediaType: string): void {
  const lower = mediaType.toLowerCase();
  if (lower.startsWith('application/vnd.docker.ai.')) throw new AiModelNotSupportedError();
  const ok = legacyTypes.includes(lower) || supportedPrefixes.some((p) => lower === p || lower.startsWith(`${p}.`));
  if (!ok) throw new UnsupportedBlobTypeError(mediaType);
}

/** Throw unless a Docker schema-2 manifest's config is an image config (validateMediaType). */
export function checkImageConfigType(mediaType: string): void {
  if (!imageConfigTypes.includes(mediaType)) throw new ManifestClassError(mediaType);
}
