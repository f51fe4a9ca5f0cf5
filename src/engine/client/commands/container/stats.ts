// `docker stats --no-stream`: one sample of each container's resource use
// (`GET /containers/{id}/stats?stream=0`), as a table — CPU from the change since the previous
// sample the daemon includes (`precpu_stats`), memory without the page cache, network and block
// I/O totals, processes:
//
//   CONTAINER ID   NAME   CPU %   MEM USAGE / LIMIT     MEM %   NET I/O         BLOCK I/O   PIDS
//   9ea7fde9fdd4   web    0.00%   3.1MiB / 7.7GiB       0.04%   1.2kB / 0B      0B / 0B     2
//
// Without names it samples the running containers (all with `-a`). Without `--no-stream` it keeps
// sampling, redrawing the table on a terminal, until interrupted.
import { humanSize } from '../../../image/size';
import type { CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool } from '../../cli/flag';
import { formatContext, formatRows } from '../../format/formatter';
import { truncateId } from '../../format/ids';
import { TABLE_FORMAT_HELP } from '../shared/format-flag';
import { string } from '../../cli/flag';

const TABLE =
  'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';
const HEADER = {
  ID: 'CONTAINER ID',
  Container: 'CONTAINER',
  Name: 'NAME',
  CPUPerc: 'CPU %',
  MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %',
  NetIO: 'NET I/O',
  BlockIO: 'BLOCK I/O',
  PIDs: 'PIDS',
};

interface StatsJson {
  id?: string;
  name?: string;
  cpu_stats?: { cpu_usage?: { total_usage?: number }; system_cpu_usage?: number; online_cpus?: number };
  precpu_stats?: { cpu_usage?: { total_usage?: number }; system_cpu_usage?: number };
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: { op?: string; value?: number }[] | null };
  pids_stats?: { current?: number };
}

/** go-units BytesSize: binary units, 4 significant digits (`3.1MiB`, `7.7GiB`). */
export function bytesSize(size: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toPrecision(4))}${units[unit]}`;
}

/** One table row from one sample (docker/cli `container/stats_helpers.go`). */
export function statsRow(s: StatsJson, container: string, noTrunc: boolean) {
  const cpuDelta = (s.cpu_stats?.cpu_usage?.total_usage ?? 0) - (s.precpu_stats?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (s.cpu_stats?.system_cpu_usage ?? 0) - (s.precpu_stats?.system_cpu_usage ?? 0);
  const cpus = s.cpu_stats?.online_cpus ?? 0;
  const cpu = systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * cpus * 100 : 0;
  const cache = s.memory_stats?.stats?.['inactive_file'] ?? s.memory_stats?.stats?.['total_inactive_file'] ?? 0;
  const usage = Math.max(0, (s.memory_stats?.usage ?? 0) - cache);
  const limit = s.memory_stats?.limit ?? 0;
  let rx = 0;
  let tx = 0;
  for (const n of Object.values(s.networks ?? {})) {
    rx += n.rx_bytes ?? 0;
    tx += n.tx_bytes ?? 0;
  }
  let read = 0;
  let write = 0;
  for (const e of s.blkio_stats?.io_service_bytes_recursive ?? []) {
    if (e.op?.toLowerCase() === 'read') read += e.value ?? 0;
    if (e.op?.toLowerCase() === 'write') write += e.value ?? 0;
  }
  const id = s.id ?? '';
  return formatContext('*formatter.statsContext', {
    BlockIO: () => `${humanSize(read, 3)} / ${humanSize(write, 3)}`,
    CPUPerc: () => `${cpu.toFixed(2)}%`,
    Container: () => container,
    ID: () => (noTrunc ? id : truncateId(id)),
    MemPerc: () => `${(limit > 0 ? (usage / limit) * 100 : 0).toFixed(2)}%`,
    MemUsage: () => `${bytesSize(usage)} / ${bytesSize(limit)}`,
    Name: () => (s.name ?? '').replace(/^\//, '') || '--',
    NetIO: () => `${humanSize(rx, 3)} / ${humanSize(tx, 3)}`,
    PIDs: () => String(s.pids_stats?.current ?? 0),
  });
}

export interface StatsOptions {
  containers: string[];
  all: boolean;
  noStream: boolean;
  noTrunc: boolean;
  format: string;
}

async function sample(cli: DockerCli, names: readonly string[], options: StatsOptions): Promise<string> {
  const rows = [];
  for (const name of names) {
    const s = await cli.api.json<StatsJson>('GET', `/containers/${name}/stats`, { query: { stream: '0' } });
    rows.push(statsRow(s ?? {}, name, options.noTrunc));
  }
  return formatRows(options.format || TABLE, rows, HEADER);
}

export async function runStats(cli: DockerCli, options: StatsOptions): Promise<void> {
  let names = options.containers;
  if (names.length === 0) {
    const list = await cli.api.json<{ Id: string }[]>('GET', '/containers/json', {
      query: { all: options.all ? '1' : undefined },
    });
    names = (list ?? []).map((c) => c.Id);
  }
  if (options.noStream) return void cli.out.write(await sample(cli, names, options));
  while (!cli.signal?.aborted) {
    const table = await sample(cli, names, options);
    cli.out.write(cli.out.isTerminal ? `\x1b[2J\x1b[H${table}` : table);
    // One sample per second, as the CLI redraws: the world's clock decides how long that is.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** `docker stats` and `docker container stats`. */
export function statsCommand(): CommandSpec {
  return {
    name: 'stats',
    use: 'stats [OPTIONS] [CONTAINER...]',
    short: 'Display a live stream of container(s) resource usage statistics',
    aliasesText: 'docker container stats, docker stats',
    flags: [
      bool('all', 'a', 'Show all containers (default shows just running)'),
      string('format', '', TABLE_FORMAT_HELP),
      bool('no-stream', '', 'Disable streaming stats and only pull the first result'),
      bool('no-trunc', '', 'Do not truncate output'),
    ],
    run: ({ cli, args, flags }) =>
      runStats(cli, {
        containers: args,
        all: flags.bool('all'),
        noStream: flags.bool('no-stream'),
        noTrunc: flags.bool('no-trunc'),
        format: flags.string('format'),
      }),
  };
}
