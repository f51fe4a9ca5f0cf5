// `docker help [COMMAND]`: the same as `docker COMMAND --help`, or `docker --help` alone.
import type { Command, CommandSpec } from '../../cli/command';
import { showHelp } from '../../cli/execute';

export function helpCommand(): CommandSpec {
  return {
    name: 'help',
    use: 'help [command]',
    short: 'Help about the command',
    hidden: true,
    async run({ cli, args, command }) {
      let target: Command = command.root();
      for (const word of args) {
        const next = target.child(word);
        if (!next) throw new Error(`unknown help topic: ${args.join(' ')}`);
        target = next;
      }
      await showHelp(target, cli, 'out');
    },
  };
}
