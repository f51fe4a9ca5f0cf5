// The daemon's route table: system endpoints, local image endpoints, the distribution endpoints
// (pull, push, login, search) from ../distribution, and the container endpoints. Order matters only where patterns
// overlap: fixed paths (`/images/json`, `/images/load`) come before `/images/{name}/…`, and the
// catch-all `DELETE /images/{name}` comes last.
import { distributionRoutes } from '../distribution/routes';
import { buildRoutes } from './build-routes';
import { containerRoutes } from './container-routes';
import { imageRoutes } from './image-routes';
import { networkRoutes } from './network-routes';
import type { Route } from './route';
import { systemRoutes } from './system-routes';
import { volumeRoutes } from './volume-routes';

export const routes: Route[] = [
  ...systemRoutes,
  ...distributionRoutes,
  ...imageRoutes,
  ...containerRoutes,
  ...buildRoutes,
  ...networkRoutes, // networks and volumes: issue 9
  ...volumeRoutes,
]; // containers and builds: issue 6
