// A pipeline, `a | b | c`: every command starts at once, each in its own forked subshell, with a
// pipe from each one's stdout to the next one's stdin. When a command ends, its end of the pipes
// closes — so the reader sees end of input, and a writer whose reader has gone gets SIGPIPE
// (`yes | head -1` ends). The pipeline's status is the last command's.

import type { Command, Pipeline } from './ast';
import type { Shell } from './interpreter';
import { createPipe, type Pipe } from '../streams';

export async function runPipe(sh: Shell, p: Pipeline): Promise<number> {
  const pipes: Pipe[] = p.commands.slice(1).map(() => createPipe());
  const fds = sh.baseFds();
  const children = p.commands.map((command: Command, i) => {
    const stdin = i === 0 ? fds.input(0) : (pipes[i - 1] as Pipe).reader;
    const stdout = i === p.commands.length - 1 ? fds.output(1) : (pipes[i] as Pipe).writer;
    const child = sh.subshell((sub) => sub.runCommand(command, true), { stdin, stdout });
    return child.wait().finally(() => {
      pipes[i]?.writer.close();
      pipes[i - 1]?.reader.close();
    });
  });
  const statuses = await Promise.all(children);
  sh.reapOrphans();
  return statuses[statuses.length - 1] ?? 0;
}
