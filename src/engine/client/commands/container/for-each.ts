// Commands that do one thing to several containers (`docker stop a b`, `docker rm -f a b`): the
// calls go out together, and the CLI reports in the order the names were given — each name it
// succeeded with on stdout, the errors joined at the end (docker/cli `parallelOperation`).
import type { DockerCli } from '../../cli/docker-cli';

/** Run `op` on every name; print each success; throw the failures joined by newlines. */
export async function forEachContainer(
  cli: DockerCli,
  names: readonly string[],
  op: (name: string) => Promise<unknown>,
  onError: (name: string, err: unknown) => 'report' | 'skip' = () => 'report',
): Promise<void> {
  const results = await Promise.allSettled(names.map((name) => op(name)));
  const errors: string[] = [];
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') return cli.out.write(names[i] + '\n');
    if (onError(names[i]!, result.reason) === 'report') errors.push((result.reason as Error).message);
  });
  if (errors.length > 0) throw new Error(errors.join('\n'));
}
