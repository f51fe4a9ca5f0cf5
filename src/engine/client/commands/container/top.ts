// `docker top web`: the processes running in the container, as the host's `ps` sees them
// (`GET /containers/web/top`), in a table aligned with 20-column minimum cells.
import { minArgs, type CommandSpec } from '../../cli/command';
import { tabwrite } from '../../format/tabwriter';

export function topCommand(): CommandSpec {
  return {
    name: 'top',
    use: 'top CONTAINER [ps OPTIONS]',
    short: 'Display the running processes of a container',
    aliasesText: 'docker container top, docker top',
    args: minArgs(1),
    interspersed: false,
    async run({ cli, args }) {
      const [container, ...psArgs] = args;
      const list = await cli.api.json<{ Titles?: string[]; Processes?: string[][] }>(
        'GET',
        `/containers/${container}/top`,
        {
          query: { ps_args: psArgs.length > 0 ? psArgs.join(' ') : undefined },
        },
      );
      let text = (list?.Titles ?? []).join('\t') + '\n';
      for (const process of list?.Processes ?? []) text += process.join('\t') + '\n';
      cli.out.write(tabwrite(text, { minWidth: 20, padding: 3, padChar: ' ' }));
    },
  };
}
