// `docker commit web myapp:v2`: a new image from the container's filesystem and configuration —
// its writable layer becomes the image's top layer (`POST /commit?container=web&repo=myapp&tag=v2`).
// The CLI prints the new image's ID.
import { familiarName, parseReference, withDefaultTag } from '../../../reference';
import { rangeArgs, type CommandSpec } from '../../cli/command';
import { bool, list, string } from '../../cli/flag';

export function commitCommand(): CommandSpec {
  return {
    name: 'commit',
    use: 'commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
    short: "Create a new image from a container's changes",
    aliasesText: 'docker container commit, docker commit',
    args: rangeArgs(1, 2),
    flags: [
      string('author', 'a', 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")'),
      list('change', 'c', 'Apply Dockerfile instruction to the created image'),
      string('message', 'm', 'Commit message'),
      bool('pause', 'p', 'Pause container during commit', { default: 'true' }),
    ],
    async run({ cli, args, flags }) {
      let repo = '';
      let tag = '';
      if (args[1] !== undefined && args[1] !== '') {
        const ref = withDefaultTag(parseReference(args[1]));
        if (ref.digest !== undefined) throw new Error('refusing to create a tag with a digest reference');
        repo = familiarName(ref);
        tag = ref.tag ?? '';
      }
      const answer = await cli.api.json<{ Id?: string; ID?: string }>('POST', '/commit', {
        query: {
          author: flags.string('author'),
          changes: flags.list('change'),
          comment: flags.string('message'),
          container: args[0],
          pause: flags.bool('pause') ? undefined : '0',
          repo,
          tag,
        },
        json: null,
      });
      cli.out.write((answer?.Id ?? answer?.ID ?? '') + '\n');
    },
  };
}
