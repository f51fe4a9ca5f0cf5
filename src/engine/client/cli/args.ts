// Checking how many arguments a command got, with docker/cli's sentences (`cli/required.go`), typo
// included: the "at most" message really ends in `SRun 'docker login --help' …` in docker 28.2.2.
// These errors exit 1, not 125: they are not flag errors.
import type { Command } from './command';

const plural = (word: string, n: number) => (n === 1 ? word : `${word}s`);

/** The error for `args` not fitting `command`'s rule, or undefined when they fit. */
export function checkArgs(command: Command, args: readonly string[]): string | undefined {
  const rule = command.args;
  if (!rule) return undefined;
  const bin = command.root().name;
  const path = command.path();
  const usage = `\n\nUsage:  ${command.useLine()}\n\n`;
  const n = args.length;
  switch (rule.kind) {
    case 'none':
      if (n === 0) return undefined;
      if (command.hasSubcommands()) {
        return `${bin}: unknown command: ${path} ${args[0]}${usage}Run '${path} --help' for more information`;
      }
      return `${bin}: '${path}' accepts no arguments${usage}Run '${path} --help' for more information`;
    case 'exact':
      if (n === rule.count) return undefined;
      return `${bin}: '${path}' requires ${rule.count} ${plural('argument', rule.count)}${usage}Run '${path} --help' for more information`;
    case 'min':
      if (n >= rule.count) return undefined;
      return `${bin}: '${path}' requires at least ${rule.count} ${plural('argument', rule.count)}${usage}See '${path} --help' for more information`;
    case 'max':
      if (n <= rule.count) return undefined;
      return `${bin}: '${path}' requires at most ${rule.count} ${plural('argument', rule.count)}${usage}SRun '${path} --help' for more information`;
    case 'range':
      if (n >= rule.min && n <= rule.max) return undefined;
      return `${bin}: '${path}' requires at least ${rule.min} and at most ${rule.max} ${plural('argument', rule.max)}${usage}Run '${path} --help' for more information`;
  }
}
