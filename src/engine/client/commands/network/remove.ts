// `docker network rm a b`: for each name, a look at the network first (`GET /networks/a`: a swarm
// ingress network needs a confirmation), then `DELETE /networks/a`. Each one removed is printed;
// each failure is printed on stderr and the others still go ahead — the command then ends with
// `exit status 1`. `-f` makes a network that does not exist no error at all.
import { isNotFound } from '../../api/api-error';
import { minArgs, type CommandSpec } from '../../cli/command';
import { bool } from '../../cli/flag';
import { StatusError } from '../../cli/status-error';
import { confirm } from '../shared/prompt';

const INGRESS_WARNING =
  'WARNING! Before removing the routing-mesh network, make sure all the nodes in your swarm run the same docker engine version. ' +
  'Otherwise, removal may not be effective and functionality of newly create ingress networks will be impaired.\n' +
  'Are you sure you want to continue?';

export function networkRemoveCommand(): CommandSpec {
  return {
    name: 'rm',
    use: 'rm NETWORK [NETWORK...]',
    short: 'Remove one or more networks',
    aliasesText: 'docker network rm, docker network remove',
    aliases: ['remove'],
    args: minArgs(1),
    flags: [bool('force', 'f', 'Do not error if the network does not exist')],
    async run({ cli, args, flags }) {
      let failed = false;
      for (const name of args) {
        const network = await cli.api.json<{ Ingress?: boolean }>('GET', `/networks/${name}`).catch(() => undefined);
        if (network?.Ingress && !(await confirm(cli.in, cli.out, INGRESS_WARNING))) continue;
        try {
          await cli.api.request('DELETE', `/networks/${name}`);
        } catch (err) {
          if (flags.bool('force') && isNotFound(err)) continue;
          cli.err.write(`${(err as Error).message}\n`);
          failed = true;
          continue;
        }
        cli.out.write(`${name}\n`);
      }
      if (failed) throw new StatusError('exit status 1', 1);
    },
  };
}
