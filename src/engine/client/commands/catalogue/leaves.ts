// Commands of the real CLI that Dockyard lists with their real help but does not simulate yet:
// `build` (until the builder exists), `export`, `import`, `port`, `stats`, `update`,
// `system prune`. The same spec serves `docker export` and `docker container export`.
import type { CommandSpec } from '../../cli/command';
import { bool, bytes, decimal, filter, int, list, string, uint16, value } from '../../cli/flag';
import { notSimulated } from './not-simulated';

const leaf = (spec: CommandSpec): CommandSpec => notSimulated([spec])[0]!;

export const buildSpec = (): CommandSpec =>
  leaf({
    name: 'build',
    use: 'build [OPTIONS] PATH | URL | -',
    short: 'Build an image from a Dockerfile',
    aliasesText: 'docker image build, docker build, docker builder build',
    flags: [
      list('add-host', '', 'Add a custom host-to-IP mapping ("host:ip")'),
      list('build-arg', '', 'Set build-time variables'),
      value('strings', 'cache-from', '', 'Images to consider as cache sources'),
      string('cgroup-parent', '', 'Set the parent cgroup for the "RUN" instructions during build'),
      bool('compress', '', 'Compress the build context using gzip'),
      int('cpu-period', '', 'Limit the CPU CFS (Completely Fair Scheduler) period'),
      int('cpu-quota', '', 'Limit the CPU CFS (Completely Fair Scheduler) quota'),
      int('cpu-shares', 'c', 'CPU shares (relative weight)'),
      string('cpuset-cpus', '', 'CPUs in which to allow execution (0-3, 0,1)'),
      string('cpuset-mems', '', 'MEMs in which to allow execution (0-3, 0,1)'),
      bool('disable-content-trust', '', 'Skip image verification', { default: 'true' }),
      string('file', 'f', 'Name of the Dockerfile (Default is "PATH/Dockerfile")'),
      bool('force-rm', '', 'Always remove intermediate containers'),
      string('iidfile', '', 'Write the image ID to the file'),
      string('isolation', '', 'Container isolation technology'),
      list('label', '', 'Set metadata for an image'),
      bytes('memory', 'm', 'Memory limit'),
      bytes('memory-swap', '', 'Swap limit equal to memory plus swap: -1 to enable unlimited swap'),
      string('network', '', 'Set the networking mode for the RUN instructions during build', { default: '"default"' }),
      bool('no-cache', '', 'Do not use cache when building the image'),
      string('platform', '', 'Set platform if server is multi-platform capable'),
      bool('pull', '', 'Always attempt to pull a newer version of the image'),
      bool('quiet', 'q', 'Suppress the build output and print image ID on success'),
      bool('rm', '', 'Remove intermediate containers after a successful build', { default: 'true' }),
      value('strings', 'security-opt', '', 'Security options'),
      bytes('shm-size', '', 'Size of "/dev/shm"'),
      bool('squash', '', 'Squash newly built layers into a single new layer', { annotations: { experimental: true } }),
      list('tag', 't', 'Name and optionally a tag in the "name:tag" format'),
      string('target', '', 'Set the target build stage to build.'),
      value('ulimit', 'ulimit', '', 'Ulimit options', { default: '[]' }),
    ],
  });

export const exportSpec = (): CommandSpec =>
  leaf({
    name: 'export',
    use: 'export [OPTIONS] CONTAINER',
    short: "Export a container's filesystem as a tar archive",
    aliasesText: 'docker container export, docker export',
    flags: [string('output', 'o', 'Write to a file, instead of STDOUT')],
  });

export const importSpec = (): CommandSpec =>
  leaf({
    name: 'import',
    use: 'import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
    short: 'Import the contents from a tarball to create a filesystem image',
    aliasesText: 'docker image import, docker import',
    flags: [
      list('change', 'c', 'Apply Dockerfile instruction to the created image'),
      string('message', 'm', 'Set commit message for imported image'),
      string('platform', '', 'Set platform if server is multi-platform capable'),
    ],
  });

export const portSpec = (): CommandSpec =>
  leaf({
    name: 'port',
    use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
    short: 'List port mappings or a specific mapping for the container',
    aliasesText: 'docker container port, docker port',
  });

export const statsSpec = (): CommandSpec =>
  leaf({
    name: 'stats',
    use: 'stats [OPTIONS] [CONTAINER...]',
    short: 'Display a live stream of container(s) resource usage statistics',
    aliasesText: 'docker container stats, docker stats',
    flags: [
      bool('all', 'a', 'Show all containers (default shows just running)'),
      string(
        'format',
        '',
        "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
      ),
      bool('no-stream', '', 'Disable streaming stats and only pull the first result'),
      bool('no-trunc', '', 'Do not truncate output'),
    ],
  });

export const updateSpec = (): CommandSpec =>
  leaf({
    name: 'update',
    use: 'update [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Update configuration of one or more containers',
    aliasesText: 'docker container update, docker update',
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
  });

export const systemPruneSpec = (): CommandSpec =>
  leaf({
    name: 'prune',
    use: 'prune [OPTIONS]',
    short: 'Remove unused data',
    flags: [
      bool('all', 'a', 'Remove all unused images not just dangling ones'),
      filter('filter', '', 'Provide filter values (e.g. "label=<key>=<value>")'),
      bool('force', 'f', 'Do not prompt for confirmation'),
      bool('volumes', '', 'Prune anonymous volumes'),
    ],
  });
