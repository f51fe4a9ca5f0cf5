// The typed Dockerfile instructions the builder executes (BuildKit
// `frontend/dockerfile/instructions/commands.go`).
//
// Each instruction node becomes one command with its arguments checked and named: a COPY knows its
// sources, destination and `--from`; a HEALTHCHECK knows its test and durations; a shell-form RUN
// knows it needs the SHELL prepended. Every FROM opens a Stage; the commands that follow belong to
// it. Values are as written — variables are expanded later, at build time (see expand.ts), because
// they depend on ENV and ARG values only known while building.
import type { LineRange } from '../errors';

/** What every command has: its keyword as written, its source text and where it was. */
export interface CommandBase {
  /** The keyword as written (`copy`, `COPY`). */
  readonly name: string;
  /** The instruction's text, trimmed; what the classic builder prints after `Step 2/5 : `. */
  readonly code: string;
  readonly location: LineRange;
}

/** `KEY=value` (or the legacy `KEY value` form, where `noDelim` is true). */
export interface KeyValuePair {
  readonly key: string;
  readonly value: string;
  readonly noDelim: boolean;
}

/** An ARG: a name and maybe a default value, and the `# NAME …` comment documenting it. */
export interface KeyValuePairOptional {
  readonly key: string;
  readonly value?: string;
  readonly comment: string;
}

/** A file whose contents are written inline as a heredoc (`COPY <<EOF /etc/motd`). */
export interface SourceContent {
  readonly path: string;
  readonly data: string;
  readonly expand: boolean;
}

/** COPY/ADD operands: paths in the context (or stage), inline heredoc files, and the destination. */
export interface SourcesAndDest {
  readonly sourcePaths: readonly string[];
  readonly sourceContents: readonly SourceContent[];
  readonly destPath: string;
}

/** A heredoc attached to RUN/CMD/ENTRYPOINT (`RUN <<EOF`); `chomp` means `<<-`. */
export interface ShellInlineFile {
  readonly name: string;
  readonly data: string;
  readonly chomp: boolean;
}

/** A command line in exec form (`["a","b"]`) or shell form (one string; the SHELL is prepended). */
export interface ShellDependantCmdLine {
  readonly cmdLine: readonly string[];
  readonly files: readonly ShellInlineFile[];
  readonly prependShell: boolean;
}

/** The image's healthcheck; durations in nanoseconds, 0 meaning "not set". */
export interface HealthConfig {
  /** `["NONE"]`, `["CMD", …]` (exec form) or `["CMD-SHELL", "<command>"]`. */
  readonly test: readonly string[];
  readonly interval: number;
  readonly timeout: number;
  readonly startPeriod: number;
  readonly startInterval: number;
  readonly retries: number;
}

export type Command =
  | (CommandBase & { readonly kind: 'env'; readonly env: readonly KeyValuePair[] })
  | (CommandBase & { readonly kind: 'maintainer'; readonly maintainer: string })
  | (CommandBase & { readonly kind: 'label'; readonly labels: readonly KeyValuePair[]; readonly noExpand: boolean })
  | AddCommand
  | CopyCommand
  | (CommandBase & { readonly kind: 'onbuild'; readonly expression: string })
  | (CommandBase & { readonly kind: 'workdir'; readonly path: string })
  | RunCommand
  | (CommandBase & ShellDependantCmdLine & { readonly kind: 'cmd' })
  | EntrypointCommand
  | (CommandBase & { readonly kind: 'healthcheck'; readonly health: HealthConfig })
  | (CommandBase & { readonly kind: 'expose'; readonly ports: readonly string[] })
  | (CommandBase & { readonly kind: 'user'; readonly user: string })
  | (CommandBase & { readonly kind: 'volume'; readonly volumes: readonly string[] })
  | (CommandBase & { readonly kind: 'stopsignal'; readonly signal: string })
  | ArgCommand
  | (CommandBase & { readonly kind: 'shell'; readonly shell: readonly string[] });

export type CommandKind = Command['kind'];

/** `ADD [--chown] [--chmod] [--link] [--keep-git-dir] [--checksum] [--unpack] <src>… <dest>`. */
export interface AddCommand extends CommandBase, SourcesAndDest {
  readonly kind: 'add';
  readonly chown: string;
  readonly chmod: string;
  readonly link: boolean;
  readonly keepGitDir: boolean;
  readonly checksum: string;
  /** Whether `--unpack` was given, and its value. */
  readonly unpack?: boolean;
}

/** `COPY [--from=<stage|index|image>] [--chown] [--chmod] [--link] <src>… <dest>`. */
export interface CopyCommand extends CommandBase, SourcesAndDest {
  readonly kind: 'copy';
  readonly from: string;
  readonly chown: string;
  readonly chmod: string;
  readonly link: boolean;
}

/** `ENTRYPOINT`: an empty one (`ENTRYPOINT []`, `ENTRYPOINT ""`…) is `null`, which resets it. */
export interface EntrypointCommand extends CommandBase, Omit<ShellDependantCmdLine, 'cmdLine'> {
  readonly kind: 'entrypoint';
  readonly cmdLine: readonly string[] | null;
}

/** `RUN [--mount=…] [--network=…] <command>`. */
export interface RunCommand extends CommandBase, ShellDependantCmdLine {
  readonly kind: 'run';
  /** The flags given, in order, without `--` (the classic builder refuses any). */
  readonly flagsUsed: readonly string[];
  /** Raw `--mount` specifications (`type=cache,target=/root/.cache`). */
  readonly mounts: readonly string[];
  /** `default`, `none` or `host`. */
  readonly network: string;
}

/** `ARG NAME[=default] …`; before the first FROM these are the build's global ("meta") args. */
export interface ArgCommand extends CommandBase {
  readonly kind: 'arg';
  readonly args: readonly KeyValuePairOptional[];
}

/** One `FROM base [AS name]` and the commands after it. */
export interface Stage {
  /** The stage name from `AS name`, lower-cased; undefined for an unnamed stage. */
  readonly name?: string;
  /** The image (or earlier stage) it starts from, unexpanded (`alpine:${VERSION}`). */
  readonly baseName: string;
  /** `--platform=…`, unexpanded. */
  readonly platform?: string;
  /** The FROM line, trimmed; what the classic builder prints as its step. */
  readonly sourceCode: string;
  readonly commands: readonly Command[];
  readonly location: LineRange;
  /** The `# name …` comment documenting the stage. */
  readonly comment: string;
}
