// Finding which command a command line names, as cobra's Traverse does for the docker CLI: walk
// the words from the root, stepping into a subcommand at each word that names one, skipping the
// flags (and their values) found on the way. `docker image ls -q` is `ls` under `image` with the
// argument `-q`; `docker image nope` stops at `image`, which then refuses `nope`.
import type { Command } from './command';
import type { FlagSpec } from './flag';

function takesValue(flags: readonly FlagSpec[], name: string, short: boolean): boolean {
  const flag = flags.find((f) => (short ? f.short === name : f.name === name));
  // cobra treats an unknown flag as taking a value, too.
  return flag?.noOptDefault === undefined;
}

export interface Traversal {
  command: Command;
  /** The words left for the command. */
  args: string[];
  /** Flags written before a subcommand's name, each to be parsed by the command they follow. */
  passed: { command: Command; flags: string[] }[];
}

/** The command `args` lead to from `from`, and the words left for it. */
export function traverse(from: Command, args: readonly string[]): Traversal {
  let command = from;
  let rest = [...args];
  const passed: Traversal['passed'] = [];
  for (;;) {
    const flags = command.flags();
    let inFlag = false;
    let next: { child: Command; at: number } | undefined;
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i]!;
      if (arg.startsWith('--') && !arg.includes('=')) {
        inFlag = takesValue(flags, arg.slice(2), false);
        continue;
      }
      if (arg.startsWith('-') && !arg.includes('=') && arg.length === 2) {
        inFlag = takesValue(flags, arg.slice(1), true);
        continue;
      }
      if (inFlag) {
        inFlag = false;
        continue;
      }
      if (arg.startsWith('-') && arg.length > 1) continue;
      const child = command.child(arg);
      if (child) next = { child, at: i };
      break;
    }
    if (!next) return { command, args: rest, passed };
    // The words before the subcommand are the parent's flags; cobra parses them and moves on.
    if (next.at > 0) passed.push({ command, flags: rest.slice(0, next.at) });
    rest = rest.slice(next.at + 1);
    command = next.child;
  }
}
