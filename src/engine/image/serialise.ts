// The bytes of manifests, indexes and configs that we create. A digest covers every byte, so the
// same value must always serialise the same way: compact JSON, keys in the order of the Go
// structs that Docker, containerd and BuildKit marshal (image-spec `specs-go/v1`), map keys sorted,
// HTML characters escaped as Go does (json.ts). An image we build therefore has the bytes — and
// the digests — a Go tool would give the same content.
//
// Parsed documents are never re-serialised for storage: their original bytes are the content.
import type { Bytes } from '../bytes';
import { goJson, type KeyOrder } from './json';
import type { ImageConfig, ImageIndex, ImageManifest } from './types';

const descriptor = ['mediaType', 'digest', 'size', 'urls', 'annotations', 'data', 'platform', 'artifactType'];
const platform = ['architecture', 'os', 'os.version', 'os.features', 'variant'];
const manifest = ['schemaVersion', 'mediaType', 'artifactType', 'config', 'layers', 'subject', 'annotations'];
const index = ['schemaVersion', 'mediaType', 'artifactType', 'manifests', 'subject', 'annotations'];
const config = ['created', 'author', ...platform, 'config', 'rootfs', 'history'];
// ocispec.ImageConfig, then the Docker extensions BuildKit appends (dockerspec.DockerOCIImageConfig).
const containerConfig = [
  'User',
  'ExposedPorts',
  'Env',
  'Entrypoint',
  'Cmd',
  'Volumes',
  'WorkingDir',
  'Labels',
  'StopSignal',
  'ArgsEscaped',
  'Healthcheck',
  'OnBuild',
  'Shell',
];
const healthcheck = ['Test', 'Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries'];
const rootfs = ['type', 'diff_ids'];
const history = ['created', 'created_by', 'author', 'comment', 'empty_layer'];

const descriptorFields = new Set(['config', 'layers', 'manifests', 'subject']);

function orderFor(root: readonly string[]): KeyOrder {
  return (path) => {
    if (path.length === 0) return root;
    const last = path[path.length - 1]!;
    if (path.length === 1 && descriptorFields.has(last) && root !== config) return descriptor;
    if (last === 'platform') return platform;
    if (root === config) {
      if (path.length === 1 && last === 'config') return containerConfig;
      if (path.length === 2 && last === 'Healthcheck') return healthcheck;
      if (path.length === 1 && last === 'rootfs') return rootfs;
      if (path.length === 1 && last === 'history') return history;
    }
    return undefined; // maps (annotations, labels…): keys sorted
  };
}

/** Canonical bytes of a manifest we create. */
export function serialiseManifest(value: ImageManifest): Bytes {
  return goJson(value, orderFor(manifest));
}

/** Canonical bytes of an index we create. */
export function serialiseIndex(value: ImageIndex): Bytes {
  return goJson(value, orderFor(index));
}

/** Canonical bytes of a config we create. */
export function serialiseConfig(value: ImageConfig): Bytes {
  return goJson(value, orderFor(config));
}
