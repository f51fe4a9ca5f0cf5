// Faults a lesson's setup may arrange before the student arrives, written as lines that start with
// `!` so they cannot be mistaken for shell commands: `!daemon.stop laptop`, `!daemon.start laptop`,
// `!link.down laptop docker.io`, `!link.up laptop docker.io`. Each becomes the world event of the
// same name — the same events an instructor's controls send.
import type { WorldEvent } from '../../actors/machines/world-machine';
import { isDaemonHost } from '../../actors/world/layout';

export class FaultLineError extends Error {
  override name = 'FaultLineError';
}

export function isFaultLine(line: string): boolean {
  return line.trimStart().startsWith('!');
}

/** The world event of a fault line; throws FaultLineError for one the runtime does not know. */
export function faultEvent(line: string): WorldEvent {
  const [name, ...args] = line.trim().slice(1).trim().split(/\s+/);
  switch (name) {
    case 'daemon.stop':
    case 'daemon.start': {
      const host = args[0] ?? '';
      if (args.length !== 1 || !isDaemonHost(host))
        throw new FaultLineError(`${line}: expected \`!${name} HOST\` with HOST laptop, cloud-vm or onprem-1`);
      return { type: name, host };
    }
    case 'link.down':
    case 'link.up': {
      const [a, b] = args;
      if (args.length !== 2 || !a || !b) throw new FaultLineError(`${line}: expected \`!${name} A B\``);
      return { type: name, a, b };
    }
    default:
      throw new FaultLineError(`${line}: unknown fault; use !daemon.stop, !daemon.start, !link.down or !link.up`);
  }
}
