// `GET /containers/{id}/json?size=1` — `docker inspect` of a container (containers/inspect.ts).
import { splitUrl } from '../../wire/message';
import { inspectContainer } from '../containers/inspect';
import { findContainer } from './container-lookup';
import { boolParam, jsonResponse } from './responses';
import type { Route } from './route';

export const containerInspectRoute: Route = {
  method: 'GET',
  pattern: /^\/containers\/([^/]+)\/json$/,
  async handle(ctx, req, match) {
    const { svc, container } = findContainer(ctx, match[1]!);
    return jsonResponse(200, inspectContainer(svc, container, boolParam(splitUrl(req.url).query, 'size')));
  },
};
