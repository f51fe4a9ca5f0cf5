// `docker wait web`: block until the container stops (`POST /containers/web/wait`), then print its
// exit code.
import { fromUtf8 } from '../../../bytes';
import { readBody } from '../../../wire/message';
import { minArgs, type CommandSpec } from '../../cli/command';

export function waitCommand(): CommandSpec {
  return {
    name: 'wait',
    use: 'wait CONTAINER [CONTAINER...]',
    short: 'Block until one or more containers stop, then print their exit codes',
    aliasesText: 'docker container wait, docker wait',
    args: minArgs(1),
    async run({ cli, args }) {
      const errors: string[] = [];
      for (const name of args) {
        try {
          const response = await cli.api.request('POST', `/containers/${name}/wait`);
          const result = JSON.parse(fromUtf8(await readBody(response.body))) as { StatusCode?: number };
          cli.out.write(`${result.StatusCode ?? 0}\n`);
        } catch (err) {
          errors.push((err as Error).message);
        }
      }
      if (errors.length > 0) throw new Error(errors.join('\n'));
    },
  };
}
