// FROM: how a stage begins (moby `initializeStage`, `getImageOrStage`, `dispatchTriggeredOnBuild`).
//
// The base name and `--platform` are expanded with the global ARGs only — those declared before
// the first FROM (`ARG VERSION=3.20` / `FROM alpine:${VERSION}`). The name is then an earlier stage
// (by name, case-insensitive), `scratch`, or an image: local, else pulled. The cache starts afresh.
//
// If the base image carries ONBUILD triggers, they run now, before anything else of the stage, as
// if written right after the FROM — and the new image does not inherit them:
//
//   Step 1/2 : FROM acme/onbuild-base
//   # Executing 1 build trigger
//    ---> Running in 5e3a…
//   …
import { envFromRecord, expandBaseName, expandPlatform, parseDockerfileAst, parseInstruction } from '../../dockerfile';
import { isStage, type Stage } from '../../dockerfile';
import type { WantedPlatform } from '../../image/platform';
import { DaemonError } from '../api/errors';
import { parsePlatformOption } from '../distribution/platform-option';
import { baseOf, getImage, scratchImage } from './base-image';
import { dispatch } from './dispatch';
import type { BuildSession } from './session';
import type { BaseImage, DispatchState } from './state';

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function imageOrStage(b: BuildSession, name: string, platform: WantedPlatform | undefined): Promise<BaseImage> {
  const stage = b.stages.byName(name);
  if (stage !== undefined) {
    const id = b.stageImages[stage] ?? '';
    const record = id === '' ? undefined : b.ctx.store.get(id);
    return record ? baseOf(record) : scratchImage(b.ctx, platform);
  }
  if (name === 'scratch') return scratchImage(b.ctx, platform);
  return baseOf(await getImage(b.fetch, name, false, platform));
}

async function runTriggers(b: BuildSession, state: DispatchState, triggers: readonly string[]): Promise<void> {
  b.out.stdout(`# Executing ${triggers.length} build trigger`);
  if (triggers.length > 1) b.out.stdout('s');
  b.out.stdout('\n');
  for (const trigger of triggers) {
    state.updateRunConfig();
    const ast = parseDockerfileAst(trigger);
    if (ast.nodes.length !== 1) throw new Error('onbuild trigger should be a single expression');
    const command = parseInstruction(ast.nodes[0]!);
    if (isStage(command)) throw new Error("FROM isn't allowed as an ONBUILD trigger");
    await dispatch(b, state, command);
  }
}

/** Process a FROM line: find the base, begin the stage, run the base's ONBUILD triggers. */
export async function initializeStage(b: BuildSession, state: DispatchState, stage: Stage): Promise<void> {
  b.prober.reset();
  const meta = envFromRecord(state.buildArgs.getAllMeta());
  let platform = b.platform;
  if (stage.platform !== undefined) {
    let text: string;
    try {
      text = expandPlatform(stage, b.lex, meta) ?? '';
    } catch (err) {
      throw new Error(`failed to process arguments for platform ${stage.platform}: ${messageOf(err)}`, { cause: err });
    }
    try {
      platform = parsePlatformOption(text, b.ctx.platform);
    } catch (err) {
      throw DaemonError.invalidParameter(`failed to parse platform ${text}: ${messageOf(err)}`);
    }
  }
  const name = expandBaseName(stage, b.lex, meta);
  state.beginStage(stage.name, await imageOrStage(b, name, platform));
  const triggers = state.runConfig.OnBuild ?? [];
  if (triggers.length > 0) {
    state.runConfig.OnBuild = null;
    await runTriggers(b, state, triggers);
  }
}
