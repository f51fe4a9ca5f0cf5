// The flags of `docker build` and the query string they become (docker/cli `image/build.go`
// AddBuildFlags; moby `client/image_build.go` imageBuildOptionsToQuery). Only what differs from the
// daemon's defaults is sent: `POST /build?buildargs={"V":"1"}&dockerfile=Dockerfile&t=app&version=1`
// — `version=1` asking for the classic builder. `-t` values are checked as image references and
// `--label`/`--build-arg` as docker checks them, before anything else happens (usage errors, 125).
import { parseReference } from '../../../reference';
import type { FlagValues } from '../../cli/flag';
import { bool, bytes, int, list, string, value, type FlagSpec } from '../../cli/flag';
import { FlagValueError } from '../../cli/go-strconv';
import type { QueryValue } from '../../api/api-client';
import { goMarshal } from '../../format/go-json';
import { validateEnv, validateLabel } from '../container/create-validators';

/** distribution/reference ParseNormalizedNamed, as `-t` validates each value. */
function validateTag(text: string): string {
  try {
    parseReference(text);
  } catch (err) {
    throw new FlagValueError((err as Error).message);
  }
  return text;
}

export function buildFlags(): FlagSpec[] {
  return [
    list('add-host', '', 'Add a custom host-to-IP mapping ("host:ip")'),
    list('build-arg', '', 'Set build-time variables', { validate: validateEnv }),
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
    list('label', '', 'Set metadata for an image', { validate: validateLabel }),
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
    list('tag', 't', 'Name and optionally a tag in the "name:tag" format', { validate: validateTag }),
    string('target', '', 'Set the target build stage to build.'),
    value('ulimit', 'ulimit', '', 'Ulimit options', { default: '[]' }),
  ];
}

/** `KEY=value` texts as a Go map: a name alone maps to null (build args) or '' (labels). */
function kvMap(pairs: readonly string[], alone: null | ''): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 0) out[pair] = alone;
    else out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

const nonZero = (n: number) => (n !== 0 ? String(n) : undefined);
const nonEmpty = (s: string) => (s !== '' ? s : undefined);
const flag = (b: boolean) => (b ? '1' : undefined);
const json = (v: unknown[] | Record<string, unknown>) =>
  (Array.isArray(v) ? v.length : Object.keys(v).length) > 0 ? goMarshal(v) : undefined;

/** The query of `POST /build` for these flags and the Dockerfile's path in the context. */
export function buildQuery(flags: FlagValues, dockerfile: string, env: Readonly<Record<string, string>>) {
  const strings = (name: string) =>
    flags
      .list(name)
      .flatMap((v) => v.split(','))
      .filter((v) => v !== '');
  const network = flags.string('network');
  const platform = flags.string('platform') || env['DOCKER_DEFAULT_PLATFORM'] || '';
  const query: Record<string, QueryValue | QueryValue[]> = {
    t: flags.list('tag'),
    securityopt: strings('security-opt'),
    extrahosts: flags.list('add-host'),
    q: flag(flags.bool('quiet')),
    nocache: flag(flags.bool('no-cache')),
    rm: flags.bool('rm') ? undefined : '0',
    forcerm: flag(flags.bool('force-rm')),
    pull: flag(flags.bool('pull')),
    squash: flag(flags.bool('squash')),
    isolation: nonEmpty(flags.string('isolation')),
    cpusetcpus: nonEmpty(flags.string('cpuset-cpus')),
    networkmode: network !== '' && network !== 'default' ? network : undefined,
    cpusetmems: nonEmpty(flags.string('cpuset-mems')),
    cpushares: nonZero(flags.number('cpu-shares')),
    cpuquota: nonZero(flags.number('cpu-quota')),
    cpuperiod: nonZero(flags.number('cpu-period')),
    memory: nonZero(flags.number('memory')),
    memswap: nonZero(flags.number('memory-swap')),
    cgroupparent: nonEmpty(flags.string('cgroup-parent')),
    shmsize: nonZero(flags.number('shm-size')),
    dockerfile: nonEmpty(dockerfile),
    target: nonEmpty(flags.string('target')),
    buildargs: json(kvMap(flags.list('build-arg'), null)),
    labels: json(kvMap(flags.list('label'), '')),
    cachefrom: json(strings('cache-from')),
    platform: platform ? platform.toLowerCase() : undefined,
    version: '1',
  };
  return query;
}
