// Commands Dockyard lists but does not simulate: their help is the real CLI's, and running one
// says plainly that it is not part of the simulation (rather than pretending to work).
import type { CommandSpec } from '../../cli/command';

/** Give every leaf of `specs` a run that reports the command is not simulated. */
export function notSimulated(specs: CommandSpec[]): CommandSpec[] {
  return specs.map((spec) => {
    if (spec.subcommands) return { ...spec, subcommands: notSimulated([...spec.subcommands]) };
    if (spec.run) return spec;
    return {
      ...spec,
      async run({ command }) {
        throw new Error(`'${command.path()}' is not simulated by Dockyard yet`);
      },
    };
  });
}
