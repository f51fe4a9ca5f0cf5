// A row of `docker ps` (docker/cli `formatter/container.go`): each column read from the daemon's
// container summary the way the CLI shapes it — IDs cut to 12, the command quoted and cut to 20,
// the image by its familiar name, CREATED as "2 minutes ago", and ports grouped:
//
//   CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS                                   NAMES
//   4f3c2a1b0d9e   nginx     "/docker-entrypoint.…"   2 minutes ago   Up 2 minutes   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web
import { humanSize } from '../../../image/size';
import { familiarString, parseReference, withTag, nameOnly } from '../../../reference';
import { formatContext, type FormatContext } from '../../format/formatter';
import { timeAgo } from '../../format/human-duration';
import { goTimeString, truncateId } from '../../format/ids';
import { ellipsis } from '../../format/text';
import { goQuote } from '../../cli/go-strconv';

export interface PortSummary {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

export interface MountSummary {
  Type?: string;
  Name?: string;
  Source?: string;
  Destination?: string;
  Driver?: string;
}

export interface ContainerSummary {
  Id: string;
  Names?: string[] | null;
  Image: string;
  ImageID?: string;
  Command: string;
  Created: number;
  Ports?: PortSummary[] | null;
  SizeRw?: number;
  SizeRootFs?: number;
  Labels?: Record<string, string> | null;
  State: string;
  Status: string;
  Mounts?: MountSummary[] | null;
  NetworkSettings?: { Networks?: Record<string, unknown> | null } | null;
}

export const CONTAINER_HEADER = {
  ID: 'CONTAINER ID',
  Names: 'NAMES',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
  Platform: 'PLATFORM',
};

function comparePorts(a: PortSummary, b: PortSummary): number {
  if (a.PrivatePort !== b.PrivatePort) return a.PrivatePort - b.PrivatePort;
  if ((a.IP ?? '') !== (b.IP ?? '')) return (a.IP ?? '') < (b.IP ?? '') ? -1 : 1;
  if ((a.PublicPort ?? 0) !== (b.PublicPort ?? 0)) return (a.PublicPort ?? 0) - (b.PublicPort ?? 0);
  return a.Type < b.Type ? -1 : a.Type > b.Type ? 1 : 0;
}

const joinHostPort = (ip: string, port: number | string) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

function formGroup(key: string, first: number, last: number): string {
  const parts = key.split('/');
  const ip = parts.length > 1 ? parts[0]! : '';
  const type = parts.length > 1 ? parts[1]! : parts[0]!;
  let group = first === last ? String(first) : `${first}-${last}`;
  if (ip !== '') group = `${joinHostPort(ip, group)}->${group}`;
  return `${group}/${type}`;
}

/** docker/cli DisplayablePorts: `0.0.0.0:8080->80/tcp, [::]:8080->80/tcp`, `80/tcp`, `3300-3310/tcp`. */
export function displayablePorts(ports: readonly PortSummary[]): string {
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const port of [...ports].sort(comparePorts)) {
    const current = port.PrivatePort;
    let key = port.Type;
    if (port.IP) {
      if ((port.PublicPort ?? 0) !== current) {
        hostMappings.push(`${joinHostPort(port.IP, port.PublicPort ?? 0)}->${port.PrivatePort}/${port.Type}`);
        continue;
      }
      key = `${port.IP}/${port.Type}`;
    }
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { first: current, last: current });
      continue;
    }
    if (current === group.last + 1) {
      group.last = current;
      continue;
    }
    result.push(formGroup(key, group.first, group.last));
    groups.set(key, { first: current, last: current });
  }
  for (const [key, g] of groups) result.push(formGroup(key, g.first, g.last));
  return [...result, ...hostMappings].join(', ');
}

function imageColumn(c: ContainerSummary, trunc: boolean): string {
  if (c.Image === '') return '<no image>';
  if (trunc) {
    if (truncateId(c.ImageID ?? '') === truncateId(c.Image)) return truncateId(c.Image);
    try {
      const ref = parseReference(c.Image);
      return familiarString(ref.tag !== undefined ? withTag(nameOnly(ref), ref.tag) : nameOnly(ref));
    } catch {
      // not a reference: shown as is
    }
  }
  return c.Image;
}

/** The formatter context of one container. */
export function containerContext(c: ContainerSummary, trunc: boolean, now: number): FormatContext {
  const names = () => {
    let list = (c.Names ?? []).map((n) => n.replace(/^\//, ''));
    if (trunc) {
      const simple = list.find((n) => !n.includes('/'));
      if (simple !== undefined) list = [simple];
    }
    return list.join(',');
  };
  const labels = c.Labels ?? null;
  return formatContext(
    '*formatter.ContainerContext',
    {
      Command: () => goQuote(trunc ? ellipsis(c.Command, 20) : c.Command),
      CreatedAt: () => goTimeString(c.Created * 1000, ''),
      ID: () => (trunc ? truncateId(c.Id) : c.Id),
      Image: () => imageColumn(c, trunc),
      Labels: () =>
        labels === null
          ? ''
          : Object.entries(labels)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, v]) => `${k}=${v}`)
              .join(','),
      LocalVolumes: () => String((c.Mounts ?? []).filter((m) => m.Driver === 'local').length),
      Mounts: () =>
        (c.Mounts ?? [])
          .map((m) => {
            const name = m.Name ? m.Name : (m.Source ?? '');
            return trunc ? ellipsis(name, 15) : name;
          })
          .join(','),
      Names: names,
      Networks: () => Object.keys(c.NetworkSettings?.Networks ?? {}).join(','),
      Platform: () => null,
      Ports: () => displayablePorts(c.Ports ?? []),
      RunningFor: () => timeAgo(c.Created * 1000, now),
      Size: () => {
        const rw = humanSize(c.SizeRw ?? 0, 3);
        return (c.SizeRootFs ?? 0) > 0 ? `${rw} (virtual ${humanSize(c.SizeRootFs ?? 0, 3)})` : rw;
      },
      State: () => c.State,
      Status: () => c.Status,
    },
    { Label: (name: unknown) => (labels === null ? '' : (labels[String(name)] ?? '')) },
  );
}

export const DEFAULT_CONTAINER_FORMAT =
  'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';
