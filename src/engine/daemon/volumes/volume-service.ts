// The daemon's volumes (moby daemon/volume/service): create, find, list, remove, prune — and who
// uses each one. A volume is "in use" while a container (running or not) refers to it; such a
// volume cannot be removed, `force` or not: `remove data: volume is in use - [3f1d…]` (409). A
// missing one is `get nosuch: no such volume` (404), which `force` ignores.
//
// `docker volume create` of a name that exists answers with the existing volume. `prune` removes
// unused anonymous volumes only, unless `all=true` (API 1.42+): named volumes hold data someone
// chose to keep.
import { DaemonError } from '../api/errors';
import type { IdSource } from '../containers/ids';
import type { EventLog } from '../events';
import { FilterArgs } from '../filters';
import { logVolumeEvent, logVolumePrune } from '../networks/network-events';
import { ANONYMOUS_LABEL, Volume, validateVolumeName } from './volume';

export interface VolumeCreateRequest {
  Name?: string;
  Driver?: string;
  DriverOpts?: Record<string, string> | null;
  Labels?: Record<string, string> | null;
}

const LIST_FILTERS = ['dangling', 'driver', 'label', 'name'];

export class VolumeService {
  private readonly byName = new Map<string, Volume>();
  private readonly users = new Map<string, Set<string>>();

  constructor(
    private readonly ids: IdSource,
    private readonly now: () => number,
    private readonly events: EventLog,
  ) {}

  /** Every volume, oldest first. */
  all(): Volume[] {
    return [...this.byName.values()];
  }

  /** Put a volume in the table (restore). */
  add(volume: Volume): void {
    this.byName.set(volume.name, volume);
  }

  get(name: string): Volume {
    const volume = this.byName.get(name);
    if (volume === undefined) throw DaemonError.notFound(`get ${name}: no such volume`);
    return volume;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** `docker volume create`, `-v name:/path`, an anonymous volume (no name). */
  create(request: VolumeCreateRequest, anonymous = false): Volume {
    const driver = request.Driver === undefined || request.Driver === '' ? 'local' : request.Driver;
    if (driver !== 'local') throw DaemonError.notFound(`plugin "${driver}" not found`);
    const name = request.Name === undefined || request.Name === '' ? this.ids.nextId() : request.Name;
    validateVolumeName(name);
    const existing = this.byName.get(name);
    if (existing) return existing;
    const labels = request.Labels ? { ...request.Labels } : anonymous ? {} : null;
    if (anonymous && labels) labels[ANONYMOUS_LABEL] = '';
    const options = request.DriverOpts ? { ...request.DriverOpts } : null;
    const volume = new Volume({ name, createdAt: this.now(), labels, options }, this.now);
    this.byName.set(name, volume);
    logVolumeEvent(this.events, name, 'create');
    return volume;
  }

  /** Containers referring to a volume. */
  usersOf(name: string): string[] {
    return [...(this.users.get(name) ?? [])];
  }

  use(name: string, containerId: string): void {
    let set = this.users.get(name);
    if (set === undefined) this.users.set(name, (set = new Set()));
    set.add(containerId);
  }

  release(name: string, containerId: string): void {
    this.users.get(name)?.delete(containerId);
    if (this.users.get(name)?.size === 0) this.users.delete(name);
  }

  /** `docker volume rm [-f]`. */
  remove(name: string, force: boolean): void {
    const volume = this.byName.get(name);
    if (volume === undefined) {
      if (force) return;
      throw DaemonError.notFound(`get ${name}: no such volume`);
    }
    const users = this.usersOf(name);
    if (users.length > 0) throw DaemonError.conflict(`remove ${name}: volume is in use - [${users.join(', ')}]`);
    this.byName.delete(name);
    logVolumeEvent(this.events, name, 'destroy');
  }

  /** `GET /volumes?filters=…`. */
  list(filters: FilterArgs): Volume[] {
    filters.validate(LIST_FILTERS);
    const dangling = filters.contains('dangling') ? filters.boolOrDefault('dangling', false) : undefined;
    return this.all().filter(
      (v) =>
        (filters.get('name').length === 0 || filters.get('name').some((n) => v.name.includes(n))) &&
        filters.exactMatch('driver', 'local') &&
        filters.matchKeyValues('label', v.labels) &&
        (dangling === undefined || dangling === (this.usersOf(v.name).length === 0)),
    );
  }

  /** `POST /volumes/prune`: unused anonymous volumes, or every unused one with `all=true`. */
  prune(filters: FilterArgs): { deleted: string[]; reclaimed: number } {
    filters.validate(['label', 'label!', 'all']);
    const all = filters.contains('all') ? filters.boolOrDefault('all', false) : false;
    const deleted: string[] = [];
    let reclaimed = 0;
    for (const volume of this.all()) {
      if (this.usersOf(volume.name).length > 0) continue;
      if (!all && !volume.anonymous) continue;
      if (!filters.matchKeyValues('label', volume.labels)) continue;
      if (
        filters.contains('label!') &&
        FilterArgs.of({ label: filters.get('label!') }).matchKeyValues('label', volume.labels)
      )
        continue;
      reclaimed += volume.size;
      this.byName.delete(volume.name);
      logVolumeEvent(this.events, volume.name, 'destroy');
      deleted.push(volume.name);
    }
    logVolumePrune(this.events, reclaimed);
    return { deleted, reclaimed };
  }
}
