// `docker cp` over the Engine API (containers/archive.ts):
//
//   HEAD /containers/{id}/archive?path=…   200 + X-Docker-Container-Path-Stat
//   GET  /containers/{id}/archive?path=…   200 application/x-tar + the stat header
//   PUT  /containers/{id}/archive?path=DIR&noOverwriteDirNonDir=1   body: a tar → 200
import { readBody, splitUrl } from '../../wire/message';
import { archivePath, extractToDir, statHeader, statPath } from '../containers/archive';
import { logContainerEvent } from '../containers/container-events';
import { findContainer } from './container-lookup';
import { DaemonError } from './errors';
import { boolParam } from './responses';
import type { Route } from './route';

const STAT_HEADER = 'X-Docker-Container-Path-Stat';

function pathParam(url: string): string {
  const path = splitUrl(url).query.get('path') ?? '';
  if (path === '') throw DaemonError.invalidParameter('Bad parameters: must provide a path');
  return path;
}

const head: Route = {
  method: 'HEAD',
  pattern: /^\/containers\/([^/]+)\/archive$/,
  async handle(ctx, req, match) {
    const path = pathParam(req.url);
    const { container } = findContainer(ctx, match[1]!);
    return {
      status: 200,
      headers: { [STAT_HEADER]: statHeader(statPath(container, path, match[1]!)), 'Content-Type': 'application/json' },
    };
  },
};

const get: Route = {
  method: 'GET',
  pattern: /^\/containers\/([^/]+)\/archive$/,
  async handle(ctx, req, match) {
    const path = pathParam(req.url);
    const { svc, container } = findContainer(ctx, match[1]!);
    const { tar, stat } = archivePath(container, path, match[1]!);
    logContainerEvent(svc.ctx.events, container, 'archive-path');
    return {
      status: 200,
      headers: { [STAT_HEADER]: statHeader(stat), 'Content-Type': 'application/x-tar' },
      body: tar as never,
    };
  },
};

const put: Route = {
  method: 'PUT',
  pattern: /^\/containers\/([^/]+)\/archive$/,
  async handle(ctx, req, match) {
    const path = pathParam(req.url);
    const { svc, container } = findContainer(ctx, match[1]!);
    const noOverwrite = boolParam(splitUrl(req.url).query, 'noOverwriteDirNonDir');
    extractToDir(container, path, await readBody(req.body), match[1]!, noOverwrite);
    logContainerEvent(svc.ctx.events, container, 'extract-to-dir');
    return { status: 200, headers: {} };
  },
};

export const containerArchiveRoutes: Route[] = [head, get, put];
