// The image configuration (image-spec config.md): the JSON whose sha256 is the image ID. It holds
// the platform (`architecture`, `os`), the runtime defaults a container starts with (`config`:
// Env, Cmd, Entrypoint, WorkingDir, ExposedPorts…), `rootfs.diff_ids` — the digests of the
// *uncompressed* layer tars, base first — and the `history` that `docker history` prints.
//
// Configs written by Docker's Go code contain `null` for empty lists and maps and many fields we
// do not model (`container_config`, `docker_version`…); both are accepted and kept.
import * as v from 'valibot';
import { annotationsSchema, digestSchema, isMapOf, issueText } from './descriptor';
import { ConfigInvalidError } from './errors';
import { decodeJsonObject, JsonDecodeError } from './json';
import type { ImageConfig } from './types';

const stringList = v.nullable(v.array(v.string()));
// `{"80/tcp": {}}`: a set written as an object whose values are empty objects.
const setOfKeys = v.nullable(
  v.custom<Record<string, Record<string, never>>>(
    (value) => isMapOf(value, (m) => typeof m === 'object' && m !== null && !Array.isArray(m)),
    'Invalid type: Expected an object of objects',
  ),
);

export const containerConfigSchema = v.looseObject({
  User: v.optional(v.string()),
  ExposedPorts: v.optional(setOfKeys),
  Env: v.optional(stringList),
  Entrypoint: v.optional(stringList),
  Cmd: v.optional(stringList),
  Volumes: v.optional(setOfKeys),
  WorkingDir: v.optional(v.string()),
  Labels: v.optional(v.nullable(annotationsSchema)),
  StopSignal: v.optional(v.string()),
  ArgsEscaped: v.optional(v.boolean()),
  Shell: v.optional(stringList),
  Healthcheck: v.optional(
    v.looseObject({
      Test: v.optional(stringList),
      Interval: v.optional(v.number()),
      Timeout: v.optional(v.number()),
      StartPeriod: v.optional(v.number()),
      Retries: v.optional(v.number()),
    }),
  ),
  OnBuild: v.optional(stringList),
});

export const historySchema = v.looseObject({
  created: v.optional(v.string()),
  created_by: v.optional(v.string()),
  author: v.optional(v.string()),
  comment: v.optional(v.string()),
  empty_layer: v.optional(v.boolean()),
});

export const configSchema = v.looseObject({
  created: v.optional(v.string()),
  author: v.optional(v.string()),
  architecture: v.string(),
  os: v.string(),
  variant: v.optional(v.string()),
  'os.version': v.optional(v.string()),
  'os.features': v.optional(v.array(v.string())),
  config: v.optional(containerConfigSchema),
  rootfs: v.looseObject({
    type: v.literal('layers', "rootfs.type must be 'layers'"),
    diff_ids: v.array(digestSchema),
  }),
  history: v.optional(v.array(historySchema)),
});

/** Parse and validate an image configuration; throws ConfigInvalidError saying what is wrong. */
export function parseConfig(bytes: Uint8Array): ImageConfig {
  let json: Record<string, unknown>;
  try {
    json = decodeJsonObject(bytes);
  } catch (err) {
    if (err instanceof JsonDecodeError) throw new ConfigInvalidError(err.reason, { cause: err });
    throw err;
  }
  const result = v.safeParse(configSchema, json);
  if (!result.success) throw new ConfigInvalidError(issueText(result.issues));
  return result.output as ImageConfig;
}
