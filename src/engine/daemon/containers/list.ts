// `docker ps` on the daemon side (moby daemon/list.go): newest first; without `all`, only
// containers whose process is up (running, paused or restarting); `limit` takes the newest N in any
// state. Filters (`--filter`), each validated as moby does:
//
//   status=running|created|…   the state (implies all; another word is `invalid filter 'status=x'`)
//   name=…, id=…               regular expressions matched against the name and the full ID
//   label=key[=value]          all given labels must match
//   ancestor=image             made from that image or from one built on it
//   exited=N                   stopped with exit code N (an integer, else invalid)
//   before=c, since=c          created before / after another container (404 if there is none)
//   is-task, health, volume, network, publish, expose, isolation   see list-filters.ts
//
// Values are checked in moby's order (exited, status, is-task, health, before/since, publish,
// expose), so of two bad filters the same one is reported.
import { familiarName, parseReference } from '../../reference';
import { DaemonError } from '../api/errors';
import type { FilterArgs } from '../filters';
import type { Container } from './container';
import {
  checkHealthFilter,
  HEALTH_NONE,
  matchesNetwork,
  matchesPorts,
  matchesVolume,
  portFilter,
  taskFilter,
} from './list-filters';
import { portList } from './network-settings';
import type { ContainerService } from './service';
import { CONTAINER_STATUSES, type ContainerStatus } from './state';

const ACCEPTED = [
  'ancestor',
  'before',
  'expose',
  'exited',
  'health',
  'id',
  'isolation',
  'is-task',
  'label',
  'name',
  'network',
  'publish',
  'since',
  'status',
  'volume',
];

export interface ListOptions {
  all: boolean;
  limit: number;
  filters: FilterArgs;
}

/**
 * moby filters.Match for `key`: each value is a regular expression (an invalid one matches
 * nothing), compiled once per listing; undefined when the filter is not given.
 */
function regexMatcher(filters: FilterArgs, key: string): ((...sources: string[]) => boolean) | undefined {
  const values = filters.get(key);
  if (values.length === 0) return undefined;
  const patterns = values.flatMap((pattern) => {
    try {
      return [new RegExp(pattern)];
    } catch {
      return [];
    }
  });
  return (...sources) => patterns.some((re) => sources.some((s) => re.test(s)));
}

/** The image IDs `ancestor` filters select: each named image and every image built on it. */
function ancestorImages(svc: ContainerService, values: string[]): Set<string> {
  const ids = new Set<string>();
  const addWithChildren = (id: string) => {
    if (ids.has(id)) return;
    ids.add(id);
    for (const child of svc.ctx.store.children(id as never)) addWithChildren(child);
  };
  for (const value of values) {
    try {
      const image = svc.ctx.store.resolve(value);
      if (image) addWithChildren(image.id);
    } catch {
      try {
        const image = svc.ctx.store.resolve(familiarName(parseReference(value)));
        if (image) addWithChildren(image.id);
      } catch {
        // not an image: selects nothing
      }
    }
  }
  return ids;
}

export function listContainers(svc: ContainerService, options: ListOptions): Container[] {
  const { filters } = options;
  filters.validate(ACCEPTED);
  const exited = filters.get('exited').map((value) => {
    if (!/^[+-]?\d+$/.test(value)) throw DaemonError.invalidParameter(`invalid filter 'exited=${value}'`);
    return Number(value);
  });
  let all = options.all;
  for (const status of filters.get('status')) {
    if (!CONTAINER_STATUSES.includes(status as ContainerStatus))
      throw DaemonError.invalidParameter(`invalid filter 'status=${status}'`);
    all = true;
  }
  const wantTasks = taskFilter(filters);
  checkHealthFilter(filters);
  const before = filters
    .get('before')
    .map((v) => svc.store.find(v))
    .at(-1);
  const since = filters
    .get('since')
    .map((v) => svc.store.find(v))
    .at(-1);
  const ancestors = filters.contains('ancestor') ? ancestorImages(svc, filters.get('ancestor')) : undefined;
  const publish = portFilter(filters, 'publish');
  const expose = portFilter(filters, 'expose');
  const byPort = publish.length > 0 || expose.length > 0;
  const volumes = filters.contains('volume') ? filters.get('volume') : undefined;
  const networks = filters.contains('network') ? filters.get('network') : undefined;
  const nameMatches = regexMatcher(filters, 'name');
  const idMatches = regexMatcher(filters, 'id');
  const out: Container[] = [];
  let passedBefore = before === undefined;
  for (const c of svc.store.list()) {
    if (!passedBefore) {
      if (c.id === before!.id) passedBefore = true;
      continue;
    }
    if (since !== undefined && c.id === since.id) break;
    if (!c.state.running && !all && options.limit <= 0) continue;
    if (nameMatches && !nameMatches(c.name, c.shortName)) continue;
    if (idMatches && !idMatches(c.id)) continue;
    if (wantTasks === true) continue; // never a swarm task
    if (!filters.matchKeyValues('label', c.config.Labels)) continue;
    if (options.limit > 0 && out.length === options.limit) break;
    if (exited.length > 0 && !(exited.includes(c.state.exitCode) && !c.state.running && c.state.startedAt !== 0))
      continue;
    if (!filters.exactMatch('status', c.status)) continue;
    if (!filters.exactMatch('health', c.health?.status ?? HEALTH_NONE)) continue;
    if (volumes !== undefined && !matchesVolume(volumes, svc.mounts.of(c.id))) continue;
    if (ancestors !== undefined && !ancestors.has(c.imageId)) continue;
    if (networks !== undefined && !matchesNetwork(networks, svc.networking.attachments.of(c.id))) continue;
    if (byPort && !matchesPorts(publish, expose, portList(svc, c))) continue;
    out.push(c);
  }
  return out;
}
