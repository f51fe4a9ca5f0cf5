// `docker update --restart always --memory 256m web`: change a container's resources and restart
// policy while it exists (`POST /containers/web/update`, the body docker/cli builds: every
// resource field, zero when not given, and the restart policy). Each name is printed back when
// its update succeeds; failures are listed after, and the exit status is 1.
import { minArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import type { FlagValues } from '../../cli/flag';
import { bytes, decimal, int, string, uint16 } from '../../cli/flag';

/** opts.ParseRestartPolicy: `name[:max-retries]`. */
export function parseRestartPolicy(text: string): { Name: string; MaximumRetryCount: number } {
  if (text === '') return { Name: '', MaximumRetryCount: 0 };
  const [name, count, extra] = text.split(':');
  if (extra !== undefined) throw new Error(`invalid restart policy format: ${text}`);
  if (count === undefined) return { Name: name!, MaximumRetryCount: 0 };
  if (!/^-?\d+$/.test(count)) throw new Error('invalid restart policy format: maximum retry count must be an integer');
  return { Name: name!, MaximumRetryCount: Number(count) };
}

/** The body of the update: container.UpdateConfig as Go marshals it. */
export function updateBody(flags: FlagValues): Record<string, unknown> {
  return {
    CpuShares: flags.number('cpu-shares'),
    Memory: flags.number('memory'),
    NanoCpus: Math.round(flags.number('cpus') * 1e9),
    CgroupParent: '',
    BlkioWeight: flags.number('blkio-weight'),
    BlkioWeightDevice: null,
    BlkioDeviceReadBps: null,
    BlkioDeviceWriteBps: null,
    BlkioDeviceReadIOps: null,
    BlkioDeviceWriteIOps: null,
    CpuPeriod: flags.number('cpu-period'),
    CpuQuota: flags.number('cpu-quota'),
    CpuRealtimePeriod: flags.number('cpu-rt-period'),
    CpuRealtimeRuntime: flags.number('cpu-rt-runtime'),
    CpusetCpus: flags.string('cpuset-cpus'),
    CpusetMems: flags.string('cpuset-mems'),
    Devices: null,
    DeviceCgroupRules: null,
    DeviceRequests: null,
    MemoryReservation: flags.number('memory-reservation'),
    MemorySwap: flags.number('memory-swap'),
    MemorySwappiness: null,
    OomKillDisable: null,
    PidsLimit: flags.changed('pids-limit') ? flags.number('pids-limit') : null,
    Ulimits: null,
    CpuCount: 0,
    CpuPercent: 0,
    IOMaximumIOps: 0,
    IOMaximumBandwidth: 0,
    RestartPolicy: parseRestartPolicy(flags.string('restart')),
  };
}

export async function runUpdate(cli: DockerCli, containers: readonly string[], flags: FlagValues): Promise<void> {
  const given = [
    'blkio-weight',
    'cpu-period',
    'cpu-quota',
    'cpu-rt-period',
    'cpu-rt-runtime',
    'cpu-shares',
    'cpus',
    'cpuset-cpus',
    'cpuset-mems',
    'memory',
    'memory-reservation',
    'memory-swap',
    'pids-limit',
    'restart',
  ];
  if (!given.some((name) => flags.changed(name))) {
    throw new Error('you must provide one or more flags when using this command');
  }
  const body = updateBody(flags);
  const errors: string[] = [];
  for (const name of containers) {
    try {
      const answer = await cli.api.json<{ Warnings?: string[] | null }>('POST', `/containers/${name}/update`, {
        json: body,
      });
      for (const warning of answer?.Warnings ?? []) cli.err.write(`${warning}\n`);
      cli.out.write(name + '\n');
    } catch (err) {
      errors.push((err as Error).message);
    }
  }
  if (errors.length > 0) throw new Error(errors.join('\n'));
}

/** `docker update` and `docker container update`. */
export function updateCommand(): CommandSpec {
  return {
    name: 'update',
    use: 'update [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Update configuration of one or more containers',
    aliasesText: 'docker container update, docker update',
    args: minArgs(1),
    flags: [
      uint16('blkio-weight', '', 'Block IO (relative weight), between 10 and 1000, or 0 to disable', { default: '0' }),
      int('cpu-period', '', 'Limit CPU CFS (Completely Fair Scheduler) period'),
      int('cpu-quota', '', 'Limit CPU CFS (Completely Fair Scheduler) quota'),
      int('cpu-rt-period', '', 'Limit the CPU real-time period in microseconds'),
      int('cpu-rt-runtime', '', 'Limit the CPU real-time runtime in microseconds'),
      int('cpu-shares', 'c', 'CPU shares (relative weight)'),
      decimal('cpus', '', 'Number of CPUs'),
      string('cpuset-cpus', '', 'CPUs in which to allow execution (0-3, 0,1)'),
      string('cpuset-mems', '', 'MEMs in which to allow execution (0-3, 0,1)'),
      bytes('memory', 'm', 'Memory limit'),
      bytes('memory-reservation', '', 'Memory soft limit'),
      bytes('memory-swap', '', 'Swap limit equal to memory plus swap: -1 to enable unlimited swap'),
      int('pids-limit', '', 'Tune container pids limit (set -1 for unlimited)'),
      string('restart', '', 'Restart policy to apply when a container exits'),
    ],
    run: ({ cli, args, flags }) => runUpdate(cli, args, flags),
  };
}
