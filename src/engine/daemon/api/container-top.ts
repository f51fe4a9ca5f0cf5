// `GET /containers/{id}/top?ps_args=-ef` — `docker top`: the container's processes with host PIDs
// (containers/top.ts).
import { splitUrl } from '../../wire/message';
import { topContainer } from '../containers/top';
import { findContainer } from './container-lookup';
import { jsonResponse } from './responses';
import type { Route } from './route';

export const containerTopRoute: Route = {
  method: 'GET',
  pattern: /^\/containers\/([^/]+)\/top$/,
  async handle(ctx, req, match) {
    const psArgs = splitUrl(req.url).query.get('ps_args') ?? '-ef';
    const { svc, container } = findContainer(ctx, match[1]!);
    return jsonResponse(200, topContainer(svc, container, psArgs === '' ? '-ef' : psArgs));
  },
};
