// `docker inspect NAME`: the one command that does not know what it inspects. It asks the daemon
// about a container of that name, then an image, a network, a volume — and, on a swarm manager,
// services, tasks, nodes, secrets and configs — then a plugin, and shows the first one found
// (docker/cli `cli/command/system/inspect.go`). Nothing found: `Error: No such object: NAME`.
import { isNotFound } from '../../api/api-error';
import { minArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, string } from '../../cli/flag';
import { inspectAll, type Inspected } from '../../format/inspector';
import { inspectFormatFlag } from '../shared/format-flag';
import {
  inspectContainer,
  inspectImage,
  inspectNetwork,
  inspectPlugin,
  inspectVolume,
} from '../shared/inspect-lookups';

const TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];

interface Kind {
  type: string;
  swarm?: boolean;
  sizes?: boolean;
  lookup?: (cli: DockerCli, name: string, size: boolean) => Promise<Inspected>;
}

const KINDS: Kind[] = [
  { type: 'container', sizes: true, lookup: inspectContainer },
  { type: 'image', lookup: inspectImage },
  { type: 'network', lookup: inspectNetwork },
  { type: 'volume', lookup: inspectVolume },
  { type: 'service', swarm: true },
  { type: 'task', swarm: true },
  { type: 'node', swarm: true },
  { type: 'plugin', lookup: inspectPlugin },
  { type: 'secret', swarm: true },
  { type: 'config', swarm: true },
];

/** errdefs.IsNotFound, or an error that means "not this kind of object". */
function skippable(err: unknown): boolean {
  const text = (err as Error).message ?? '';
  return isNotFound(err) || text.includes('not supported') || text.includes('invalid reference format');
}

export interface InspectOptions {
  format: string;
  size: boolean;
  type: string;
}

function lookupAll(cli: DockerCli, options: InspectOptions): (name: string) => Promise<Inspected> {
  return async (name) => {
    let swarmManager: boolean | undefined;
    for (const kind of KINDS) {
      if (options.type !== '' && kind.type !== options.type) continue;
      if (options.type === '' && kind.swarm) {
        if (swarmManager === undefined) {
          try {
            const info = await cli.api.json<{ Swarm?: { ControlAvailable?: boolean } }>('GET', '/info');
            swarmManager = info?.Swarm?.ControlAvailable === true;
          } catch (err) {
            cli.err.write(`${(err as Error).message}\n`);
            swarmManager = false;
          }
        }
        if (!swarmManager) continue;
      }
      if (!kind.lookup) {
        if (options.type !== '') throw new Error(`Error: No such object: ${name}`);
        continue;
      }
      try {
        const found = await kind.lookup(cli, name, options.size);
        if (options.size && !kind.sizes) cli.err.write(`WARNING: --size ignored for ${kind.type}\n`);
        return found;
      } catch (err) {
        if (options.type === '' && skippable(err)) continue;
        throw err;
      }
    }
    throw new Error(`Error: No such object: ${name}`);
  };
}

export function inspectCommand(): CommandSpec {
  return {
    name: 'inspect',
    use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
    short: 'Return low-level information on Docker objects',
    args: minArgs(1),
    flags: [
      inspectFormatFlag('f'),
      bool('size', 's', 'Display total file sizes if the type is container'),
      string('type', '', 'Only inspect objects of the given type'),
    ],
    async run({ cli, args, flags }) {
      const options = { format: flags.string('format'), size: flags.bool('size'), type: flags.string('type') };
      if (options.type !== '' && !TYPES.includes(options.type)) {
        throw new Error(`unknown type: "${options.type}": must be one of ${TYPES.map((t) => `"${t}"`).join(', ')}`);
      }
      await inspectAll(cli.out, args, options.format, lookupAll(cli, options));
    },
  };
}
