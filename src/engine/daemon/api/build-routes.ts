// The build endpoints of the Engine API (swagger tag "Image": ImageBuild, BuildPrune), served by
// the classic builder (../build):
//
//   POST /build?t=app&dockerfile=Dockerfile…   body: the context tar (Content-Type: application/x-tar)
//                                             → 200, a JSON stream of the build (see build/output.ts),
//                                               or a plain HTTP error when it fails before any output
//   POST /build/prune                         → 200 {"CachesDeleted":null,"SpaceReclaimed":0}
//
// `docker builder prune` prunes BuildKit's cache, which this daemon has none of: the classic
// builder's cache is its intermediate images, which `docker image prune` and `docker rmi` manage.
import type { WireRequest, WireResponse } from '../../wire/message';
import { getHeader, readBody, splitUrl } from '../../wire/message';
import { runBuild } from '../build/builder';
import { refusal, streamFailure } from '../build/failure';
import { parseBuildOptions } from '../build/options';
import { BuildOutput } from '../build/output';
import type { DaemonContext } from '../context';
import { daemonUserAgent } from '../distribution/user-agent';
import { compareApiVersions } from '../version';
import { jsonResponse, streamResponse } from './responses';
import type { Route } from './route';
import { apiVersionOf } from './router';

async function postBuild(ctx: DaemonContext, req: WireRequest): Promise<WireResponse> {
  const version = apiVersionOf(req);
  const options = parseBuildOptions(splitUrl(req.url).query, version);
  const body = await readBody(req.body);
  const out = new BuildOutput(options.quiet, compareApiVersions(version, '1.30') >= 0);
  const registryConfig = getHeader(req, 'X-Registry-Config');
  void runBuild(
    ctx,
    {
      options,
      body,
      ...(registryConfig !== undefined ? { registryConfig } : {}),
      userAgent: daemonUserAgent(ctx, getHeader(req, 'User-Agent')),
    },
    out,
  ).then(
    (id) => out.succeed(id),
    (err: unknown) => {
      const { message, code } = streamFailure(err);
      out.fail(err, message, code);
    },
  );
  await out.ready;
  if (out.refused !== undefined) throw refusal(out.refused);
  return streamResponse(out.channel);
}

async function postBuildPrune(ctx: DaemonContext): Promise<WireResponse> {
  ctx.events.emit({ Type: 'builder', Action: 'prune', Actor: { ID: '', Attributes: { reclaimed: '0' } } });
  return jsonResponse(200, { CachesDeleted: null, SpaceReclaimed: 0 });
}

export const buildRoutes: Route[] = [
  { method: 'POST', pattern: /^\/build$/, handle: postBuild },
  { method: 'POST', pattern: /^\/build\/prune$/, handle: postBuildPrune },
];
