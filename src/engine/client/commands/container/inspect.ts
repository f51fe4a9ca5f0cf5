// `docker container inspect web`: `GET /containers/web/json` (`?size=1` with `-s`), printed as the
// daemon wrote it or through `--format` (`{{.State.Status}}`, `{{.NetworkSettings.IPAddress}}`).
import { minArgs, type CommandSpec } from '../../cli/command';
import { bool } from '../../cli/flag';
import { inspectAll } from '../../format/inspector';
import { inspectFormatFlag } from '../shared/format-flag';
import { inspectContainer } from '../shared/inspect-lookups';

export function containerInspectCommand(): CommandSpec {
  return {
    name: 'inspect',
    use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Display detailed information on one or more containers',
    args: minArgs(1),
    flags: [inspectFormatFlag('f'), bool('size', 's', 'Display total file sizes')],
    run: ({ cli, args, flags }) =>
      inspectAll(cli.out, args, flags.string('format'), (name) => inspectContainer(cli, name, flags.bool('size'))),
  };
}
