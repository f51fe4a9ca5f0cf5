// Local image endpoints of the Engine API (swagger tag "Image"), those that never talk to a
// registry: list, tag, remove, inspect, history, save, load, prune. Pull, push and search are the
// distribution routes (../distribution/routes.ts).
import { familiarName, familiarString, parseRepoTag } from '../../reference';
import { splitUrl } from '../../wire/message';
import { logImageEvent } from '../image-events';
import { imageArchiveRoutes } from './image-archive';
import { deleteImage } from './image-delete';
import { imageHistory } from './image-history';
import { inspectImage } from './image-inspect';
import { findImage } from './image-lookup';
import { imagePruneRoute } from './image-prune';
import { imagesListRoute } from './images-list';
import { DaemonError, asDaemonError } from './errors';
import { boolParam, emptyResponse, jsonResponse } from './responses';
import type { Route } from './route';

/**
 * `POST /images/{name}/tag?repo=…&tag=…` → 201. The repo+tag pair is read as moby's
 * RepoTagReference (a digest is refused, the tag defaults to `latest`); a name that is the digest
 * algorithm is refused; any failure to find the source image is a 404.
 */
const tagRoute: Route = {
  method: 'POST',
  pattern: /^\/images\/(.+)\/tag$/,
  async handle(ctx, req, match) {
    const { query } = splitUrl(req.url);
    const ref = parseRepoTag(query.get('repo') ?? '', query.get('tag') ?? '');
    // moby turns "no repo" into errdefs.InvalidParameter(nil) — which is nil: a bare 200.
    if (ref === undefined) return emptyResponse(200);
    if (familiarName(ref) === 'sha256') {
      throw DaemonError.invalidParameter('refusing to create an ambiguous tag using digest algorithm as name');
    }
    let image;
    try {
      image = findImage(ctx, match[1]!);
    } catch (err) {
      throw DaemonError.notFound(asDaemonError(err).message);
    }
    ctx.store.tag(image.id, ref);
    ctx.store.setLastTagTime(image.id, ctx.now());
    logImageEvent(ctx, image.id, familiarString(ref), 'tag');
    return emptyResponse(201);
  },
};

const deleteRoute: Route = {
  method: 'DELETE',
  pattern: /^\/images\/(.+)$/,
  async handle(ctx, req, match) {
    const { query } = splitUrl(req.url);
    return jsonResponse(
      200,
      await deleteImage(ctx, match[1]!, boolParam(query, 'force'), !boolParam(query, 'noprune')),
    );
  },
};

const inspectRoute: Route = {
  method: 'GET',
  pattern: /^\/images\/(.+)\/json$/,
  handle: async (ctx, _req, match) => jsonResponse(200, await inspectImage(findImage(ctx, match[1]!))),
};

const historyRoute: Route = {
  method: 'GET',
  pattern: /^\/images\/(.+)\/history$/,
  handle: async (ctx, _req, match) => jsonResponse(200, imageHistory(ctx, findImage(ctx, match[1]!))),
};

export const imageRoutes: Route[] = [
  imagesListRoute,
  imagePruneRoute,
  ...imageArchiveRoutes,
  tagRoute,
  inspectRoute,
  historyRoute,
  deleteRoute,
];
