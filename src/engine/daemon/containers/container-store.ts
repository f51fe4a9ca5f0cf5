// The daemon's containers and the names they answer to (moby's container store and name
// registrar). Any container endpoint takes what the user typed and finds the container as
// `GetContainer` does: a full ID first, then an exact name (`web` or `/web`), then a unique ID
// prefix (`3f1d`). Nothing found is `No such container: x` (404); a prefix shared by several IDs is
// `multiple IDs found with provided prefix: x` (400).
import { DaemonError } from '../api/errors';
import type { Container } from './container';
import { nameConflict, normaliseName } from './names';

export class ContainerStore {
  private readonly byId = new Map<string, Container>();
  private readonly byName = new Map<string, string>();

  /** Every container, newest first (as `docker ps` lists them). */
  list(): Container[] {
    return [...this.byId.values()].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): Container | undefined {
    return this.byId.get(id);
  }

  /** Which container holds a name (`/web`). */
  holderOf(name: string): string | undefined {
    return this.byName.get(name);
  }

  /** Reserve `name` (already normalised) for `id`; 409 when someone else has it. */
  reserveName(name: string, id: string): void {
    const holder = this.byName.get(name);
    if (holder !== undefined && holder !== id) throw nameConflict(name, holder);
    this.byName.set(name, id);
  }

  releaseName(name: string): void {
    this.byName.delete(name);
  }

  add(container: Container): void {
    this.reserveName(container.name, container.id);
    this.byId.set(container.id, container);
  }

  delete(container: Container): void {
    this.byId.delete(container.id);
    if (this.byName.get(container.name) === container.id) this.byName.delete(container.name);
  }

  /** moby GetContainer: full ID, exact name, then unique ID prefix. */
  find(prefixOrName: string): Container {
    if (prefixOrName === '') throw DaemonError.invalidParameter('invalid name or ID supplied: ""');
    const exact = this.byId.get(prefixOrName);
    if (exact) return exact;
    let byName: string | undefined;
    try {
      byName = this.byName.get(normaliseName(prefixOrName));
    } catch {
      byName = undefined;
    }
    if (byName !== undefined) return this.byId.get(byName)!;
    const matches = [...this.byId.keys()].filter((id) => id.startsWith(prefixOrName));
    if (matches.length > 1) {
      throw DaemonError.invalidParameter(`multiple IDs found with provided prefix: ${prefixOrName}`);
    }
    if (matches.length === 0) throw DaemonError.notFound(`No such container: ${prefixOrName}`);
    return this.byId.get(matches[0]!)!;
  }
}
