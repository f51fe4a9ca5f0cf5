// `docker port web`: which host addresses reach the container's ports. The CLI inspects the
// container (`GET /containers/web/json`) and reads `NetworkSettings.Ports`, one line per binding,
// sorted as people count:
//
//   80/tcp -> 0.0.0.0:8080
//   80/tcp -> [::]:8080
//
// `docker port web 80` prints only the host side of 80/tcp (`0.0.0.0:8080`, `[::]:8080`), and
// `Error: No public port '80' published for web` when nothing is published there.
import { rangeArgs, type CommandSpec } from '../../cli/command';
import { naturalCompare } from '../shared/natural-order';

interface PortBindingJson {
  HostIp?: string;
  HostPort?: string;
}

/** net.JoinHostPort: brackets around an IPv6 host. */
export const joinHostPort = (host: string, port: string) =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

export function portCommand(): CommandSpec {
  return {
    name: 'port',
    use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
    short: 'List port mappings or a specific mapping for the container',
    aliasesText: 'docker container port, docker port',
    args: rangeArgs(1, 2),
    async run({ cli, args }) {
      const [name, wanted = ''] = args as [string, string?];
      const container = await cli.api.json<{
        NetworkSettings?: { Ports?: Record<string, PortBindingJson[] | null> | null } | null;
      }>('GET', `/containers/${name}/json`);
      const ports = container?.NetworkSettings?.Ports ?? {};
      const lines: string[] = [];
      if (wanted !== '') {
        const slash = wanted.indexOf('/');
        const port = slash < 0 ? wanted : wanted.slice(0, slash);
        const proto = (slash < 0 ? '' : wanted.slice(slash + 1)) || 'tcp';
        if (!/^\d+$/.test(port) || Number(port) > 65535) {
          const reason = /^\d+$/.test(port) ? 'value out of range' : 'invalid syntax';
          throw new Error(
            `Error: invalid port (${port}): strconv.ParseUint: parsing ${JSON.stringify(port)}: ${reason}`,
          );
        }
        const frontends = ports[`${port}/${proto}`] ?? [];
        if (frontends.length === 0) throw new Error(`Error: No public port '${wanted}' published for ${name}`);
        for (const f of frontends) lines.push(joinHostPort(f.HostIp ?? '', f.HostPort ?? ''));
      } else {
        for (const [from, frontends] of Object.entries(ports)) {
          for (const f of frontends ?? []) lines.push(`${from} -> ${joinHostPort(f.HostIp ?? '', f.HostPort ?? '')}`);
        }
      }
      if (lines.length > 0) cli.out.write(lines.sort(naturalCompare).join('\n') + '\n');
    },
  };
}
