// `docker restart web`: stop (as `docker stop`), then start again — `POST /containers/web/restart`.
import { minArgs, type CommandSpec } from '../../cli/command';
import { int, string } from '../../cli/flag';
import { forEachContainer } from './for-each';

export function restartCommand(): CommandSpec {
  return {
    name: 'restart',
    use: 'restart [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Restart one or more containers',
    aliasesText: 'docker container restart, docker restart',
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
        cli.api.request('POST', `/containers/${name}/restart`, {
          query: { signal: flags.string('signal') || undefined, t: changed ? String(timeout) : undefined },
        }),
      );
    },
  };
}
