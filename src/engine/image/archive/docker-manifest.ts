// `manifest.json`: the docker-archive index of a `docker save` tar (moby `tarexport.manifestItem`).
// One item per image:
//
//   [{"Config":"blobs/sha256/<config>",            the config, named by the image ID
//     "RepoTags":["alpine:latest"],                familiar names; null when the image has none
//     "Layers":["blobs/sha256/<diff_id>", …],      uncompressed layer tars, base first
//     "LayerSources":{"<diff_id>":{…}}}]           a descriptor per layer, keyed by diff_id
//
// Paths are inside the archive: Docker ≥ 25 points into the OCI layout's `blobs/`, older Docker and
// skopeo write `<hex>.json` and `<id>/layer.tar` or `<hex>.tar`. The file is written by Go's
// json.Encoder: struct fields in order, map keys sorted, and a newline at the end.
import * as v from 'valibot';
import { utf8, type Bytes } from '../../bytes';
import { descriptorSchema, issueText } from '../descriptor';
import { decodeJson, goJsonText, type KeyOrder } from '../json';
import type { Descriptor } from '../types';
import { ArchiveError } from './archive-error';

export interface ManifestItem {
  Config: string;
  RepoTags: string[] | null;
  Layers: string[];
  Parent?: string;
  LayerSources?: Record<string, Descriptor>;
}

const itemSchema = v.looseObject({
  Config: v.string(),
  RepoTags: v.optional(v.nullable(v.array(v.string()))),
  Layers: v.array(v.string()),
  Parent: v.optional(v.string()),
  LayerSources: v.optional(v.nullable(v.record(v.string(), descriptorSchema))),
});

const manifestJsonSchema = v.array(itemSchema);

/** Parse manifest.json; throws ArchiveError with the daemon's wording. */
export function parseManifestJson(bytes: Uint8Array): ManifestItem[] {
  let json: unknown;
  try {
    json = decodeJson(bytes);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ArchiveError('malformed-json', `invalid archive: failed to decode manifest.json: ${reason}`, {
      cause: err,
    });
  }
  if (json === null) {
    throw new ArchiveError('malformed-json', 'invalid manifest, manifest cannot be null (but can be [])');
  }
  const result = v.safeParse(manifestJsonSchema, json);
  if (!result.success) {
    throw new ArchiveError(
      'malformed-json',
      `invalid archive: failed to decode manifest.json: ${issueText(result.issues)}`,
    );
  }
  return result.output.map((item) => ({
    Config: item.Config,
    RepoTags: item.RepoTags ?? null,
    Layers: item.Layers,
    ...(item.Parent === undefined ? {} : { Parent: item.Parent }),
    ...(item.LayerSources ? { LayerSources: item.LayerSources as Record<string, Descriptor> } : {}),
  }));
}

// docker/distribution's Descriptor, which LayerSources holds, orders its fields differently from
// the OCI one: mediaType, size, digest.
const order: KeyOrder = (path) => {
  if (path.length === 0) return ['Config', 'RepoTags', 'Layers', 'Parent', 'LayerSources'];
  if (path.length === 2 && path[0] === 'LayerSources')
    return ['mediaType', 'size', 'digest', 'urls', 'annotations', 'platform'];
  return undefined;
};

/** manifest.json as `docker save` writes it. */
export function serialiseManifestJson(items: readonly ManifestItem[]): Bytes {
  return utf8(goJsonText(items, order) + '\n');
}

/**
 * The legacy `repositories` file: familiar repository name → tag → hex of the image's top layer
 * (diff_id in current Docker). Written only when some image has a tag.
 */
export function serialiseRepositories(repositories: ReadonlyMap<string, ReadonlyMap<string, string>>): Bytes {
  const value: Record<string, Record<string, string>> = {};
  for (const [name, tags] of repositories) value[name] = Object.fromEntries(tags);
  return utf8(goJsonText(value) + '\n');
}
