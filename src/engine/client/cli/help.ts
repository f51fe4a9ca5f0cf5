// `docker … --help`, laid out by docker/cli's usage template (`cli/cobra.go`): the usage line, the
// description, aliases, options, then — for the root and management commands — the subcommands
// grouped as docker groups them (Common, Management, Swarm, Commands), and the closing hints.
//
//   Usage:  docker images [OPTIONS] [REPOSITORY[:TAG]]
//
//   List images
//
//   Aliases:
//     docker image ls, docker image list, docker images
//
//   Options:
//     -a, --all             Show all images (default hides intermediate images)
import type { Command, ServerFeatures } from './command';
import { flagUsages } from './flag-usages';

const EXPERIMENTAL_NOTE = (path: string) =>
  `\n\nEXPERIMENTAL:\n  ${path} is an experimental feature.\n` +
  '  Experimental features provide early access to product functionality. These\n' +
  '  features may change between releases without warning, or can be removed from a\n' +
  '  future release. Learn more about experimental features in our documentation:\n' +
  '  https://docs.docker.com/go/experimental/';

const ADDITIONAL_HELP = 'For more help on how to use Docker, head to https://docs.docker.com/go/guides/';

export interface HelpLayout {
  /** Width of the terminal on stdin, or undefined when stdin is not one (the CLI then assumes 80). */
  columns?: number;
  /** Is the help going to a terminal? (the last hint is then bold) */
  terminal: boolean;
  features: ServerFeatures;
}

function available(command: Command, features: ServerFeatures): boolean {
  if (command.hiddenFor(features)) return false;
  return command.spec.run !== undefined || command.children.some((c) => available(c, features));
}

function aliasesOf(command: Command): string | undefined {
  if (command.spec.aliasesText) return command.spec.aliasesText;
  const aliases = command.spec.aliases ?? [];
  if (aliases.length === 0) return undefined;
  const parentPath = command.parent ? command.parent.path() + ' ' : '';
  return [command.path(), ...aliases.map((a) => parentPath + a)].join(', ');
}

function listing(title: string, commands: readonly Command[], management: boolean): string {
  if (commands.length === 0) return '';
  const rows = commands.map((c) =>
    management
      ? `\n  ${(c.name + ' ').padEnd(c.namePadding() + 1)}${c.spec.short}`
      : `\n  ${c.name.padEnd(c.namePadding())} ${c.spec.short}`,
  );
  return `\n\n${title}:${rows.join('')}`;
}

/** The full help text of `command`, newline-terminated. */
export function helpText(command: Command, layout: HelpLayout): string {
  const { spec } = command;
  const { features } = layout;
  const isRoot = command.parent === undefined;
  const flags = command.visibleFlags(features);
  const hasFlags = flags.some((f) => !f.hidden);
  const width = (layout.columns ?? 80) - 1;
  const kids = command.children.filter((c) => available(c, features));

  let out = 'Usage:';
  out += command.hasSubcommands()
    ? `  ${command.path()}${hasFlags ? ' [OPTIONS]' : ''} COMMAND`
    : `  ${command.useLine()}`;
  out += `\n\n${(spec.long ?? spec.short).trim()}`;
  if (spec.experimentalCli || command.parent?.spec.experimentalCli) out += EXPERIMENTAL_NOTE(command.path());
  const aliases = aliasesOf(command);
  if (aliases) out += `\n\nAliases:\n  ${aliases}`;
  if (!isRoot && hasFlags) out += `\n\nOptions:\n${flagUsages(flags, width).trimEnd()}`;
  if (isRoot) {
    const top = kids.filter((c) => c.spec.top !== undefined).sort((a, b) => a.spec.top! - b.spec.top!);
    out += listing('Common Commands', top, true);
  }
  const groups = kids.filter((c) => c.hasSubcommands());
  out += listing(
    'Management Commands',
    groups.filter((c) => c.spec.swarm === undefined),
    true,
  );
  out += listing(
    'Swarm Commands',
    groups.filter((c) => c.spec.swarm !== undefined),
    true,
  );
  out += listing(
    'Commands',
    kids.filter((c) => !c.hasSubcommands() && !(isRoot && c.spec.top !== undefined)),
    false,
  );
  if (isRoot && hasFlags) out += `\n\nGlobal Options:\n${flagUsages(flags, width).trimEnd()}`;
  if (command.hasSubcommands()) out += `\n\nRun '${command.path()} COMMAND --help' for more information on a command.`;
  if (isRoot) out += `\n\n${layout.terminal ? `\x1b[1m${ADDITIONAL_HELP}\x1b[0m` : ADDITIONAL_HELP}`;
  return out + '\n';
}
