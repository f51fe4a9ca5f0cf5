// `docker diff web`: what the container changed in its filesystem — its writable layer over the
// image's — from `GET /containers/web/changes`: `A` added, `C` changed, `D` deleted.
//
//   C /etc
//   A /etc/motd
import { exactArgs, type CommandSpec } from '../../cli/command';

const KIND = ['C', 'A', 'D'];

export function diffCommand(): CommandSpec {
  return {
    name: 'diff',
    use: 'diff CONTAINER',
    short: "Inspect changes to files or directories on a container's filesystem",
    aliasesText: 'docker container diff, docker diff',
    args: exactArgs(1),
    async run({ cli, args }) {
      const changes = await cli.api.json<{ Path: string; Kind: number }[] | null>(
        'GET',
        `/containers/${args[0]}/changes`,
      );
      cli.out.write((changes ?? []).map((c) => `${KIND[c.Kind] ?? ''} ${c.Path}\n`).join(''));
    },
  };
}
