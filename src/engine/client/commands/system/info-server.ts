// The "Server:" half of `docker info`, line by line as docker/cli's prettyPrintServerInfo writes
// it from the daemon's `GET /info` answer.
import { formatG } from '../../../image/size';
import type { DockerCli } from '../../cli/docker-cli';
import { OrderedObject } from '../../format/go-json';

type Json = OrderedObject;

const get = (o: unknown, key: string): unknown => (o instanceof OrderedObject ? o.get(key) : undefined);
const text = (o: unknown, key: string): string => {
  const v = get(o, key);
  return v === undefined || v === null ? '' : String(v);
};
const list = (o: unknown, key: string): unknown[] => {
  const v = get(o, key);
  return Array.isArray(v) ? v : [];
};

/** go-units BytesSize: binary units, 4 significant digits (`15.47GiB`). */
export function bytesSize(size: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];
  let value = size;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return formatG(value, 4) + units[i];
}

/** Print the daemon's facts; `username` is the Docker Hub login stored by the client, if any. */
export function prettyPrintServerInfo(cli: DockerCli, info: Json, username: string): void {
  let out = '';
  const line = (...parts: unknown[]) => (out += parts.map(String).join(' ') + '\n');
  const nonEmpty = (label: string, value: string) => value !== '' && line(label, value);
  line(' Containers:', text(info, 'Containers') || 0);
  line('  Running:', text(info, 'ContainersRunning') || 0);
  line('  Paused:', text(info, 'ContainersPaused') || 0);
  line('  Stopped:', text(info, 'ContainersStopped') || 0);
  line(' Images:', text(info, 'Images') || 0);
  nonEmpty(' Server Version:', text(info, 'ServerVersion'));
  nonEmpty(' Storage Driver:', text(info, 'Driver'));
  for (const pair of list(info, 'DriverStatus')) out += `  ${(pair as string[])[0]}: ${(pair as string[])[1]}\n`;
  for (const pair of list(info, 'SystemStatus')) out += ` ${(pair as string[])[0]}: ${(pair as string[])[1]}\n`;
  nonEmpty(' Logging Driver:', text(info, 'LoggingDriver'));
  nonEmpty(' Cgroup Driver:', text(info, 'CgroupDriver'));
  nonEmpty(' Cgroup Version:', text(info, 'CgroupVersion'));
  const plugins = get(info, 'Plugins');
  line(' Plugins:');
  line('  Volume:', list(plugins, 'Volume').join(' '));
  line('  Network:', list(plugins, 'Network').join(' '));
  if (list(plugins, 'Authorization').length > 0) line('  Authorization:', list(plugins, 'Authorization').join(' '));
  line('  Log:', list(plugins, 'Log').join(' '));
  const cdi = list(info, 'CDISpecDirs');
  if (cdi.length > 0) {
    line(' CDI spec directories:');
    for (const dir of cdi) out += `  ${String(dir)}\n`;
  }
  const swarm = get(info, 'Swarm');
  line(' Swarm:', text(swarm, 'LocalNodeState'));
  const state = text(swarm, 'LocalNodeState');
  if (state !== 'inactive' && state !== 'locked') {
    line('  NodeID:', text(swarm, 'NodeID'));
    if (text(swarm, 'Error')) line('  Error:', text(swarm, 'Error'));
    line('  Is Manager:', get(swarm, 'ControlAvailable') === true);
    line('  Node Address:', text(swarm, 'NodeAddr'));
  }
  const runtimes = get(info, 'Runtimes');
  if (runtimes instanceof OrderedObject && runtimes.entries.length > 0) {
    line(
      ' Runtimes:',
      runtimes.entries
        .map(([k]) => k)
        .sort()
        .join(' '),
    );
    line(' Default Runtime:', text(info, 'DefaultRuntime'));
  }
  if (text(info, 'OSType') === 'linux') {
    line(' Init Binary:', text(info, 'InitBinary'));
    line(' containerd version:', text(get(info, 'ContainerdCommit'), 'ID'));
    line(' runc version:', text(get(info, 'RuncCommit'), 'ID'));
    line(' init version:', text(get(info, 'InitCommit'), 'ID'));
    const security = list(info, 'SecurityOptions');
    if (security.length > 0) {
      line(' Security Options:');
      for (const option of security) {
        const fields = new Map(
          String(option)
            .split(',')
            .map((kv) => kv.split('=', 2) as [string, string]),
        );
        line('  ' + (fields.get('name') ?? ''));
        if (fields.has('profile')) line('   Profile:', fields.get('profile'));
      }
    }
  }
  if (text(info, 'OSType') === 'windows') line(' Default Isolation:', text(info, 'Isolation'));
  nonEmpty(' Kernel Version:', text(info, 'KernelVersion'));
  nonEmpty(' Operating System:', text(info, 'OperatingSystem'));
  nonEmpty(' OSType:', text(info, 'OSType'));
  nonEmpty(' Architecture:', text(info, 'Architecture'));
  line(' CPUs:', text(info, 'NCPU') || 0);
  line(' Total Memory:', bytesSize(Number(text(info, 'MemTotal') || 0)));
  nonEmpty(' Name:', text(info, 'Name'));
  nonEmpty(' ID:', text(info, 'ID'));
  line(' Docker Root Dir:', text(info, 'DockerRootDir'));
  line(' Debug Mode:', get(info, 'Debug') === true);
  if (get(info, 'Debug') === true) {
    line('  File Descriptors:', text(info, 'NFd'));
    line('  Goroutines:', text(info, 'NGoroutines'));
    line('  System Time:', text(info, 'SystemTime'));
    line('  EventsListeners:', text(info, 'NEventsListener'));
  }
  nonEmpty(' HTTP Proxy:', text(info, 'HttpProxy'));
  nonEmpty(' HTTPS Proxy:', text(info, 'HttpsProxy'));
  nonEmpty(' No Proxy:', text(info, 'NoProxy'));
  nonEmpty(' Username:', username);
  const labels = list(info, 'Labels');
  if (labels.length > 0) {
    line(' Labels:');
    for (const label of labels) line('  ' + String(label));
  }
  line(' Experimental:', get(info, 'ExperimentalBuild') === true);
  const registry = get(info, 'RegistryConfig');
  const cidrs = list(registry, 'InsecureRegistryCIDRs');
  const indexes = get(registry, 'IndexConfigs');
  const indexEntries = indexes instanceof OrderedObject ? indexes.entries : [];
  if (registry && (cidrs.length > 0 || indexEntries.length > 0)) {
    line(' Insecure Registries:');
    for (const [, index] of indexEntries) if (get(index, 'Secure') !== true) line('  ' + text(index, 'Name'));
    for (const cidr of cidrs) out += `  ${String(cidr)}\n`;
  }
  const mirrors = list(registry, 'Mirrors');
  if (mirrors.length > 0) {
    line(' Registry Mirrors:');
    for (const mirror of mirrors) line('  ' + String(mirror));
  }
  line(' Live Restore Enabled:', get(info, 'LiveRestoreEnabled') === true);
  if (text(info, 'ProductLicense')) line(' Product License:', text(info, 'ProductLicense'));
  const pools = list(info, 'DefaultAddressPools');
  if (pools.length > 0) {
    line(' Default Address Pools:');
    for (const pool of pools) out += `   Base: ${text(pool, 'Base')}, Size: ${text(pool, 'Size')}\n`;
  }
  out += '\n';
  cli.out.write(out);
  for (const warning of list(info, 'Warnings')) cli.err.write(String(warning) + '\n');
}
