// `docker volume inspect data`: `GET /volumes/data`, printed as the daemon wrote it — its driver,
// where its data lives on the host (`Mountpoint`: /var/lib/docker/volumes/data/_data), its labels
// — or through `--format`.
import { minArgs, type CommandSpec } from '../../cli/command';
import { inspectAll } from '../../format/inspector';
import { inspectFormatFlag } from '../shared/format-flag';
import { inspectVolume } from '../shared/inspect-lookups';

export function volumeInspectCommand(): CommandSpec {
  return {
    name: 'inspect',
    use: 'inspect [OPTIONS] VOLUME [VOLUME...]',
    short: 'Display detailed information on one or more volumes',
    args: minArgs(1),
    flags: [inspectFormatFlag('f')],
    run: ({ cli, args, flags }) =>
      inspectAll(cli.out, args, flags.string('format'), (name) => inspectVolume(cli, name)),
  };
}
