// `GET /containers/json?all=1&limit=N&size=1&filters={…}` — `docker ps` (swagger
// "ContainerList"): a summary per container, newest first (containers/list.ts, summary.ts).
import { splitUrl } from '../../wire/message';
import { listContainers } from '../containers/list';
import { containersOf } from '../containers/service';
import { containerSummary } from '../containers/summary';
import { FilterArgs } from '../filters';
import { DaemonError } from './errors';
import { boolParam, jsonResponse } from './responses';
import type { Route } from './route';

/** An integer query parameter (`limit`, `t`), with strconv's complaint for anything else. */
export function intParam(query: URLSearchParams, name: string): number | undefined {
  const text = query.get(name);
  if (text === null || text === '') return undefined;
  if (!/^[+-]?\d+$/.test(text))
    throw DaemonError.invalidParameter(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  return Number(text);
}

export const containerListRoute: Route = {
  method: 'GET',
  pattern: /^\/containers\/json$/,
  async handle(ctx, req) {
    const { query } = splitUrl(req.url);
    const svc = containersOf(ctx);
    const withSize = boolParam(query, 'size');
    const containers = listContainers(svc, {
      all: boolParam(query, 'all'),
      limit: intParam(query, 'limit') ?? -1,
      filters: FilterArgs.fromJson(query.get('filters')),
    });
    const names = new Map<string, string | undefined>();
    return jsonResponse(
      200,
      containers.map((c) => containerSummary(svc, c, withSize, names)),
    );
  },
};
