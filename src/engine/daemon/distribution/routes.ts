// The Engine API routes of distribution — the ones that reach registries (moby's image and system
// routers): pull, push, login and search. The router mounts them beside the local image routes.
//
//   POST /images/create?fromImage=docker.io/library/alpine&tag=latest   pull (a JSON progress stream)
//   POST /images/{name}/push?tag=v1                                       push (a JSON progress stream)
//   POST /auth                                                            login
//   GET  /images/search?term=nginx&limit=25&filters={…}                   search
//
// `X-Registry-Auth` carries the client's credentials for pull and push; image names arrive as
// typed, slashes and all (`/images/127.0.0.1:5000/demo/alpine/push`).
import { fromUtf8, utf8 } from '../../bytes';
import {
  familiarName,
  familiarString,
  parseImageCreateQuery,
  parseReference,
  parseRepoTag,
  type ImageReference,
} from '../../reference';
import type { WireRequest, WireResponse } from '../../wire/message';
import { getHeader, readBody, splitUrl } from '../../wire/message';
import { DaemonError } from '../api/errors';
import type { Route } from '../api/route';
import { apiVersionOf } from '../api/router';
import type { DaemonContext } from '../context';
import { FilterArgs } from '../filters';
import { postImagesImport } from '../import/import-route';
import { logImageEvent } from '../image-events';
import { compareApiVersions } from '../version';
import { apiFailure, pullFailure } from './failures';
import { login } from './login';
import { parsePlatformOption } from './platform-option';
import { pullImage } from './pull';
import { pullMessage } from './pull-events';
import { pushImage } from './push';
import { pushMessages } from './push-events';
import { authConfigFrom, decodeRegistryAuth } from './registry-auth';
import { searchImages } from './search';
import { streamResponse } from './stream';
import { daemonUserAgent } from './user-agent';

function userAgent(ctx: DaemonContext, req: WireRequest): string {
  return daemonUserAgent(ctx, getHeader(req, 'User-Agent'));
}

function json(status: number, value: unknown): WireResponse {
  return { status, headers: { 'Content-Type': 'application/json' }, body: utf8(JSON.stringify(value) + '\n') };
}

/** Reference errors are 400 (403 for `scratch`), as postImagesCreate classifies them. */
function referenceOrFail(make: () => ImageReference | undefined): ImageReference {
  let ref: ImageReference | undefined;
  try {
    ref = make();
  } catch (err) {
    throw apiFailure(err);
  }
  if (!ref) throw DaemonError.invalidParameter('invalid reference format');
  return ref;
}

async function postImagesCreate(ctx: DaemonContext, req: WireRequest): Promise<WireResponse> {
  const { query } = splitUrl(req.url);
  const fromImage = query.get('fromImage') ?? '';
  if (fromImage === '') return postImagesImport(ctx, req); // docker import: ../import
  const ref = referenceOrFail(() => parseImageCreateQuery(fromImage, query.get('tag') ?? ''));
  const platformText = query.get('platform') ?? '';
  const platform =
    platformText !== '' && compareApiVersions(apiVersionOf(req), '1.32') >= 0
      ? parsePlatformOption(platformText, ctx.platform)
      : undefined;
  const events = pullImage(ctx, ref, {
    auth: decodeRegistryAuth(getHeader(req, 'X-Registry-Auth')),
    ...(platform ? { platform } : {}),
    userAgent: userAgent(ctx, req),
  });
  return streamResponse(events, {
    render: (event) => [pullMessage(event)],
    failure: (err) => pullFailure(err, ref),
    onSuccess: () => logImageEvent(ctx, familiarString(ref), familiarName(ref), 'pull'),
  });
}

async function postImagesPush(ctx: DaemonContext, req: WireRequest, match: RegExpExecArray): Promise<WireResponse> {
  const { query } = splitUrl(req.url);
  const name = match[1] ?? '';
  const tag = query.get('tag') ?? '';
  const ref = referenceOrFail(() => (tag !== '' ? parseRepoTag(name, tag) : parseReference(name)));
  if ((query.get('platform') ?? '') !== '' && compareApiVersions(apiVersionOf(req), '1.46') >= 0) {
    throw new DaemonError(501, 'selecting platform is not supported in graphdriver image store');
  }
  const events = pushImage(ctx, ref, {
    auth: decodeRegistryAuth(getHeader(req, 'X-Registry-Auth')),
    userAgent: userAgent(ctx, req),
  });
  return streamResponse(events, {
    render: pushMessages,
    failure: apiFailure,
    onSuccess: () => logImageEvent(ctx, familiarString(ref), familiarName(ref), 'push'),
  });
}

async function postAuth(ctx: DaemonContext, req: WireRequest): Promise<WireResponse> {
  let body: unknown;
  try {
    const text = fromUtf8(await readBody(req.body));
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw DaemonError.invalidParameter('invalid JSON in the request body');
  }
  return json(200, await login(ctx, authConfigFrom(body), userAgent(ctx, req)));
}

async function getImagesSearch(ctx: DaemonContext, req: WireRequest): Promise<WireResponse> {
  const { query } = splitUrl(req.url);
  const limitText = query.get('limit') ?? '';
  let limit = 0;
  if (limitText !== '') {
    if (!/^[+-]?\d+$/.test(limitText) || Number.parseInt(limitText, 10) < 0) {
      throw DaemonError.invalidParameter('invalid limit specified');
    }
    limit = Number.parseInt(limitText, 10);
  }
  const filters = FilterArgs.fromJson(query.get('filters'));
  const results = await searchImages(ctx, {
    term: query.get('term') ?? '',
    limit,
    filters,
    userAgent: userAgent(ctx, req),
  });
  return json(200, results);
}

export const distributionRoutes: Route[] = [
  { method: 'POST', pattern: /^\/images\/create$/, handle: postImagesCreate },
  { method: 'POST', pattern: /^\/images\/(.+)\/push$/, handle: postImagesPush },
  { method: 'POST', pattern: /^\/auth$/, handle: postAuth },
  { method: 'GET', pattern: /^\/images\/search$/, handle: getImagesSearch },
];
