// `docker commit` (moby `CreateImageFromContainer`, classic store): the container's writable layer
// becomes one new image layer on top of its image's, and its Config — with any `--change`s — the
// new image's config; the history gains one entry (`created_by` = the container's command, the
// author and comment given). The container is paused meanwhile unless `--pause=false`. The new
// image records its parent (so `docker rmi` of the parent meets `image has dependent child images`)
// and, with `repo[:tag]`, gets that name.
//
// A container that changed nothing still commits, but its layer is the empty tar: the history entry
// says `empty_layer` and no DiffID is added, as Docker does for an empty diff.
import { CONTAINER_CONFIG_ORDER, HISTORY_ORDER } from '../../image/go-field-order';
import { sha256Of, type Digest } from '../../digest';
import { goJson } from '../../image/json';
import { commitUpper } from '../../layer/overlay-commit';
import { writeTar } from '../../layer/tar';
import { familiarString, parseRepoTag } from '../../reference';
import { DaemonError } from '../api/errors';
import { goTime } from '../api/system-info';
import { logImageEvent } from '../image-events';
import { ENGINE_VERSION } from '../version';
import { applyChanges } from './commit-changes';
import type { Container } from './container';
import { logContainerEvent } from './container-events';
import { pauseContainer, unpauseContainer } from './control';
import { configJson } from './inspect';
import type { ContainerService } from './service';
import { checkMove } from './transitions';

export interface CommitOptions {
  repo: string;
  tag: string;
  comment: string;
  author: string;
  changes: string[];
  pause: boolean;
  given: string;
}

/** The digest of the empty tar (1024 zero bytes): a layer that changes nothing. */
let emptyTarDigest: Promise<Digest> | undefined;

export async function commitContainer(
  svc: ContainerService,
  container: Container,
  options: CommitOptions,
): Promise<Digest> {
  checkMove('commit', container.status, container.subject(options.given));
  const ref = options.repo === '' ? undefined : parseRepoTag(options.repo, options.tag);
  if (ref !== undefined && ref.digest !== undefined)
    throw DaemonError.invalidParameter('cannot commit to digest reference');
  const config = applyChanges(container.config, options.changes);
  const pause = options.pause && container.status === 'running';
  if (pause) pauseContainer(svc, container, options.given);
  try {
    const store = svc.ctx.store;
    const image = store.get(container.imageId);
    if (!image) throw DaemonError.notFound(`No such image: ${container.imageId}`);
    const tar = writeTar(commitUpper(container.rootfs));
    const diffId = await sha256Of(tar);
    emptyTarDigest ??= sha256Of(writeTar([]));
    const empty = diffId === (await emptyTarDigest);
    const parentChain = image.layers.at(-1)?.chainId;
    if (!empty) await store.addLayer(parentChain, tar);
    const created = goTime(svc.now());
    const history = {
      created,
      created_by: (container.config.Cmd ?? []).join(' '),
      ...(options.author !== '' ? { author: options.author } : {}),
      ...(options.comment !== '' ? { comment: options.comment } : {}),
      ...(empty ? { empty_layer: true } : {}),
    };
    const base = image.config;
    const document = {
      architecture: base.architecture,
      ...(options.author !== '' ? { author: options.author } : {}),
      config: configJson(config),
      container: container.id,
      created,
      docker_version: ENGINE_VERSION,
      history: [...(base.history ?? []), history],
      os: base.os,
      rootfs: { type: 'layers', diff_ids: empty ? base.rootfs.diff_ids : [...base.rootfs.diff_ids, diffId] },
      ...(base.variant ? { variant: base.variant } : {}),
    };
    const bytes = goJson(document, (path) => {
      if (path.length === 1 && path[0] === 'config') return CONTAINER_CONFIG_ORDER;
      if (path.length === 1 && path[0] === 'rootfs') return ['type', 'diff_ids'];
      if (path.length === 2 && path[0] === 'history') return HISTORY_ORDER;
      return undefined;
    });
    const record = await store.addImage(bytes, { parent: image.id });
    let imageRef = '';
    if (ref !== undefined) {
      store.tag(record.id, ref);
      imageRef = familiarString(ref);
      logImageEvent(svc.ctx, record.id, imageRef, 'tag');
    }
    logContainerEvent(svc.ctx.events, container, 'commit', { comment: options.comment, imageID: record.id, imageRef });
    return record.id;
  } finally {
    if (pause && container.state.paused) unpauseContainer(svc, container, options.given);
  }
}
