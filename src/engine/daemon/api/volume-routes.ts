// The volume endpoints of the Engine API (swagger tag "Volume"), as `docker volume …` calls them:
//
//   GET    /volumes?filters=…         ls       {"Volumes":[…],"Warnings":[]}
//   POST   /volumes/create            create   201 the volume (an existing name answers with it)
//   GET    /volumes/{name}            inspect
//   DELETE /volumes/{name}?force=1    rm       204; in use is 409, missing 404 (ignored with force)
//   POST   /volumes/prune?filters=…   prune    {"VolumesDeleted":[…],"SpaceReclaimed":N} — only
//                                              anonymous volumes unless `all=true` (API 1.42+)
import { splitUrl } from '../../wire/message';
import { containersOf } from '../containers/service';
import { FilterArgs } from '../filters';
import { volumeJson } from '../volumes/volume-json';
import { DaemonError } from './errors';
import { readJsonObject, stringMap } from './json-body';
import { boolParam, emptyResponse, jsonResponse } from './responses';
import type { Route } from './route';

export const volumeRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/volumes$/,
    async handle(ctx, req) {
      const filters = FilterArgs.fromJson(splitUrl(req.url).query.get('filters'));
      const volumes = containersOf(ctx).volumes.list(filters);
      return jsonResponse(200, { Volumes: volumes.map((v) => volumeJson(v)), Warnings: [] });
    },
  },
  {
    method: 'POST',
    pattern: /^\/volumes\/create$/,
    async handle(ctx, req) {
      const body = await readJsonObject(req, 'volume.CreateOptions', true);
      if (body.Name !== undefined && typeof body.Name !== 'string') {
        throw DaemonError.invalidParameter(
          'invalid JSON: json: cannot unmarshal into Go struct field CreateOptions.Name of type string',
        );
      }
      const labels = stringMap(body.Labels, 'CreateOptions.Labels');
      const options = stringMap(body.DriverOpts, 'CreateOptions.DriverOpts');
      const volume = containersOf(ctx).volumes.create({
        ...(typeof body.Name === 'string' ? { Name: body.Name } : {}),
        ...(typeof body.Driver === 'string' ? { Driver: body.Driver } : {}),
        ...(labels ? { Labels: labels } : {}),
        ...(options ? { DriverOpts: options } : {}),
      });
      return jsonResponse(201, volumeJson(volume));
    },
  },
  {
    method: 'POST',
    pattern: /^\/volumes\/prune$/,
    async handle(ctx, req) {
      const filters = FilterArgs.fromJson(splitUrl(req.url).query.get('filters'));
      const { deleted, reclaimed } = containersOf(ctx).volumes.prune(filters);
      return jsonResponse(200, { VolumesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: reclaimed });
    },
  },
  {
    method: 'GET',
    pattern: /^\/volumes\/([^/]+)$/,
    async handle(ctx, _req, match) {
      return jsonResponse(200, volumeJson(containersOf(ctx).volumes.get(match[1]!)));
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/volumes\/([^/]+)$/,
    async handle(ctx, req, match) {
      containersOf(ctx).volumes.remove(match[1]!, boolParam(splitUrl(req.url).query, 'force'));
      return emptyResponse(204);
    },
  },
];
