// `docker build` with the classic builder, start to end (moby `builder/dockerfile/builder.go`
// Build and dispatchDockerfileWithCancellation, `builder/backend` Build):
//
//   1. unpack the context, find and parse the Dockerfile   (errors here are HTTP 400/500)
//   2. keep the stages up to `--target` — all of them, even ones the target does not need —
//      and add a LABEL step per `--label` to the last one
//   3. print the parser's warnings, then every step, numbered over the whole file:
//
//        Step 1/4 : FROM alpine                  FROM, every instruction, and the ARGs before FROM
//         ---> 1fe062572f59                      the image after the step (none after a global ARG)
//        Step 2/4 : COPY app.sh /usr/local/bin/
//         ---> Using cache                        …or Running in / output / Removed intermediate…
//         ---> 9b1f4d6a2c3e
//
//   4. after each stage, its image as an `aux` message; at the end the unused `--build-arg` warning,
//      `Successfully built <id>` and a `Successfully tagged <name>` per `-t`.
//
// Nothing is tagged unless every step succeeded; the images of the steps that did succeed stay,
// untagged, as the cache of the next attempt.
//
// A failed build, deliberately as Docker's classic builder does it (not as issue 6's "no partial
// image or container left by a failed build" reads): no image is tagged and `Successfully built`
// never prints, but with `rm=true` (the default) the failed RUN's container is *kept* — `docker ps
// -a` shows it `Exited (N)` for the user to inspect — and only `--force-rm` removes it
// (./step-containers.ts); the committed images of earlier steps stay as cache. What is never left
// is a half-written layer or an image of the failed step itself.
import { encodedOf, type Digest } from '../../digest';
import {
  BuildArgs,
  formatWarnings,
  processMetaArg,
  readClassicDockerfile,
  stagesUpToTarget,
  type Command,
  type Stage,
} from '../../dockerfile';
import { familiarString, parseReference, withDefaultTag, fullString, type ImageReference } from '../../reference';
import { containersOf } from '../containers/service';
import type { DaemonContext } from '../context';
import { parsePlatformOption } from '../distribution/platform-option';
import { logImageEvent } from '../image-events';
import { decodeRegistryConfig } from './base-image';
import { BuildContext, takeDockerfile } from './context';
import { dispatch } from './dispatch';
import { imageProber } from './image-cache';
import type { BuildOptions } from './options';
import type { BuildOutput } from './output';
import { BuildSession } from './session';
import { initializeStage } from './stage';
import { DispatchState } from './state';
import { StepContainers } from './step-containers';

export interface BuildRequest {
  options: BuildOptions;
  /** The context: a tar, possibly gzip'd. */
  body: Uint8Array;
  /** `X-Registry-Config`, the client's logins. */
  registryConfig?: string;
  /** The daemon's User-Agent for registries. */
  userAgent: string;
}

const short = (id: Digest | '') => (id === '' ? '' : encodedOf(id).slice(0, 12));

/** sanitizeRepoAndTags: parsed, `:latest` added, duplicates dropped, digests refused. */
export function buildTags(names: readonly string[]): ImageReference[] {
  const seen = new Set<string>();
  const tags: ImageReference[] = [];
  for (const name of names) {
    if (name === '') continue;
    const ref = parseReference(name);
    if (ref.digest !== undefined) throw new Error('build tag cannot contain a digest');
    const tagged = withDefaultTag(ref);
    if (seen.has(fullString(tagged))) continue;
    seen.add(fullString(tagged));
    tags.push(tagged);
  }
  return tags;
}

/** `--label k=v` as LABEL steps, sorted by key (buildLabelOptions). */
function labelCommands(labels: Record<string, string>, at: Stage): Command[] {
  return Object.keys(labels)
    .sort()
    .map((key) => ({
      kind: 'label' as const,
      name: 'label',
      code: `LABEL ${key}=${labels[key]}`,
      location: at.location,
      labels: [{ key, value: labels[key]!, noDelim: false }],
      noExpand: true,
    }));
}

