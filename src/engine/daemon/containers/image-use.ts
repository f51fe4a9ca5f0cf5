// Which containers use an image — what `docker rmi` must respect (moby image_delete.go): an image
// a running container uses cannot be deleted even with `--force`; one only stopped containers use
// can be, with `--force`; and untagging the last name of an image some container uses would leave
// that container's image dangling, so it needs `--force` too.
import { shortId, type Digest } from '../../digest';
import type { DaemonContext } from '../context';

export interface ImageUsers {
  /** A running container using the image (the first one, newest first). */
  running?: string;
  /** A container not running that uses it. */
  stopped?: string;
  /** Any container using it. */
  any?: string;
}

export function containersUsingImage(ctx: DaemonContext, imageId: Digest): ImageUsers {
  const users: ImageUsers = {};
  for (const container of ctx.containers?.store.list() ?? []) {
    if (container.imageId !== imageId) continue;
    users.any ??= container.id;
    if (container.state.running) users.running ??= container.id;
    else users.stopped ??= container.id;
  }
  return users;
}

/** `… - container 1a2b3c4d5e6f is using its referenced image 4e5f6a7b8c9d` (untagging the last name). */
export function referenceInUseMessage(reference: string, containerId: string, imageId: Digest): string {
  return `conflict: unable to remove repository reference "${reference}" (must force) - container ${containerId.slice(0, 12)} is using its referenced image ${shortId(imageId)}`;
}
