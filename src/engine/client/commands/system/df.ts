// `docker system df`: where the daemon's disk goes (`GET /system/df`) — images, containers'
// writable layers, volumes, build cache — and how much of it nothing uses any more.
//
//   TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE
//   Images          2         0         54.39kB   54.39kB (100%)
//   Containers      0         0         0B        0B
import { humanSize } from '../../../image/size';
import { noArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool } from '../../cli/flag';
import { formatContext, formatRows, type FormatContext } from '../../format/formatter';
import { imageContextFor, type ImageSummary } from '../image/list';
import { CONTAINER_HEADER, containerContext, type ContainerSummary } from '../container/container-context';
import { tableFormatFlag } from '../shared/format-flag';

interface DiskUsage {
  LayersSize?: number;
  Images?: ImageSummary[] | null;
  Containers?: ContainerSummary[] | null;
  Volumes?: { Name: string; UsageData?: { Size: number; RefCount: number } }[] | null;
  BuildCache?: { Size: number; Shared: boolean; InUse: boolean }[] | null;
}

const HEADER = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };

const withShare = (reclaimable: number, total: number) =>
  total > 0 ? `${humanSize(reclaimable, 4)} (${Math.trunc((reclaimable * 100) / total)}%)` : humanSize(reclaimable, 4);

function summaryRow(type: string, total: number, active: number, size: string, reclaimable: string): FormatContext {
  return formatContext('*formatter.diskUsageContext', {
    Active: () => String(active),
    Reclaimable: () => reclaimable,
    Size: () => size,
    TotalCount: () => String(total),
    Type: () => type,
  });
}

function summaryRows(du: DiskUsage): FormatContext[] {
  const images = du.Images ?? [];
  const layers = du.LayersSize ?? 0;
  let used = 0;
  for (const i of images)
    if ((i.Containers ?? 0) !== 0 && i.Size !== -1 && (i.SharedSize ?? -1) !== -1) used += i.Size - (i.SharedSize ?? 0);
  const containers = du.Containers ?? [];
  const active = (c: ContainerSummary) => /running|paused|restarting/.test(c.State);
  const rwTotal = containers.reduce((n, c) => n + (c.SizeRw ?? 0), 0);
  const rwIdle = containers.filter((c) => !active(c)).reduce((n, c) => n + (c.SizeRw ?? 0), 0);
  const volumes = du.Volumes ?? [];
  const volumeSize = volumes.reduce((n, v) => n + Math.max(0, v.UsageData?.Size ?? 0), 0);
  const volumeIdle = volumes
    .filter((v) => (v.UsageData?.RefCount ?? 0) === 0)
    .reduce((n, v) => n + Math.max(0, v.UsageData?.Size ?? 0), 0);
  const cache = du.BuildCache ?? [];
  const cacheSize = cache.filter((b) => !b.Shared).reduce((n, b) => n + b.Size, 0);
  const cacheIdle = cache.filter((b) => !b.Shared && !b.InUse).reduce((n, b) => n + b.Size, 0);
  return [
    summaryRow(
      'Images',
      images.length,
      images.filter((i) => (i.Containers ?? 0) > 0).length,
      humanSize(layers, 4),
      withShare(layers - used, layers),
    ),
    summaryRow(
      'Containers',
      containers.length,
      containers.filter(active).length,
      humanSize(rwTotal, 4),
      withShare(rwIdle, rwTotal),
    ),
    summaryRow(
      'Local Volumes',
      volumes.length,
      volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length,
      humanSize(volumeSize, 4),
      withShare(volumeIdle, volumeSize),
    ),
    summaryRow(
      'Build Cache',
      cache.length,
      cache.filter((b) => b.InUse).length,
      humanSize(cacheSize, 4),
      humanSize(cacheIdle, 4),
    ),
  ];
}

function verboseTables(du: DiskUsage, now: number): string {
  let out = 'Images space usage:\n\n';
  const images = (du.Images ?? []).map((i) => {
    const tag = (i.RepoTags ?? [])[0];
    const dangling = !tag || tag === '<none>:<none>';
    const colon = tag ? tag.lastIndexOf(':') : -1;
    return imageContextFor(
      {
        image: i,
        repo: dangling ? '<none>' : tag!.slice(0, colon),
        tag: dangling ? '<none>' : tag!.slice(colon + 1),
        digest: '',
      },
      true,
      now,
    );
  });
  out += formatRows(
    'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}',
    images,
    {
      Repository: 'REPOSITORY',
      Tag: 'TAG',
      ID: 'IMAGE ID',
      CreatedSince: 'CREATED',
      Size: 'SIZE',
      SharedSize: 'SHARED SIZE',
      UniqueSize: 'UNIQUE SIZE',
      Containers: 'CONTAINERS',
    },
  );
  out += '\nContainers space usage:\n\n';
  const containers = (du.Containers ?? []).map((c) => containerContext({ ...c, SizeRootFs: 0 }, true, now));
  out += formatRows(
    'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}',
    containers,
    CONTAINER_HEADER,
  );
  out += '\nLocal Volumes space usage:\n\n';
  const volumes = (du.Volumes ?? []).map((v) =>
    formatContext('*formatter.volumeContext', {
      Name: () => v.Name,
      Links: () => String(v.UsageData?.RefCount ?? -1),
      Size: () => ((v.UsageData?.Size ?? -1) === -1 ? 'N/A' : humanSize(v.UsageData!.Size, 4)),
    }),
  );
  out += formatRows('table {{.Name}}\t{{.Links}}\t{{.Size}}', volumes, {
    Name: 'VOLUME NAME',
    Links: 'LINKS',
    Size: 'SIZE',
  });
  const cacheSize = (du.BuildCache ?? []).filter((b) => !b.Shared).reduce((n, b) => n + b.Size, 0);
  out += `\nBuild cache usage: ${humanSize(cacheSize, 4)}\n\n`;
  out += formatRows(
    'table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}',
    [],
    {
      ID: 'CACHE ID',
      CacheType: 'CACHE TYPE',
      Size: 'SIZE',
      CreatedSince: 'CREATED',
      LastUsedSince: 'LAST USED',
      UsageCount: 'USAGE',
      Shared: 'SHARED',
    },
  );
  return out;
}

export async function runDiskUsage(cli: DockerCli, options: { format: string; verbose: boolean }): Promise<void> {
  const du = (await cli.api.json<DiskUsage>('GET', '/system/df')) ?? {};
  let format = options.format || 'table';
  if (options.verbose && format === 'table') return cli.out.write(verboseTables(du, cli.now()));
  if (format === 'table') format = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';
  else if (format === 'raw')
    format =
      'type: {{.Type}}\ntotal: {{.TotalCount}}\nactive: {{.Active}}\nsize: {{.Size}}\nreclaimable: {{.Reclaimable}}\n';
  cli.out.write(formatRows(format, summaryRows(du), HEADER));
}

export function diskUsageCommand(): CommandSpec {
  return {
    name: 'df',
    use: 'df [OPTIONS]',
    short: 'Show docker disk usage',
    args: noArgs,
    flags: [tableFormatFlag(), bool('verbose', 'v', 'Show detailed information on space usage')],
    run: ({ cli, flags }) => runDiskUsage(cli, { format: flags.string('format'), verbose: flags.bool('verbose') }),
  };
}
