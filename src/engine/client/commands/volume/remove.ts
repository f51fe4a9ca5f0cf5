// `docker volume rm data`: `DELETE /volumes/data` (`?force=1` with `-f`) for each name. A volume a
// container still uses stays (`volume is in use`); the errors are printed together at the end.
import { minArgs, type CommandSpec } from '../../cli/command';
import { bool } from '../../cli/flag';

export function volumeRemoveCommand(): CommandSpec {
  return {
    name: 'rm',
    use: 'rm [OPTIONS] VOLUME [VOLUME...]',
    short: 'Remove one or more volumes',
    long: 'Remove one or more volumes. You cannot remove a volume that is in use by a container.',
    aliasesText: 'docker volume rm, docker volume remove',
    aliases: ['remove'],
    args: minArgs(1),
    flags: [bool('force', 'f', 'Force the removal of one or more volumes')],
    async run({ cli, args, flags }) {
      const errors: string[] = [];
      for (const name of args) {
        try {
          await cli.api.request('DELETE', `/volumes/${name}`, {
            query: { force: flags.bool('force') ? '1' : undefined },
          });
          cli.out.write(`${name}\n`);
        } catch (err) {
          errors.push((err as Error).message);
        }
      }
      if (errors.length > 0) throw new Error(errors.join('\n'));
    },
  };
}
