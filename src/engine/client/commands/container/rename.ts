// `docker rename old new`: `POST /containers/old/rename?name=new`.
import { exactArgs, type CommandSpec } from '../../cli/command';

export function renameCommand(): CommandSpec {
  return {
    name: 'rename',
    use: 'rename CONTAINER NEW_NAME',
    short: 'Rename a container',
    aliasesText: 'docker container rename, docker rename',
    args: exactArgs(2),
    async run({ cli, args }) {
      const oldName = args[0]!.trim();
      const newName = args[1]!.trim();
      if (oldName === '' || newName === '') throw new Error('Error: Neither old nor new names may be empty');
      try {
        await cli.api.request('POST', `/containers/${oldName}/rename`, { query: { name: newName } });
      } catch (err) {
        cli.err.write((err as Error).message + '\n');
        throw new Error(`Error: failed to rename container named ${oldName}`, { cause: err });
      }
    },
  };
}
