// RUN (moby `dispatchRun`): the only instruction that runs a program. The command — exec form as
// written, shell form behind the SHELL (`/bin/sh -c`) — runs in a new container of the current
// image, without the image's ENTRYPOINT or healthcheck, with the build args in scope added to its
// environment. Its output is the build's output; its filesystem changes become the step's layer.
//
// The cache knows a RUN only by its command. When build args are in scope, the command it records
// is prefixed with them, sorted — `|2 A=1 B=2 /bin/sh -c make` — so a different `--build-arg`
// value is a different step, and `docker history` shows the values used. (Proxy args the Dockerfile
// never declared are left out of that prefix: they do not change the image.)
//
// A command that fails ends the build, with the exit status as the CLI's exit code:
//
//   The command '/bin/sh -c exit 3' returned a non-zero code: 3
//
// The classic builder refuses every RUN flag (`--mount`, `--network`): they need BuildKit.
import type { BuildArgs, RunCommand } from '../../dockerfile';
import { resolveCmdLine } from './dispatch-metadata';
import {
  copyRunConfig,
  withArgsEscaped,
  withCmd,
  withEntrypointOverride,
  withEnv,
  withoutHealthcheck,
} from './run-config';
import type { BuildSession } from './session';
import type { DispatchState } from './state';
import { StepExitError } from './step-containers';

/** A step error that carries a code for the stream's errorDetail (and the CLI's exit status). */
export class BuildStepError extends Error {
  override name = 'BuildStepError';
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** `the --mount option requires BuildKit. Refer to …` */
export function requiresBuildKit(option: string): Error {
  return new Error(
    `the --${option} option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled`,
  );
}

/** prependEnvOnCmd: `|N` and the sorted `KEY=value`s, before the command. */
export function prependEnvOnCmd(args: BuildArgs, argEnv: readonly string[], cmd: readonly string[]): string[] {
  const kept = argEnv.filter((e) => args.isReferencedOrNotBuiltin(e.split('=', 1)[0]!));
  kept.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [`|${kept.length}`, ...kept, ...cmd];
}

export async function dispatchRun(b: BuildSession, s: DispatchState, c: RunCommand): Promise<void> {
  if (c.flagsUsed.length > 0) throw requiresBuildKit(c.flagsUsed[0]!);
  const state = s.runConfig;
  const cmd = resolveCmdLine(c, state) ?? [];
  const argEnv = s.buildArgs.filterAllowed(state.Env ?? []);
  const saveCmd = argEnv.length > 0 ? prependEnvOnCmd(s.buildArgs, argEnv, cmd) : cmd;
  const probe = copyRunConfig(state, withCmd(saveCmd), withArgsEscaped(false), withEntrypointOverride(saveCmd, null));
  if (b.probeCache(s, probe)) return;
  const runConfig = copyRunConfig(
    state,
    withCmd(cmd),
    withArgsEscaped(false),
    withEnv([...(state.Env ?? []), ...argEnv]),
    withEntrypointOverride(saveCmd, null),
    withoutHealthcheck(),
  );
  const container = await b.containers.create(runConfig, s.imageId);
  try {
    await b.containers.run(container);
  } catch (err) {
    if (!(err instanceof StepExitError)) throw err;
    let message = `The command '${cmd.join(' ')}' returned a non-zero code: ${err.exitCode}`;
    if (err.reason !== '') message += `: ${err.reason}`;
    throw new BuildStepError(message, err.exitCode);
  }
  await b.commitContainer(s, container, probe);
}
