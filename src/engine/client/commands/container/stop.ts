// `docker stop web`: `POST /containers/web/stop` — the daemon sends the container's stop signal
// (SIGTERM unless the image says otherwise), waits (10 s by default, `-t` to change), then kills.
import { minArgs, type CommandSpec } from '../../cli/command';
import { int, string } from '../../cli/flag';
import { forEachContainer } from './for-each';

export function stopCommand(): CommandSpec {
  return {
    name: 'stop',
    use: 'stop [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Stop one or more running containers',
    aliasesText: 'docker container stop, docker stop',
    args: minArgs(1),
    flags: [
      string('signal', 's', 'Signal to send to the container'),
      int('timeout', 't', 'Seconds to wait before killing the container'),
      int('time', '', 'Seconds to wait before killing the container', {
        hidden: true,
        deprecated: 'use --timeout instead',
      }),
    ],
    run: ({ cli, args, flags }) => {
      const changed = flags.changed('timeout') || flags.changed('time');
      const timeout = flags.changed('timeout') ? flags.number('timeout') : flags.number('time');
      return forEachContainer(cli, args, (name) =>
        cli.api.request('POST', `/containers/${name}/stop`, {
          query: { signal: flags.string('signal') || undefined, t: changed ? String(timeout) : undefined },
        }),
      );
    },
  };
}
