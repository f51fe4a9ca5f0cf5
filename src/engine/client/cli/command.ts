// The docker command tree, after spf13/cobra as docker/cli uses it. A command has a name, a usage
// line (`ls [OPTIONS] [REPOSITORY[:TAG]]`), a one-line description, its flags, a rule on how many
// arguments it takes, and either subcommands (a "management command" such as `docker image`) or a
// function that runs it. Shortcuts are commands of their own that share an implementation:
// `docker images` and `docker image ls` print different usage lines but list the same aliases.
//
// Some commands and flags exist only on some daemons (experimental ones, swarm managers, Windows);
// the CLI hides them when the daemon it talks to says so in its `/_ping` headers.
import type { DockerCli } from './docker-cli';
import type { FlagSpec, FlagValues } from './flag';
import type { OutputStream } from './streams';
import { bool } from './flag';

/** How many arguments a command takes (docker/cli `cli/required.go`). */
export type ArgsRule =
  | { kind: 'none' }
  | { kind: 'exact'; count: number }
  | { kind: 'min'; count: number }
  | { kind: 'max'; count: number }
  | { kind: 'range'; min: number; max: number };

export const noArgs: ArgsRule = { kind: 'none' };
export const exactArgs = (count: number): ArgsRule => ({ kind: 'exact', count });
export const minArgs = (count: number): ArgsRule => ({ kind: 'min', count });
export const maxArgs = (count: number): ArgsRule => ({ kind: 'max', count });
export const rangeArgs = (min: number, max: number): ArgsRule => ({ kind: 'range', min, max });

/** What one run of a command gets: the CLI, its arguments and flags, and where it sits in the tree. */
export interface Invocation {
  cli: DockerCli;
  args: string[];
  flags: FlagValues;
  command: Command;
}

export interface CommandSpec {
  name: string;
  /** cobra's Use: the name and what follows it in `Usage:`. */
  use: string;
  short: string;
  /** Shown instead of `short` in the command's own help, when it has one. */
  long?: string;
  aliases?: readonly string[];
  /** The full alias list help prints, when it is not the cobra default (docker/cli's annotation). */
  aliasesText?: string;
  flags?: readonly FlagSpec[];
  /** May flags follow arguments? Not for `run`, `create`, `exec`: their flags end at the image. */
  interspersed?: boolean;
  args?: ArgsRule;
  /** Position in "Common Commands" of `docker --help` (docker/cli's category-top). */
  top?: number;
  /** Needs a swarm: 'manager' (hidden unless the node manages one), 'active', or '' (listed as swarm). */
  swarm?: string;
  /** Needs a daemon with experimental features (hidden elsewhere). */
  experimental?: boolean;
  /** An experimental feature of the CLI itself: help says so, nothing is hidden. */
  experimentalCli?: boolean;
  hidden?: boolean;
  subcommands?: readonly CommandSpec[];
  /**
   * Runs once the command is found, before its flags are read (`docker build` announces the
   * legacy builder there, even for a line whose flags are wrong). May throw to stop.
   */
  beforeParse?: (context: { env: Readonly<Record<string, string>>; err: OutputStream }) => void;
  run?: (invocation: Invocation) => Promise<void>;
}

/** What the daemon's `/_ping` said about itself; undefined fields are unknown (nothing is hidden). */
export interface ServerFeatures {
  osType?: string;
  experimental?: boolean;
  /** `Swarm: inactive`, `active`, `active/manager`… */
  swarm?: string;
}

/** The `--help` flag every command inherits from the root (hidden; `-h` is deprecated). */
export const helpFlag: FlagSpec = bool('help', 'h', 'Print usage', { hidden: true });

export class Command {
  readonly children: Command[];

  constructor(
    readonly spec: CommandSpec,
    readonly parent?: Command,
  ) {
    this.children = [...(spec.subcommands ?? [])]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((child) => new Command(child, this));
  }

  get name(): string {
    return this.spec.name;
  }

  /** How many arguments it takes; a management command takes none (its words are subcommands). */
  get args(): ArgsRule | undefined {
    return this.spec.args ?? (this.children.length > 0 && this.parent ? noArgs : undefined);
  }

  /** `docker image ls` */
  path(): string {
    return this.parent ? `${this.parent.path()} ${this.name}` : this.name;
  }

  /** cobra's UseLine: the parent's path, then this command's Use. */
  useLine(): string {
    return this.parent ? `${this.parent.path()} ${this.spec.use}` : this.spec.use;
  }

  root(): Command {
    return this.parent ? this.parent.root() : this;
  }

  hasSubcommands(): boolean {
    return this.children.length > 0;
  }

  /** The child named `name`, or having it as an alias. */
  child(name: string): Command | undefined {
    return (
      this.children.find((c) => c.name === name) ?? this.children.find((c) => (c.spec.aliases ?? []).includes(name))
    );
  }

  /** The flags this command parses: its own, then the inherited `--help`. */
  flags(): FlagSpec[] {
    const own = [...(this.spec.flags ?? [])];
    return own.some((f) => f.name === 'help') ? own : [...own, helpFlag];
  }

  /** Is this command hidden from help when talking to a daemon with these features? */
  hiddenFor(features: ServerFeatures): boolean {
    const { spec } = this;
    if (spec.hidden) return true;
    if (spec.experimental && features.experimental === false) return true;
    if (spec.swarm !== undefined && features.swarm !== undefined) {
      if (spec.swarm === 'manager' && !features.swarm.endsWith('/manager')) return true;
      if (spec.swarm === 'active' && features.swarm === 'inactive') return true;
    }
    return false;
  }

  /** Flags shown in help for this daemon. */
  visibleFlags(features: ServerFeatures): FlagSpec[] {
    return this.flags().map((flag) => {
      const a = flag.annotations;
      const hide =
        (a?.experimental && features.experimental === false) ||
        (a?.ostype !== undefined && features.osType !== undefined && features.osType !== a.ostype) ||
        (a?.swarm === 'manager' && features.swarm !== undefined && !features.swarm.endsWith('/manager'));
      return hide ? { ...flag, hidden: true } : flag;
    });
  }

  /** Does showing this command's help depend on what the daemon supports? */
  dependsOnServer(): boolean {
    const annotated = (c: Command) => c.spec.experimental || c.spec.swarm !== undefined;
    return annotated(this) || this.children.some(annotated) || this.flags().some((f) => f.annotations !== undefined);
  }

  /** cobra's NamePadding: the longest sibling name, at least 11. */
  namePadding(): number {
    const siblings = this.parent?.children ?? [];
    return Math.max(11, ...siblings.map((c) => c.name.length));
  }
}
