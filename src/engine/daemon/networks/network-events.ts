// Network and volume events as `docker events` shows them (moby LogNetworkEventWithAttributes,
// LogVolumeEvent): the actor is the network by ID with its `name` and driver `type` — plus the
// `container` ID on connect and disconnect — or the volume by name with its `driver` (and, on
// mount, the container, destination, propagation and read/write mode).
import type { EventLog } from '../events';
import type { Network } from './network';

export type NetworkAction = 'create' | 'connect' | 'disconnect' | 'destroy';

export function logNetworkEvent(events: EventLog, network: Network, action: NetworkAction, containerId?: string): void {
  const Attributes: Record<string, string> = {};
  if (containerId !== undefined) Attributes.container = containerId;
  Attributes.name = network.name;
  Attributes.type = network.driver;
  events.emit({ Type: 'network', Action: action, Actor: { ID: network.id, Attributes } });
}

/** `docker network prune`'s event: no actor and no attributes (networks take no space). */
export function logNetworkPrune(events: EventLog): void {
  events.emit({ Type: 'network', Action: 'prune', Actor: { ID: '', Attributes: {} } });
}

export type VolumeAction = 'create' | 'mount' | 'unmount' | 'destroy';

export function logVolumeEvent(
  events: EventLog,
  name: string,
  action: VolumeAction,
  extra: Record<string, string> = {},
): void {
  events.emit({ Type: 'volume', Action: action, Actor: { ID: name, Attributes: { driver: 'local', ...extra } } });
}

/** `docker volume prune`'s event: the bytes it freed. */
export function logVolumePrune(events: EventLog, reclaimed: number): void {
  events.emit({ Type: 'volume', Action: 'prune', Actor: { ID: '', Attributes: { reclaimed: String(reclaimed) } } });
}
