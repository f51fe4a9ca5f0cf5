// A row of `docker volume ls` (docker/cli `formatter/volume.go`): a volume's driver and name; the
// cluster-volume columns (GROUP, AVAILABILITY, STATUS) and the usage ones (LINKS, SIZE) read `N/A`
// for an ordinary local volume.
//
//   DRIVER    VOLUME NAME
//   local     4d1c2b3a…   (anonymous: 64 hex digits)
//   local     data
import { humanSize } from '../../../image/size';
import { formatContext, type FormatContext } from '../../format/formatter';

/** The fields of a volume that the CLI prints (volume.Volume). */
export interface VolumeSummary {
  Name: string;
  Driver?: string;
  Mountpoint?: string;
  Scope?: string;
  CreatedAt?: string;
  Labels?: Record<string, string> | null;
  Options?: Record<string, string> | null;
  UsageData?: { Size: number; RefCount: number } | null;
  ClusterVolume?: unknown;
}

export const VOLUME_HEADER = {
  Name: 'VOLUME NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  Mountpoint: 'MOUNTPOINT',
  Labels: 'LABELS',
  Links: 'LINKS',
  Size: 'SIZE',
  Group: 'GROUP',
  Availability: 'AVAILABILITY',
  Status: 'STATUS',
};

export const DEFAULT_VOLUME_FORMAT = 'table {{.Driver}}\t{{.Name}}';

/** NewFormat: the template a `--format` value (and `-q`) stands for. */
export function volumeFormat(format: string, quiet: boolean): string {
  if (format === 'table') return quiet ? '{{.Name}}' : DEFAULT_VOLUME_FORMAT;
  if (format === 'raw') return quiet ? 'name: {{.Name}}' : 'name: {{.Name}}\ndriver: {{.Driver}}\n';
  return format;
}

/** The formatter context of one volume. */
export function volumeContext(v: VolumeSummary): FormatContext {
  const labels = v.Labels ?? null;
  const usage = v.UsageData ?? null;
  return formatContext(
    '*formatter.volumeContext',
    {
      Availability: () => 'N/A',
      Driver: () => v.Driver ?? '',
      Group: () => 'N/A',
      // Go walks a map here, in no fixed order; sorted, so that the output is stable.
      Labels: () =>
        labels === null
          ? ''
          : Object.keys(labels)
              .sort()
              .map((k) => `${k}=${labels[k]}`)
              .join(','),
      Links: () => (usage === null ? 'N/A' : String(usage.RefCount)),
      Mountpoint: () => v.Mountpoint ?? '',
      Name: () => v.Name,
      Scope: () => v.Scope ?? '',
      Size: () => (usage === null ? 'N/A' : humanSize(usage.Size, 4)),
      Status: () => 'N/A',
    },
    { Label: (name: unknown) => (labels === null ? '' : (labels[String(name)] ?? '')) },
  );
}
