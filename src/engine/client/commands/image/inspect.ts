// `docker image inspect alpine`: `GET /images/alpine/json`, printed as the daemon wrote it (or
// through `--format`). Unlike `docker inspect`, an image that is not there is reported in the
// daemon's words: `Error response from daemon: No such image: nosuch:latest`.
import { minArgs, type CommandSpec } from '../../cli/command';
import { string } from '../../cli/flag';
import { inspectAll } from '../../format/inspector';
import { inspectFormatFlag } from '../shared/format-flag';
import { inspectImage } from '../shared/inspect-lookups';

export function imageInspectCommand(): CommandSpec {
  return {
    name: 'inspect',
    use: 'inspect [OPTIONS] IMAGE [IMAGE...]',
    short: 'Display detailed information on one or more images',
    args: minArgs(1),
    flags: [
      inspectFormatFlag('f'),
      string(
        'platform',
        '',
        "Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)",
      ),
    ],
    run: ({ cli, args, flags }) => inspectAll(cli.out, args, flags.string('format'), (name) => inspectImage(cli, name)),
  };
}
