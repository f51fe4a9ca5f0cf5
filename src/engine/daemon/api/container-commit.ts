// `POST /commit?container=web&repo=me/web&tag=v2&comment=&author=&changes=…&pause=1` — `docker
// commit` (swagger "ImageCommit", containers/commit.ts) → 201 `{"Id":"sha256:…"}`; and
// `POST /containers/prune?filters=…` — `docker container prune` → `{"ContainersDeleted":[…],
// "SpaceReclaimed":N}` (containers/remove.ts).
import { splitUrl } from '../../wire/message';
import { commitContainer } from '../containers/commit';
import { pruneContainers } from '../containers/remove';
import { containersOf } from '../containers/service';
import { FilterArgs } from '../filters';
import { findContainer } from './container-lookup';
import { DaemonError } from './errors';
import { boolParamOr, jsonResponse } from './responses';
import type { Route } from './route';

const commitRoute: Route = {
  method: 'POST',
  pattern: /^\/commit$/,
  async handle(ctx, req) {
    const { query } = splitUrl(req.url);
    const name = query.get('container') ?? '';
    if (name === '') throw DaemonError.notFound('No such container: ');
    const { svc, container } = findContainer(ctx, name);
    const id = await commitContainer(svc, container, {
      repo: query.get('repo') ?? '',
      tag: query.get('tag') ?? '',
      comment: query.get('comment') ?? '',
      author: query.get('author') ?? '',
      changes: query.getAll('changes'),
      pause: boolParamOr(query, 'pause', true),
      given: name,
    });
    return jsonResponse(201, { Id: id });
  },
};

const pruneRoute: Route = {
  method: 'POST',
  pattern: /^\/containers\/prune$/,
  async handle(ctx, req) {
    const filters = FilterArgs.fromJson(splitUrl(req.url).query.get('filters'));
    return jsonResponse(200, await pruneContainers(containersOf(ctx), filters));
  },
};

export const containerCommitRoutes: Route[] = [commitRoute, pruneRoute];
