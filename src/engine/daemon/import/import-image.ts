// `docker import` (moby daemon/images/image_import.go): an image made from a tar of files — the
// reverse of `docker export`. The tar (gzip'd or not) becomes the image's only layer, exactly as
// sent: its DiffID is the sha256 of the uncompressed bytes. The config starts empty and takes the
// `--change` instructions (`CMD ["sh"]`, `ENV A=1`, … — the ones `docker commit` takes); the
// history is one entry whose comment is the `--message`, else `Imported from -` (or from the URL).
// With a name the image is tagged (event `tag`); then event `import`, named by the image ID.
//
//   {"architecture":"amd64","comment":"Imported from -","config":{…,"Cmd":null,…},
//    "created":"…","docker_version":"28.2.2","history":[{"created":"…","comment":"Imported from -"}],
//    "os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:…"]}}
import { CONTAINER_CONFIG_ORDER } from '../../image/go-field-order';
import type { Bytes } from '../../bytes';
import type { Digest } from '../../digest';
import type { WantedPlatform } from '../../image/platform';
import { goJson } from '../../image/json';
import { gunzip, isGzip } from '../../layer/gzip';
import { readTar, TarError } from '../../layer/tar';
import { familiarString, type ImageReference } from '../../reference';
import { DaemonError } from '../api/errors';
import { goTime } from '../api/system-info';
import { applyChanges } from '../containers/commit-changes';
import { configJson } from '../containers/inspect';
import type { ContainerConfig } from '../containers/merge-config';
import type { DaemonContext } from '../context';
import { logImageEvent } from '../image-events';
import { ENGINE_VERSION } from '../version';

export interface ImportOptions {
  /** The uploaded tar, possibly compressed. */
  archive: Bytes;
  /** `repo[:tag]` to name the image, if any. */
  ref: ImageReference | undefined;
  /** The history comment (`Imported from -` unless `--message`). */
  comment: string;
  /** Dockerfile instructions for the config (`--change`). */
  changes: string[];
  /** The platform to record (`--platform`); the daemon's own when absent. */
  platform: WantedPlatform;
}

/** A zero container.Config (`&container.Config{}`), what BuildFromConfig starts from. */
export function emptyConfig(): ContainerConfig {
  return {
    Hostname: '',
    Domainname: '',
    User: '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: null,
    Cmd: null,
    Image: '',
    Volumes: null,
    WorkingDir: '',
    Entrypoint: null,
    OnBuild: null,
    Labels: null,
  };
}

/** compression.DecompressStream: gzip is unpacked; bzip2, xz and zstd are not modelled. */
export function decompressLayer(bytes: Bytes): Bytes {
  if (isGzip(bytes)) return gunzip(bytes);
  const starts = (magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts([0x42, 0x5a, 0x68])) throw DaemonError.system('unsupported compression format tar.bz2');
  if (starts([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) throw DaemonError.system('unsupported compression format tar.xz');
  if (starts([0x28, 0xb5, 0x2f, 0xfd])) throw DaemonError.system('unsupported compression format tar.zst');
  return bytes;
}

/** Go's archive/tar words for a tar that does not read: a bad header of any kind is ErrHeader. */
function tarFailure(err: unknown): DaemonError {
  const message = (err as Error).message;
  if (message === 'unexpected EOF') return DaemonError.system(message);
  if (message.startsWith('invalid tar header')) return DaemonError.system('archive/tar: invalid tar header');
  return DaemonError.system(`archive/tar: ${message}`);
}

/** Make the image; its ID. Bad changes are 400 and nothing is stored; a bad tar is 500. */
export async function importImage(ctx: DaemonContext, options: ImportOptions): Promise<Digest> {
  if (options.platform.os !== 'linux') throw DaemonError.invalidParameter('operating system is not supported');
  const config = applyChanges(emptyConfig(), options.changes);
  const tar = decompressLayer(options.archive);
  try {
    readTar(tar);
  } catch (err) {
    if (err instanceof TarError) throw tarFailure(err);
    throw err;
  }
  const layer = await ctx.store.addLayer(undefined, tar);
  const created = goTime(ctx.now());
  const document = {
    architecture: options.platform.architecture,
    comment: options.comment,
    config: configJson(config),
    created,
    docker_version: ENGINE_VERSION,
    history: [{ created, comment: options.comment }],
    os: options.platform.os,
    rootfs: { type: 'layers', diff_ids: [layer.diffId] },
    ...(options.platform.variant ? { variant: options.platform.variant } : {}),
  };
  const bytes = goJson(document, (path) => {
    if (path.length === 1 && path[0] === 'config') return CONTAINER_CONFIG_ORDER;
    if (path.length === 1 && path[0] === 'rootfs') return ['type', 'diff_ids'];
    if (path.length === 2 && path[0] === 'history') return ['created', 'comment'];
    return undefined;
  });
  const image = await ctx.store.addImage(bytes);
  if (options.ref !== undefined) {
    ctx.store.tag(image.id, options.ref);
    ctx.store.setLastTagTime(image.id, ctx.now());
    logImageEvent(ctx, image.id, familiarString(options.ref), 'tag');
  }
  logImageEvent(ctx, image.id, image.id, 'import');
  return image.id;
}
