// From instructions to build stages (BuildKit `instructions.Parse`, moby's classic builder).
//
//   ARG VERSION=3.20            ← before any FROM: a global ("meta") arg, usable in FROM lines
//   FROM alpine:${VERSION} AS build
//   RUN make                    ← belongs to stage 0, "build"
//   FROM alpine:${VERSION}
//   COPY --from=build /app /app ← stage 1 (unnamed), copying from stage 0
//
// Any instruction but ARG before the first FROM is `no build stage in current context`. Stage names
// are case-insensitive. `--target name` keeps the stages up to and including that one — the classic
// builder still builds every stage before the target, while BuildKit skips those it does not need.
import { DockerfileParseError, InstructionError, StageError } from '../errors';
import { goQuote } from '../go-text';
import type { InstructionNode } from '../parser/ast';
import type { ArgCommand, Command, Stage } from './commands';
import { isStage, parseInstruction } from './parse-instruction';

/** A Dockerfile as stages: what the builder runs. */
export interface ParsedStages {
  readonly stages: readonly Stage[];
  /** The ARGs before the first FROM. */
  readonly metaArgs: readonly ArgCommand[];
}

/** Group instruction nodes into stages; throws DockerfileParseError or StageError. */
export function parseStages(nodes: readonly InstructionNode[]): ParsedStages {
  const stages: { stage: Stage; commands: Command[] }[] = [];
  const metaArgs: ArgCommand[] = [];
  for (const node of nodes) {
    let parsed: Command | Stage;
    try {
      parsed = parseInstruction(node);
    } catch (error) {
      if (!(error instanceof InstructionError)) throw error;
      throw new DockerfileParseError(node.startLine, error, { start: node.startLine, end: node.endLine });
    }
    if (isStage(parsed)) {
      stages.push({ stage: parsed, commands: [] });
      continue;
    }
    if (stages.length === 0 && parsed.kind === 'arg') {
      metaArgs.push(parsed);
      continue;
    }
    const current = stages[stages.length - 1];
    if (!current) {
      throw new StageError('no build stage in current context', { start: node.startLine, end: node.endLine });
    }
    current.commands.push(parsed);
  }
  return { stages: stages.map(({ stage, commands }) => ({ ...stage, commands })), metaArgs };
}

/** The index of the stage called `name` (case-insensitive), or -1. */
export function stageIndex(stages: readonly Stage[], name: string): number {
  const lower = name.toLowerCase();
  return stages.findIndex((stage) => (stage.name ?? '') === lower);
}

/** The stages a `--target` build processes: all of them up to the target (the classic builder's rule). */
export function stagesUpToTarget(stages: readonly Stage[], target: string): readonly Stage[] {
  if (target === '') return stages;
  const index = stageIndex(stages, target);
  if (index < 0) throw new StageError(`target stage ${goQuote(target)} could not be found`);
  return stages.slice(0, index + 1);
}

const maxInt64 = (1n << 63n) - 1n;

/** What `COPY --from=<x>` (or `FROM <x>`) refers to. */
export type StageReference =
  { readonly kind: 'stage'; readonly index: number } | { readonly kind: 'image'; readonly ref: string };

/**
 * The stages a classic build has finished so far, by name and by index (moby's `stagesBuildResults`):
 * `--from` may name a finished stage or give its index; anything else is an image reference.
 */
export class BuiltStages {
  private readonly names: (string | undefined)[] = [];

  /** The number of stages finished. */
  get count(): number {
    return this.names.length;
  }

  /** Before starting a stage: its name must not be taken (`build stage name already used`). */
  checkNameAvailable(name: string | undefined): void {
    if (name !== undefined && name !== '' && this.byName(name) !== undefined) {
      throw new StageError(`${name} stage name already used`);
    }
  }

  /** Record a finished stage. */
  commit(name: string | undefined): void {
    this.checkNameAvailable(name);
    this.names.push(name === undefined || name === '' ? undefined : name.toLowerCase());
  }

  /** The index of a finished stage with this name (FROM looks stages up by name only). */
  byName(name: string): number | undefined {
    const index = this.names.indexOf(name.toLowerCase());
    return index < 0 ? undefined : index;
  }

  /** Resolve `COPY --from=<value>`; throws `invalid from flag value <v>: index out of bounds` and kin. */
  resolveCopyFrom(value: string): StageReference {
    const named = this.byName(value);
    if (named !== undefined) return { kind: 'stage', index: named };
    // Not a decimal integer Go's strconv.ParseInt accepts (64-bit): an image reference.
    if (!/^[+-]?\d+$/.test(value) || BigInt(value) > maxInt64 || BigInt(value) < -maxInt64 - 1n) {
      return { kind: 'image', ref: value };
    }
    const index = Number(value);
    if (index === this.names.length)
      throw new StageError(`invalid from flag value ${value}: refers to current build stage`);
    if (index < 0 || index > this.names.length)
      throw new StageError(`invalid from flag value ${value}: index out of bounds`);
    return { kind: 'stage', index };
  }
}
