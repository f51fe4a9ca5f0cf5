// A row of `docker network ls` (docker/cli `network/formatter.go`): what the daemon's network
// summary shows per column, IDs cut to 12 unless `--no-trunc`:
//
//   NETWORK ID     NAME      DRIVER    SCOPE
//   8d3f5a1c2b4e   bridge    bridge    local
//   cc3f5a1c2b4e   host      host      local
//   dd3f5a1c2b4e   none      null      local
import { formatContext, type FormatContext } from '../../format/formatter';
import { fractionOf, goTimeString, parseRfc3339, truncateId } from '../../format/ids';

/** The fields of `GET /networks` that the CLI prints (network.Summary). */
export interface NetworkSummary {
  Name: string;
  Id: string;
  Created?: string;
  Scope?: string;
  Driver?: string;
  EnableIPv4?: boolean;
  EnableIPv6?: boolean;
  Internal?: boolean;
  Labels?: Record<string, string> | null;
}

export const NETWORK_HEADER = {
  ID: 'NETWORK ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv4: 'IPV4',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  Labels: 'LABELS',
  CreatedAt: 'CREATED AT',
};

export const DEFAULT_NETWORK_FORMAT = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';

/** NewFormat: the template a `--format` value (and `-q`) stands for. */
export function networkFormat(format: string, quiet: boolean): string {
  if (format === 'table') return quiet ? '{{.ID}}' : DEFAULT_NETWORK_FORMAT;
  if (format === 'raw') {
    return quiet
      ? 'network_id: {{.ID}}'
      : 'network_id: {{.ID}}\nname: {{.Name}}\ndriver: {{.Driver}}\nscope: {{.Scope}}\n';
  }
  return format;
}

/** The formatter context of one network. */
export function networkContext(n: NetworkSummary, trunc: boolean): FormatContext {
  const labels = n.Labels ?? null;
  return formatContext(
    '*network.networkContext',
    {
      CreatedAt: () => goTimeString(parseRfc3339(n.Created ?? '0001-01-01T00:00:00Z'), fractionOf(n.Created ?? '')),
      Driver: () => n.Driver ?? '',
      ID: () => (trunc ? truncateId(n.Id) : n.Id),
      IPv4: () => String(n.EnableIPv4 ?? false),
      IPv6: () => String(n.EnableIPv6 ?? false),
      Internal: () => String(n.Internal ?? false),
      // Go walks a map here, in no fixed order; sorted, so that the output is stable.
      Labels: () =>
        labels === null
          ? ''
          : Object.keys(labels)
              .sort()
              .map((k) => `${k}=${labels[k]}`)
              .join(','),
      Name: () => n.Name,
      Scope: () => n.Scope ?? '',
    },
    { Label: (name: unknown) => (labels === null ? '' : (labels[String(name)] ?? '')) },
  );
}
