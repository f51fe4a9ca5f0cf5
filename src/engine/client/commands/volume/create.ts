// `docker volume create data`: `POST /volumes/create`; the daemon answers with the volume, whose
// name the CLI prints. Without a name the daemon makes one up — 64 hex digits, like an anonymous
// volume's. `-d` picks the driver (`local`), `-o` its options, `--label` the volume's labels.
import { maxArgs, type CommandSpec } from '../../cli/command';
import { list, map, string } from '../../cli/flag';
import { validateLabel } from '../container/create-validators';
import { keyValueMap } from '../network/ipam-config';
import { volumeSwarmFlags } from './volume-swarm-flags';

export function volumeCreateCommand(): CommandSpec {
  return {
    name: 'create',
    use: 'create [OPTIONS] [VOLUME]',
    short: 'Create a volume',
    args: maxArgs(1),
    flags: [
      ...volumeSwarmFlags(),
      string('driver', 'd', 'Specify volume driver name', { default: '"local"' }),
      list('label', '', 'Set metadata for a volume', { validate: validateLabel }),
      string('name', '', 'Specify volume name', { hidden: true }),
      map('opt', 'o', 'Set driver specific options', { default: 'map[]' }),
    ],
    async run({ cli, args, flags }) {
      let name = flags.string('name');
      if (args.length === 1) {
        if (name !== '') {
          throw new Error(
            'conflicting options: cannot specify a volume-name through both --name and as a positional arg',
          );
        }
        name = args[0]!;
      }
      const body: Record<string, unknown> = { Driver: flags.string('driver') };
      const options = keyValueMap(flags.list('opt'));
      if (Object.keys(options).length > 0) body.DriverOpts = options;
      const labels = keyValueMap(flags.list('label'));
      if (Object.keys(labels).length > 0) body.Labels = labels;
      if (name !== '') body.Name = name;
      const volume = await cli.api.json<{ Name?: string }>('POST', '/volumes/create', { json: body });
      cli.out.write(`${volume?.Name ?? ''}\n`);
    },
  };
}
