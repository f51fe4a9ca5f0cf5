// `docker kill web`: a signal to the container's main process, SIGKILL unless `-s` says otherwise —
// `POST /containers/web/kill?signal=…`. No grace period, unlike `docker stop`.
import { minArgs, type CommandSpec } from '../../cli/command';
import { string } from '../../cli/flag';
import { forEachContainer } from './for-each';

export function killCommand(): CommandSpec {
  return {
    name: 'kill',
    use: 'kill [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Kill one or more running containers',
    aliasesText: 'docker container kill, docker kill',
    args: minArgs(1),
    flags: [string('signal', 's', 'Signal to send to the container')],
    run: ({ cli, args, flags }) =>
      forEachContainer(cli, args, (name) =>
        cli.api.request('POST', `/containers/${name}/kill`, { query: { signal: flags.string('signal') || undefined } }),
      ),
  };
}
