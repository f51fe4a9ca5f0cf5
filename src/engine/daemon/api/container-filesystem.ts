// What a container did to its filesystem, and the filesystem itself:
//
//   GET /containers/{id}/changes   `docker diff`: [{"Path":"/run","Kind":0},{"Path":"/run/nginx.pid",
//                                  "Kind":1}] — Kind 0 changed (C), 1 added (A), 2 deleted (D);
//                                  `null` when nothing changed
//   GET /containers/{id}/export    `docker export`: the merged filesystem as one tar
//                                  (containers/export.ts)
//
// Both read the container's overlay (layer/changes.ts, layer/overlay-snapshot.ts): the image's
// layers and the init layer below, the container's own layer on top.
import { CHANGE_KIND_CODES, changes } from '../../layer/changes';
import { exportContainer } from '../containers/export';
import { findContainer } from './container-lookup';
import { jsonResponse } from './responses';
import type { Route } from './route';

const changesRoute: Route = {
  method: 'GET',
  pattern: /^\/containers\/([^/]+)\/changes$/,
  async handle(ctx, _req, match) {
    const { container } = findContainer(ctx, match[1]!);
    const list = changes(container.rootfs).map((c) => ({ Path: c.path, Kind: CHANGE_KIND_CODES[c.kind] }));
    return jsonResponse(200, list.length > 0 ? list : null);
  },
};

const exportRoute: Route = {
  method: 'GET',
  pattern: /^\/containers\/([^/]+)\/export$/,
  async handle(ctx, _req, match) {
    const { svc, container } = findContainer(ctx, match[1]!);
    const tar = exportContainer(svc, container);
    return { status: 200, headers: { 'Content-Type': 'application/x-tar' }, body: tar };
  },
};

export const containerFilesystemRoutes: Route[] = [changesRoute, exportRoute];