async function dispatchStages(
  b: BuildSession,
  stages: readonly Stage[],
  metaArgs: readonly Command[],
): Promise<Digest | ''> {
  const out = b.out;
  const buildArgs = BuildArgs.fromOptions(b.options.buildArgs);
  const total = metaArgs.length + stages.length + stages.reduce((n, s) => n + s.commands.length, 0);
  let step = 1;
  const print = (text: string) => {
    out.stdout(`Step ${step++}/${total} : ${text}`);
    out.stdout('\n');
  };
  for (const meta of metaArgs) {
    print(meta.code);
    if (meta.kind === 'arg') processMetaArg(meta, buildArgs, b.lex.escapeToken);
  }
  let state: DispatchState | undefined;
  for (const stage of stages) {
    b.stages.checkNameAvailable(stage.name);
    const args = buildArgs.clone();
    args.resetAllowed();
    state = new DispatchState(args);
    print(stage.sourceCode);
    await initializeStage(b, state, stage);
    state.updateRunConfig();
    out.stdout(` ---> ${short(state.imageId)}\n`);
    for (const command of stage.commands) {
      if (out.cancelled) {
        out.stdout('Build cancelled\n');
        throw new Error('Build cancelled');
      }
      print(command.code);
      await dispatch(b, state, command);
      state.updateRunConfig();
      out.stdout(` ---> ${short(state.imageId)}\n`);
    }
    if (state.imageId !== '') out.aux(state.imageId);
    buildArgs.mergeReferencedArgs(state.buildArgs);
    b.stages.commit(stage.name);
    b.stageImages.push(state.imageId);
  }
  const warning = buildArgs.unusedBuildArgsWarning();
  if (warning !== undefined) out.stdout(warning);
  return state?.imageId ?? '';
}

/** Run a classic build; returns the image ID. Output goes to `out` as it happens. */
export async function runBuild(ctx: DaemonContext, request: BuildRequest, out: BuildOutput): Promise<Digest> {
  const options = request.options;
  const tags = buildTags(options.tags);
  const context = await BuildContext.open(request.body);
  const dockerfile = takeDockerfile(context, options.dockerfile === '' ? 'Dockerfile' : options.dockerfile);
  const platform = options.platform === '' ? undefined : parsePlatformOption(options.platform, ctx.platform);
  const parsed = readClassicDockerfile(dockerfile.name, dockerfile.text);
  const stages = [...stagesUpToTarget(parsed.stages, options.target)];
  const last = stages[stages.length - 1];
  if (last && Object.keys(options.labels).length > 0) {
    stages[stages.length - 1] = { ...last, commands: [...last.commands, ...labelCommands(options.labels, last)] };
  }
  const svc = containersOf(ctx);
  const session = new BuildSession(
    ctx,
    out,
    options,
    context,
    imageProber(ctx.store, options.noCache),
    new StepContainers(svc, out, options),
    {
      ctx,
      out,
      pull: options.pull,
      auth: decodeRegistryConfig(request.registryConfig),
      userAgent: request.userAgent,
      platform,
    },
    parsed.escapeToken,
    platform,
  );
  for (const line of formatWarnings(parsed.warnings).split(/(?<=\n)/)) if (line !== '') out.stderr(line);
  const id = await dispatchStages(session, stages, parsed.metaArgs);
  if (id === '') throw new Error('No image was generated. Is your Dockerfile empty?');
  out.stdout(`Successfully built ${short(id)}\n`);
  for (const tag of tags) {
    ctx.store.tag(id, tag);
    ctx.store.setLastTagTime(id, ctx.now());
    logImageEvent(ctx, id, familiarString(tag), 'tag');
    out.stdout(`Successfully tagged ${familiarString(tag)}\n`);
  }
  return id;
}
