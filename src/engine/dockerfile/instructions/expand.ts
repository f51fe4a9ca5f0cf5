// Which instructions expand `$VARIABLES`, and how (moby's classic builder `dispatch`, BuildKit
// `instructions/commands.go` Expand methods).
//
// The builder expands, with the stage's ENV plus its allowed ARGs:
//
//   ENV, LABEL          keys and values                 ARG         names and default values
//   COPY                sources, destination, --from, --chown, --chmod
//   ADD                 sources, destination, --chown, --chmod, --checksum
//   WORKDIR USER STOPSIGNAL VOLUME   their arguments    EXPOSE      each port, which may become several
//   FROM                the base name and --platform, with the global (pre-FROM) ARGs only
//
// and never RUN, CMD, ENTRYPOINT, SHELL or HEALTHCHECK: those run in a shell that expands for itself.
// ONBUILD expands nothing now — its trigger is expanded when a child image's build runs it.
import { StageError } from '../errors';
import type { EnvGetter, ShellLex } from '../shell-lex';
import type { Command, SourcesAndDest, Stage } from './commands';

/** Expands one word. */
export type WordExpander = (word: string) => string;

/** A word expander from a lexer and an environment (`ShellExpansionError` on bad syntax). */
export function expanderFor(lex: ShellLex, env: EnvGetter): WordExpander {
  return (word) => lex.processWord(word, env);
}

const expandingKinds = new Set<Command['kind']>([
  'env',
  'label',
  'arg',
  'copy',
  'add',
  'workdir',
  'user',
  'stopsignal',
  'volume',
  'expose',
]);

/** Whether the builder substitutes variables in this instruction's arguments. */
export function supportsExpansion(kind: Command['kind']): boolean {
  return expandingKinds.has(kind);
}

const optionalValue = (value: string | undefined, expand: WordExpander) =>
  value === undefined ? {} : { value: expand(value) };

function expandSources(s: SourcesAndDest, expand: WordExpander): SourcesAndDest {
  return { sourcePaths: s.sourcePaths.map(expand), sourceContents: s.sourceContents, destPath: expand(s.destPath) };
}

/** The command with its variables substituted (a new object; EXPOSE is left to expandExposePorts). */
export function expandCommand<C extends Command>(command: C, expand: WordExpander): C {
  // Expansion never changes a command's kind, so the result has the caller's type.
  return expandAny(command, expand) as C;
}

function expandAny(c: Command, expand: WordExpander): Command {
  switch (c.kind) {
    case 'env':
      return { ...c, env: c.env.map((p) => ({ ...p, key: expand(p.key), value: expand(p.value) })) };
    case 'label':
      if (c.noExpand) return c;
      return { ...c, labels: c.labels.map((p) => ({ ...p, key: expand(p.key), value: expand(p.value) })) };
    case 'arg':
      return { ...c, args: c.args.map((a) => ({ ...a, key: expand(a.key), ...optionalValue(a.value, expand) })) };
    case 'add': {
      const chown = expand(c.chown);
      const chmod = expand(c.chmod);
      const checksum = expand(c.checksum);
      return { ...c, chown, chmod, checksum, ...expandSources(c, expand) };
    }
    case 'copy': {
      const chown = expand(c.chown);
      const chmod = expand(c.chmod);
      const from = expand(c.from);
      return { ...c, chown, chmod, from, ...expandSources(c, expand) };
    }
    case 'workdir':
      return { ...c, path: expand(c.path) };
    case 'user':
      return { ...c, user: expand(c.user) };
    case 'stopsignal':
      return { ...c, signal: expand(c.signal) };
    case 'volume':
      return { ...c, volumes: c.volumes.map(expand) };
    default:
      return c;
  }
}

/** EXPOSE's ports after expansion: one word may become several (`EXPOSE $PORTS` with `PORTS="80 443"`). */
export function expandExposePorts(ports: readonly string[], lex: ShellLex, env: EnvGetter): string[] {
  return ports.flatMap((port) => lex.processWords(port, env));
}

/** FROM's image after expansion with the global ARGs; an empty result is refused. */
export function expandBaseName(stage: Stage, lex: ShellLex, metaArgs: EnvGetter): string {
  const name = lex.processWord(stage.baseName, metaArgs);
  if (name === '') throw new StageError(`base name (${stage.baseName}) should not be blank`, stage.location);
  return name;
}

/** FROM's `--platform` after expansion with the global ARGs (undefined when not given). */
export function expandPlatform(stage: Stage, lex: ShellLex, metaArgs: EnvGetter): string | undefined {
  return stage.platform === undefined ? undefined : lex.processWord(stage.platform, metaArgs);
}
