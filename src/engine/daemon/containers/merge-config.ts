// What a container will run, decided at create time: the client's Config laid over the image's
// (moby `merge` and `mergeAndVerifyConfig`). The client wins field by field —
//
//   User, WorkingDir, StopSignal   the image's when the client left them empty
//   Healthcheck    the image's, each field the client left empty (./health/health-config.ts)
//   Env            the client's, then every image variable the client did not set
//   Labels, ExposedPorts, Volumes   the union, the client's value on a clash
//   Cmd, Entrypoint   no Entrypoint given: the image's Entrypoint, and the image's Cmd if no Cmd
//                     either; `--entrypoint ""` clears the image's Entrypoint
//
// and the container's command line is Entrypoint + Cmd, split into `Path` and `Args` as inspect
// shows them. Nothing to run at all is `No command specified`.
import type { ContainerConfig as ImageRuntimeConfig } from '../../image/types';
import { DaemonError } from '../api/errors';
import type { CreateConfig } from './create-body';
import { mergeHealthcheck, validateHealthcheck, type HealthcheckConfig } from './health/health-config';
import { parseSignal } from './signals';

/** A container's Config after the merge, as inspect shows it. */
export type ContainerConfig = CreateConfig;

const keyOf = (variable: string) => variable.split('=', 1)[0]!;

/** The client's Config completed from the image's (a new object; neither input is changed). */
export function mergeWithImage(config: CreateConfig, image: ImageRuntimeConfig | undefined): ContainerConfig {
  const merged: ContainerConfig = { ...config };
  const img = image ?? {};
  if (merged.User === '') merged.User = img.User ?? '';
  if (img.ExposedPorts) merged.ExposedPorts = { ...img.ExposedPorts, ...(merged.ExposedPorts ?? {}) };
  const imageEnv = img.Env ?? [];
  if (merged.Env === null || merged.Env.length === 0) merged.Env = imageEnv.length > 0 ? [...imageEnv] : merged.Env;
  else {
    const set = new Set(merged.Env.map(keyOf));
    merged.Env = [...merged.Env, ...imageEnv.filter((v) => !set.has(keyOf(v)))];
  }
  if (img.Labels) merged.Labels = { ...img.Labels, ...(merged.Labels ?? {}) };
  if (merged.Entrypoint === null || merged.Entrypoint.length === 0) {
    if (merged.Cmd === null || merged.Cmd.length === 0) {
      merged.Cmd = img.Cmd ? [...img.Cmd] : merged.Cmd;
      if (img.ArgsEscaped) merged.ArgsEscaped = true;
    }
    if (merged.Entrypoint === null) merged.Entrypoint = img.Entrypoint ? [...img.Entrypoint] : null;
  }
  const healthcheck = mergeHealthcheck(merged.Healthcheck as HealthcheckConfig | undefined, img.Healthcheck);
  if (healthcheck !== undefined) merged.Healthcheck = healthcheck as Record<string, unknown>;
  if (merged.WorkingDir === '') merged.WorkingDir = img.WorkingDir ?? '';
  if (img.Volumes) merged.Volumes = { ...img.Volumes, ...(merged.Volumes ?? {}) };
  if (merged.StopSignal === undefined && img.StopSignal) merged.StopSignal = img.StopSignal;
  if ((merged.OnBuild === null || merged.OnBuild.length === 0) && img.OnBuild) merged.OnBuild = [...img.OnBuild];
  if (merged.Shell === undefined && img.Shell) merged.Shell = [...img.Shell];
  if (merged.Entrypoint?.length === 1 && merged.Entrypoint[0] === '') merged.Entrypoint = null;
  if ((merged.Entrypoint ?? []).length === 0 && (merged.Cmd ?? []).length === 0) {
    throw DaemonError.invalidParameter('No command specified');
  }
  return merged;
}

/** moby verifyContainerSettings, for the Config part: absolute WorkingDir, sane Env, a real StopSignal. */
export function verifyConfig(config: CreateConfig): void {
  if (config.WorkingDir !== '' && !config.WorkingDir.startsWith('/')) {
    throw DaemonError.invalidParameter(
      `the working directory '${config.WorkingDir}' is invalid, it needs to be an absolute path`,
    );
  }
  if (config.StopSignal !== undefined) parseSignal(config.StopSignal);
  validateHealthcheck(config.Healthcheck as HealthcheckConfig | undefined);
  for (const variable of config.Env ?? []) {
    if (variable === '' || variable.startsWith('=')) {
      throw DaemonError.invalidParameter(`invalid environment variable: ${variable}`);
    }
  }
}

/** The command line: `Path` (argv[0]) and `Args` (the rest), from Entrypoint + Cmd. */
export function commandLine(config: ContainerConfig): { path: string; args: string[] } {
  const argv = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
  return { path: argv[0] ?? '', args: argv.slice(1) };
}

/** The COMMAND column of `docker ps`: Path, then each argument, quoted with `'…'` if it has a space. */
export function commandText(path: string, args: readonly string[]): string {
  if (args.length === 0) return path;
  return `${path} ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`;
}
