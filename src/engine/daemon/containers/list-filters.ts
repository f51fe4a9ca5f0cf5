// The `docker ps --filter` keys that look past a container's own config (moby daemon/list.go,
// foldFilter and includeContainerInList), each validated and matched as dockerd does:
//
//   is-task=true|false     swarm tasks only / no swarm tasks; ours are never tasks. Anything else
//                          is `invalid filter 'is-task=[maybe]'` (400)
//   health=starting|healthy|unhealthy|none
//                          exact match on the probe's status (./health/); `none` for a container
//                          that has no healthcheck or has never started with one. Another word is `Unrecognised filter value for health: x` (400)
//   volume=name-or-path    a listed mount whose volume name (a bind's host path) or destination is
//                          exactly the value
//   network=name-or-id     a network the container is configured for, by exact name or ID prefix
//   publish=, expose=      `<port>[/<proto>]` or `<start-end>[/<proto>]` (tcp when no protocol),
//                          matched against the PORTS column: `publish` against each row's public
//                          port, `expose` against its private port. dockerd reports bad values as
//                          plain errors, so they answer 500 with its words
//   isolation=…            a Windows notion: on Linux dockerd accepts any value and filters nothing
import { DaemonError } from '../api/errors';
import { invalidFilterText, type FilterArgs } from '../filters';
import type { ContainerNetworking } from '../networks/attachments';
import type { ContainerMount } from '../volumes/container-mounts';
import type { PortRow } from './network-settings';

const HEALTH_STATES = ['starting', 'healthy', 'unhealthy', 'none'];

/**
 * The `is-task` filter: undefined when absent, else whether tasks are wanted (`true` wins when
 * both are given, as moby checks it first).
 */
export function taskFilter(filters: FilterArgs): boolean | undefined {
  if (!filters.contains('is-task')) return undefined;
  if (filters.exactMatch('is-task', 'true')) return true;
  if (filters.exactMatch('is-task', 'false')) return false;
  throw DaemonError.invalidParameter(invalidFilterText('is-task', filters.get('is-task')));
}

/** Refuse a `health` value that is not a health state. */
export function checkHealthFilter(filters: FilterArgs): void {
  for (const value of filters.get('health')) {
    if (!HEALTH_STATES.includes(value)) {
      throw DaemonError.invalidParameter(`Unrecognised filter value for health: ${value}`);
    }
  }
}

/** The health of a container that has never run a probe (no healthcheck, or NONE). */
export const HEALTH_NONE = 'none';

/** One `publish`/`expose` value: a port range of one protocol. */
export interface PortRange {
  start: number;
  end: number;
  protocol: string;
}

/** Go's strconv.ParseUint(text, 10, 16), with its error text. */
function parsePortNumber(text: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`);
  const value = Number(text);
  if (value > 65535) throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`);
  return value;
}

/** go-connections nat.ParsePortRange: `80` or `8000-8080`. */
function parsePortRange(ports: string): [number, number] {
  if (ports === '') throw new Error('empty string specified for ports');
  if (!ports.includes('-')) {
    const port = parsePortNumber(ports);
    return [port, port];
  }
  const parts = ports.split('-');
  const start = parsePortNumber(parts[0]!);
  const end = parsePortNumber(parts[1]!);
  if (end < start) throw new Error(`invalid range specified for port: ${ports}`);
  return [start, end];
}

/** nat.SplitProtoPort: `80/udp` → udp and 80; no protocol (or an empty one) is tcp. */
function splitProtoPort(raw: string): { protocol: string; port: string } {
  const parts = raw.split('/');
  if (raw === '' || parts[0] === '') return { protocol: '', port: '' };
  if (parts.length === 1 || parts[1] === '') return { protocol: 'tcp', port: parts[0]! };
  return { protocol: parts[1]!, port: parts[0]! };
}

/** The port ranges a `publish` or `expose` filter names, or Docker's error for a bad value (500). */
export function portFilter(filters: FilterArgs, key: 'publish' | 'expose'): PortRange[] {
  return filters.get(key).map((value) => {
    if (value.includes(':')) throw DaemonError.system(`filter for '${key}' should not contain ':': ${value}`);
    const { protocol, port } = splitProtoPort(value);
    try {
      const [start, end] = parsePortRange(port);
      return { start, end, protocol };
    } catch (err) {
      throw DaemonError.system(`error while looking up for ${key} ${value}: ${(err as Error).message}`);
    }
  });
}

const inRanges = (ranges: readonly PortRange[], port: number, protocol: string) =>
  ranges.some((r) => r.protocol === protocol && port >= r.start && port <= r.end);

/**
 * Any row published on a `publish` port, or exposing an `expose` port (true when neither is given).
 * A row that is only exposed has public port 0, so `publish=0` finds it, as in dockerd.
 */
export function matchesPorts(publish: readonly PortRange[], expose: readonly PortRange[], rows: readonly PortRow[]) {
  if (publish.length === 0 && expose.length === 0) return true;
  return rows.some(
    (row) => inRanges(publish, row.PublicPort ?? 0, row.Type) || inRanges(expose, row.PrivatePort, row.Type),
  );
}

/** A `volume` value names one of the listed mounts, by destination or by volume name / host path. */
export function matchesVolume(values: readonly string[], mounts: readonly ContainerMount[]): boolean {
  const listed = mounts.filter((m) => m.listed);
  return values.some((value) => listed.some((m) => m.destination === value || m.source === value));
}

/** A `network` value is the name of a network the container is on, or a prefix of its ID. */
export function matchesNetwork(values: readonly string[], networking: ContainerNetworking | undefined): boolean {
  if (networking === undefined) return false;
  const { attachments } = networking;
  return values.some((value) => {
    if (attachments.has(value)) return true;
    for (const attachment of attachments.values()) {
      if ((attachment.networkId ?? '').startsWith(value)) return true;
    }
    return false;
  });
}
