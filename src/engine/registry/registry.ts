// A registry as a function: `(WireRequest) → Promise<WireResponse>` implementing the OCI
// Distribution API over a content-addressed blob store, with token authentication. The same
// function serves the simulated world (through the network actor) and real clients (through the
// Node adapter in src/node).
import type { Handler, WireRequest, WireResponse } from '../wire/message';
import { splitUrl } from '../wire/message';
import { utf8 } from '../bytes';
import { accessNeeded, authorize } from './access';
import { deleteBlob, getBlob } from './blobs';
import { grantedActions, type RegistryConfig } from './config';
import { errorResponse, RegistryError } from './errors';
import { baseHeaders, jsonResponse } from './headers';
import { listCatalog, listTags } from './listing';
import { deleteManifest, getManifest, putManifest } from './manifests';
import { isValidRepositoryName, matchRoute, maxNameLength, type Route } from './routes';
import type { RegistryState } from './state';
import { tokenEndpoint } from './token-endpoint';
import {
  cancelUpload,
  finishUpload,
  patchUpload,
  startUpload,
  sweepUploads,
  uploadStatus,
  type UploadContext,
} from './uploads';

export interface RegistryOptions {
  config: RegistryConfig;
  state: RegistryState;
  /** Milliseconds since the epoch: the world's virtual clock in the simulator. */
  now?: () => number;
  /** Fresh identifiers for upload sessions and tokens (deterministic in the simulator). */
  nextId?: () => string;
}

function notFound(method: string): WireResponse {
  const body = utf8('404 page not found\n');
  const headers = {
    ...baseHeaders(),
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.length),
  };
  return method === 'HEAD' ? { status: 404, headers } : { status: 404, headers, body };
}

function methodNotAllowed(): RegistryError {
  return new RegistryError('UNSUPPORTED');
}

export function createRegistry(options: RegistryOptions): Handler {
  const { config, state } = options;
  const now = options.now ?? (() => Date.now());
  const nextId = options.nextId ?? (() => crypto.randomUUID());

  async function dispatch(request: WireRequest, route: Route, user: string | undefined): Promise<WireResponse> {
    const { method } = request;
    const { query } = splitUrl(request.url);
    const uploads: UploadContext = {
      state,
      nowMs: now(),
      nextId,
      mayPull: (repo) => grantedActions(config, user, repo, ['pull'], true).includes('pull'),
    };
    switch (route.kind) {
      case 'base':
        if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed();
        return jsonResponse(200, {});
      case 'catalog':
        if (method !== 'GET') throw methodNotAllowed();
        return listCatalog(state, query);
      case 'tags':
        if (method !== 'GET') throw methodNotAllowed();
        return listTags(state, route.name, query);
      case 'blob':
        if (method === 'GET' || method === 'HEAD') return getBlob(state, request, route.name, route.digest);
        if (method === 'DELETE') return deleteBlob(state, route.name, route.digest, config.deleteEnabled);
        throw methodNotAllowed();
      case 'uploads':
        if (method !== 'POST') throw methodNotAllowed();
        return startUpload(uploads, request, route.name);
      case 'upload':
        if (method === 'PATCH') return patchUpload(uploads, request, route.name, route.uuid);
        if (method === 'PUT') return finishUpload(uploads, request, route.name, route.uuid);
        if (method === 'GET') return uploadStatus(uploads, route.name, route.uuid);
        if (method === 'DELETE') return cancelUpload(uploads, route.name, route.uuid);
        throw methodNotAllowed();
      case 'manifest':
        if (method === 'GET' || method === 'HEAD') return getManifest(state, request, route.name, route.reference);
        if (method === 'PUT') return putManifest(state, request, route.name, route.reference);
        if (method === 'DELETE') return deleteManifest(state, route.name, route.reference, config.deleteEnabled);
        throw methodNotAllowed();
      default:
        return notFound(method);
    }
  }

  return async function registry(request: WireRequest): Promise<WireResponse> {
    const method = request.method.toUpperCase();
    const req = { ...request, method };
    try {
      sweepUploads(state, now(), config.uploadTimeoutMs);
      const route = matchRoute(splitUrl(req.url).path);
      if (route.kind === 'unknown') return notFound(method);
      if (route.kind === 'token') return await tokenEndpoint({ config, state, nowMs: now(), nextId }, req);
      if ('name' in route && !isValidRepositoryName(route.name)) {
        const reason =
          route.name.length > maxNameLength
            ? 'repository name must not be more than 255 characters'
            : 'invalid repository name';
        throw new RegistryError('NAME_INVALID', { name: route.name, reason });
      }
      const claims = await authorize(config, req, accessNeeded(method, route), Math.floor(now() / 1000));
      return await dispatch(req, route, claims.sub || undefined);
    } catch (err) {
      if (err instanceof RegistryError) return errorResponse(method, err);
      return errorResponse(method, new RegistryError('UNKNOWN', err instanceof Error ? err.message : String(err)));
    }
  };
}
