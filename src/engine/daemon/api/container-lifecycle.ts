// The lifecycle endpoints of the Engine API (swagger tag "Container"), each answering as dockerd
// does — `204 No Content` when done, `304 Not Modified` when there was nothing to do (starting a
// running container, stopping a stopped one; the CLI prints nothing), Docker's 409 for a move the
// lifecycle forbids (containers/transitions.ts):
//
//   POST   /containers/{id}/start                 204 | 304
//   POST   /containers/{id}/stop?t=10&signal=     204 | 304
//   POST   /containers/{id}/restart?t=&signal=    204
//   POST   /containers/{id}/kill?signal=SIGKILL   204 | 409 not running
//   POST   /containers/{id}/pause, /unpause       204
//   POST   /containers/{id}/rename?name=new       204
//   POST   /containers/{id}/resize?h=&w=          200
//   DELETE /containers/{id}?force=1&v=1           204
import { fromUtf8 } from '../../bytes';
import { readBody, splitUrl, type WireRequest } from '../../wire/message';
import {
  killContainer,
  pauseContainer,
  renameContainer,
  restartContainer,
  startContainer,
  stopContainer,
  unpauseContainer,
  type StopOptions,
} from '../containers/control';
import { removeContainer } from '../containers/remove';
import { findContainer } from './container-lookup';
import { intParam } from './container-list';
import { DaemonError } from './errors';
import { boolParam, emptyResponse } from './responses';
import type { Route } from './route';

function stopOptions(req: WireRequest): StopOptions {
  const { query } = splitUrl(req.url);
  const timeout = intParam(query, 't');
  const signal = query.get('signal') ?? '';
  return { ...(timeout !== undefined ? { timeout } : {}), ...(signal !== '' ? { signal } : {}) };
}

const start: Route = {
  method: 'POST',
  pattern: /^\/containers\/([^/]+)\/start$/,
  async handle(ctx, req, match) {
    const body = fromUtf8(await readBody(req.body)).trim();
    if (body !== '' && body !== 'null' && body !== '{}') {
      throw DaemonError.invalidParameter(
        'starting container with non-empty request body was deprecated since API v1.22 and removed in v1.24',
      );
    }
    const { svc, container } = findContainer(ctx, match[1]!);
    return emptyResponse((await startContainer(svc, container, match[1]!)) ? 204 : 304);
  },
};

const stop: Route = {
  method: 'POST',
  pattern: /^\/containers\/([^/]+)\/stop$/,
  async handle(ctx, req, match) {
    const options = stopOptions(req);
    const { svc, container } = findContainer(ctx, match[1]!);
    return emptyResponse((await stopContainer(svc, container, options, match[1]!)) ? 204 : 304);
  },
};

const restart: Route = {
  method: 'POST',
  pattern: /^\/containers\/([^/]+)\/restart$/,
  async handle(ctx, req, match) {
    const options = stopOptions(req);
    const { svc, container } = findContainer(ctx, match[1]!);
    await restartContainer(svc, container, options, match[1]!);
    return emptyResponse(204);
  },
};

const kill: Route = {
  method: 'POST',
  pattern: /^\/containers\/([^/]+)\/kill$/,
  async handle(ctx, req, match) {
    const signal = splitUrl(req.url).query.get('signal') ?? undefined;
    const { svc, container } = findContainer(ctx, match[1]!);
    await killContainer(svc, container, signal, match[1]!);
    return emptyResponse(204);
  },
};

const pause: Route = {
  method: 'POST',
  pattern: /^\/containers\/([^/]+)\/pause$/,
  async handle(ctx, _req, match) {
    const { svc, container } = findContainer(ctx, match[1]!);
    pauseContainer(svc, container, match[1]!);
    return emptyResponse(204);
  },
};

const unpause: Route = {
  method: 'POST',
  pattern: /^\/containers\/([^/]+)\/unpause$/,
  async handle(ctx, _req, match) {
    const { svc, container } = findContainer(ctx, match[1]!);
    unpauseContainer(svc, container, match[1]!);
    return emptyResponse(204);
  },
};

const rename: Route = {
  method: 'POST',
  pattern: /^\/containers\/([^/]+)\/rename$/,
  async handle(ctx, req, match) {
    const name = splitUrl(req.url).query.get('name') ?? '';
    const { svc, container } = findContainer(ctx, match[1]!);
    renameContainer(svc, container, name);
    return emptyResponse(204);
  },
};

const resize: Route = {
  method: 'POST',
  pattern: /^\/containers\/([^/]+)\/resize$/,
  async handle(ctx, req, match) {
    const { query } = splitUrl(req.url);
    const height = intParam(query, 'h') ?? 0;
    const width = intParam(query, 'w') ?? 0;
    const { container } = findContainer(ctx, match[1]!);
    if (!container.state.running) throw DaemonError.conflict(`container ${container.id} is not running`);
    container.task?.resize?.(height, width);
    return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
  },
};

const remove: Route = {
  method: 'DELETE',
  pattern: /^\/containers\/([^/]+)$/,
  async handle(ctx, req, match) {
    const { query } = splitUrl(req.url);
    if (boolParam(query, 'link'))
      throw DaemonError.invalidParameter('Conflict, cannot remove the default link name of the container');
    const { svc, container } = findContainer(ctx, match[1]!);
    await removeContainer(svc, container, {
      force: boolParam(query, 'force'),
      volumes: boolParam(query, 'v'),
      given: match[1]!,
    });
    return emptyResponse(204);
  },
};

export const containerLifecycleRoutes: Route[] = [start, stop, restart, kill, pause, unpause, rename, resize, remove];
