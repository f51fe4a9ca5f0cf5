// Which events a `docker events --filter …` subscriber sees, after moby's daemon/events/filter.go:
// every filter must match. `type`, `event` (the action), `scope` match exactly; `container`,
// `network`, `volume`… match the actor's ID or `name` attribute by prefix; `image` matches an image
// event's ID or name, or a container event's `image` attribute, with or without its tag; `label`
// matches the actor's attributes as `key` or `key=value`.
import { familiarName, parseReference } from '../reference';
import type { EventMessage } from './events';
import type { FilterArgs } from './filters';

/** Filters matched against the actor's ID or `name` by prefix, whatever the event's type. */
const BY_NAME = ['daemon', 'container', 'plugin', 'volume', 'network', 'node', 'service', 'secret', 'config'];
/** Actions matched by prefix rather than exactly (`exec_start: sh` matches `exec_start`). */
const FUZZY_ACTIONS = ['health_status', 'exec_create', 'exec_start'];

export function includesEvent(filters: FilterArgs, ev: EventMessage): boolean {
  return (
    matchAction(filters, ev) &&
    filters.exactMatch('type', ev.Type) &&
    (!filters.contains('scope') || filters.exactMatch('scope', ev.scope)) &&
    BY_NAME.every((type) => matchName(filters, type, ev)) &&
    matchImage(filters, ev) &&
    (!filters.contains('label') || filters.matchKeyValues('label', ev.Actor.Attributes))
  );
}

function matchAction(filters: FilterArgs, ev: EventMessage): boolean {
  if (filters.get('event').some((v) => FUZZY_ACTIONS.includes(v))) return filters.fuzzyMatch('event', ev.Action);
  return filters.exactMatch('event', ev.Action);
}

function matchName(filters: FilterArgs, type: string, ev: EventMessage): boolean {
  return filters.fuzzyMatch(type, ev.Actor.ID) || filters.fuzzyMatch(type, ev.Actor.Attributes.name ?? '');
}

function matchImage(filters: FilterArgs, ev: EventMessage): boolean {
  const id = ev.Actor.ID;
  const name = ev.Actor.Attributes[ev.Type === 'image' ? 'name' : 'image'] ?? '';
  return [id, name, withoutTag(id), withoutTag(name)].some((candidate) => filters.exactMatch('image', candidate));
}

function withoutTag(image: string): string {
  try {
    return familiarName(parseReference(image));
  } catch {
    return image;
  }
}
