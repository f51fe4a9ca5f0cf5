// How big a container is (`docker ps -s`, `inspect --size`, `docker system df`): `SizeRw` is what
// its writable layer holds — measured as overlay2 measures a layer directory (image/size.ts) —
// and `SizeRootFs` adds the image it runs on: `35.6kB (virtual 109MB)`.
import { layerDiffSize } from '../../image/size';
import { commitUpper } from '../../layer/overlay-commit';
import type { ImageStore } from '../image-store';
import type { Container } from './container';

export function sizeRw(container: Container): number {
  return layerDiffSize(commitUpper(container.rootfs));
}

export function sizeRootFs(container: Container, images: ImageStore): number {
  return (images.get(container.imageId)?.size ?? 0) + sizeRw(container);
}
