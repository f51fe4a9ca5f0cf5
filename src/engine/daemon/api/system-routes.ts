// System endpoints of the Engine API (swagger tag "System"): the ping every docker command starts
// with, version and info, the event stream, and disk usage.
import { utf8 } from '../../bytes';
import { splitUrl } from '../../wire/message';
import { volumeJson } from '../volumes/volume-json';
import { containersOf } from '../containers/service';
import { containerSummary } from '../containers/summary';
import type { DaemonContext } from '../context';
import { eventJsonLine } from '../events';
import { FilterArgs } from '../filters';
import { DaemonError } from './errors';
import { byCreatedDescending, imageSummary, sharedSize } from './image-summary';
import { jsonResponse, mapStream, streamResponse } from './responses';
import type { Route } from './route';
import { infoBody, versionBody } from './system-info';

/** `HEAD`/`GET /_ping`: the CLI's first request; its headers drive version negotiation. */
function ping(method: 'GET' | 'HEAD'): Route {
  return {
    method,
    pattern: /^\/_ping$/,
    async handle() {
      const headers = {
        'Builder-Version': '1',
        'Cache-Control': 'no-cache, no-store, must-revalidate',
        'Content-Type': 'text/plain; charset=utf-8',
        Pragma: 'no-cache',
        Swarm: 'inactive',
      };
      if (method === 'HEAD') return { status: 200, headers: { ...headers, 'Content-Length': '0' } };
      return { status: 200, headers, body: utf8('OK') };
    },
  };
}

/**
 * A `since`/`until` value: `seconds[.fraction]` since the epoch (the CLI turns `10m` or a date into
 * that form itself). Returns nanoseconds, or undefined when absent; bad text is strconv's error.
 */
export function eventTime(text: string | null): bigint | undefined {
  if (text === null || text === '') return undefined;
  const [seconds = '', fraction] = text.split('.', 2) as [string, string | undefined];
  if (!/^[+-]?\d+$/.test(seconds)) throw DaemonError.system(`strconv.ParseInt: parsing "${seconds}": invalid syntax`);
  if (fraction !== undefined && !/^\d+$/.test(fraction)) {
    throw DaemonError.system(`strconv.ParseInt: parsing "${fraction}": invalid syntax`);
  }
  const nanos = fraction === undefined ? 0n : BigInt(fraction.slice(0, 9).padEnd(9, '0'));
  return BigInt(seconds) * 1_000_000_000n + nanos;
}

const events: Route = {
  method: 'GET',
  pattern: /^\/events$/,
  async handle(ctx: DaemonContext, req) {
    const { query } = splitUrl(req.url);
    const since = eventTime(query.get('since'));
    const until = eventTime(query.get('until'));
    if (until !== undefined && since !== undefined && until < since) {
      throw DaemonError.invalidParameter(
        `\`since\` time (${query.get('since')}) cannot be after \`until\` time (${query.get('until')})`,
      );
    }
    const filters = FilterArgs.fromJson(query.get('filters'));
    return streamResponse(mapStream(ctx.events.subscribe({ since, until, filters }), eventJsonLine));
  },
};

/** `GET /system/df`: images with shared sizes and container counts, containers with their sizes, volumes with theirs. */
const diskUsage: Route = {
  method: 'GET',
  pattern: /^\/system\/df$/,
  async handle(ctx: DaemonContext, req) {
    const types = splitUrl(req.url).query.getAll('type');
    const wants = (t: string) => types.length === 0 || types.includes(t);
    const images = ctx.store.list();
    const layers = new Map(images.flatMap((image) => image.layers.map((l) => [l.chainId, l.size] as const)));
    // containers (issue 6): every container with its sizes, and how many use each image
    const svc = containersOf(ctx);
    const containers = svc.store.list();
    const users = (id: string) => containers.filter((c) => c.imageId === id).length;
    const imageNames = new Map<string, string | undefined>();
    return jsonResponse(200, {
      LayersSize: wants('image') ? [...layers.values()].reduce((a, b) => a + b, 0) : 0,
      Images: wants('image')
        ? images
            .map((image) => imageSummary(image, { sharedSize: sharedSize(image, images), containers: users(image.id) }))
            .sort(byCreatedDescending)
        : null,
      Containers: wants('container') ? containers.map((c) => containerSummary(svc, c, true, imageNames)) : null,
      Volumes: wants('volume')
        ? svc.volumes.all().map((v) => volumeJson(v, { size: v.size, refCount: svc.volumes.usersOf(v.name).length }))
        : null,
      BuildCache: wants('build-cache') ? [] : null,
    });
  },
};

export const systemRoutes: Route[] = [
  ping('GET'),
  ping('HEAD'),
  { method: 'GET', pattern: /^\/version$/, handle: async (ctx) => jsonResponse(200, versionBody(ctx)) },
  { method: 'GET', pattern: /^\/info$/, handle: async (ctx) => jsonResponse(200, infoBody(ctx)) },
  events,
  diskUsage,
];
