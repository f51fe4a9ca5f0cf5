// Finding the image an endpoint names (`/images/{name}/…`), with Docker's answers when there is
// none: `404 No such image: nosuch:latest`, or `400 invalid reference format` for a name that
// cannot be one.
import type { DaemonContext } from '../context';
import { noSuchImageMessage, type ImageRecord } from '../image-store';
import { DaemonError } from './errors';

export function findImage(ctx: DaemonContext, name: string): ImageRecord {
  const image = ctx.store.resolve(name);
  if (!image) throw DaemonError.notFound(noSuchImageMessage(name));
  return image;
}
