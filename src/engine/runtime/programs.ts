// The programs the simulated kernel can run. A real kernel runs machine code; our executables are
// stand-ins whose ELF header carries a marker naming the program (`DOCKYARD-PROGRAM:nginx`), and
// this registry maps that name to the TypeScript function that plays it. Registering is how a
// program joins the runtime: `registerProgram('nginx', nginx)` at the top level of its module, and
// the module imported once by an index (see ./README.md). The shells and BusyBox's applets
// register themselves the same way (./applets/index.ts).

import type { Program } from './contract';

/** A program name registered twice: two modules both claim to be `nginx`. */
export class DuplicateProgramError extends Error {
  override name = 'DuplicateProgramError';
}

const registry = new Map<string, Program>();

/**
 * Make `program` runnable as the executable whose marker is `name` (`busybox`, `nginx`,
 * `python3.13`). A second registration of the same name is a bug, unless `replace` says a test
 * means it.
 */
export function registerProgram(name: string, program: Program, options: { replace?: boolean } = {}): void {
  if (registry.has(name) && !options.replace) throw new DuplicateProgramError(`program already registered: ${name}`);
  registry.set(name, program);
}

/** Remove a registration (tests that installed a stand-in). */
export function unregisterProgram(name: string): void {
  registry.delete(name);
}

/** The program registered under `name`. */
export function programNamed(name: string): Program | undefined {
  return registry.get(name);
}

/** Every registered name, sorted. */
export function registeredPrograms(): string[] {
  return [...registry.keys()].sort();
}

/**
 * What runs when an executable's marker names a program nobody registered: an honest message and
 * exit status 1, rather than pretending.
 */
export const unsimulatedProgram =
  (name: string): Program =>
  async (ctx) => {
    const shown = ctx.argv[0] ?? name;
    ctx.stderr.write(`${shown}: this program (${name}) is not simulated in Dockyard\n`);
    return 1;
  };
