// The container endpoints of the Engine API (swagger tags "Container" and "Exec"), in the order
// the router tries them: fixed paths (`/containers/json`, `/containers/create`,
// `/containers/prune`) before the `/containers/{id}/…` family.
import { containerArchiveRoutes } from './container-archive';
import { containerAttachRoute } from './container-attach';
import { containerCommitRoutes } from './container-commit';
import { containerCreateRoute } from './container-create';
import { containerExecRoutes } from './container-exec';
import { containerFilesystemRoutes } from './container-filesystem';
import { containerInspectRoute } from './container-inspect';
import { containerLifecycleRoutes } from './container-lifecycle';
import { containerListRoute } from './container-list';
import { containerLogsRoute } from './container-logs';
import { containerStatsRoute } from './container-stats';
import { containerTopRoute } from './container-top';
import { containerUpdateRoute } from './container-update';
import { containerWaitRoute } from './container-wait';
import type { Route } from './route';

export const containerRoutes: Route[] = [
  containerListRoute,
  containerCreateRoute,
  ...containerCommitRoutes,
  containerInspectRoute,
  containerWaitRoute,
  containerAttachRoute,
  containerLogsRoute,
  containerTopRoute,
  containerStatsRoute,
  containerUpdateRoute,
  ...containerFilesystemRoutes,
  ...containerArchiveRoutes,
  ...containerExecRoutes,
  ...containerLifecycleRoutes,
];
