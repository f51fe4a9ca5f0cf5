// The classic builder's "run config" (moby `container.Config`): the settings every step changes
// and every step's image records. It starts as the base image's `config`, each metadata
// instruction edits it (ENV appends to Env, CMD sets Cmd…), and each step commits it twice:
//
//   config            the image's runtime defaults, as `docker run` will use them
//   container_config  the same, with Cmd replaced by what the step ran — for a metadata step a
//                     comment the shell never runs, `["/bin/sh","-c","#(nop) ","CMD [\"nginx\"]"]`
//
// The build cache (image-cache.ts) recognises a step by its container_config; `docker history`
// shows its Cmd joined with spaces, hence the famous `/bin/sh -c #(nop)  CMD ["nginx"]` (two spaces:
// one is the separator, one ends `#(nop) `). COPY, ADD and WORKDIR join the comment into the one
// argument `#(nop) WORKDIR /app`, a leftover moby keeps for compatibility — one space.
//
// JSON goes in the Go struct's field order, optional fields only when set (omitempty), empty lists
// and maps as `null`: exactly the bytes dockerd writes, so the image IDs match.
import { CONTAINER_CONFIG_ORDER } from '../../image/go-field-order';
import type { CreateConfig } from '../containers/create-body';

export type RunConfig = CreateConfig;

/** HEALTHCHECK as the config stores it; durations in nanoseconds, zero ones omitted. */
export interface HealthcheckJson {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/** container.Config's fields in struct order. */
export const RUN_CONFIG_ORDER = CONTAINER_CONFIG_ORDER;
export const HEALTHCHECK_ORDER = ['Test', 'Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries'];

/** The shell the shell form of RUN, CMD and ENTRYPOINT runs in on Linux. */
export const DEFAULT_SHELL = ['/bin/sh', '-c'];
/** What a stage's Env gets when it has no PATH (oci.DefaultPathEnv for Linux). */
export const DEFAULT_PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function emptyRunConfig(): RunConfig {
  return {
    Hostname: '',
    Domainname: '',
    User: '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: null,
    Cmd: null,
    Image: '',
    Volumes: null,
    WorkingDir: '',
    Entrypoint: null,
    OnBuild: null,
    Labels: null,
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const bool = (v: unknown) => v === true;
const strings = (v: unknown): string[] | null =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : typeof v === 'string' ? [v] : null;
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const set = (v: unknown) =>
  (isMap(v) ? Object.fromEntries(Object.keys(v).map((k) => [k, {}])) : null) as Record<
    string,
    Record<string, never>
  > | null;

/** A run config read from an image's `config` (or `container_config`) JSON object. */
export function runConfigFromJson(raw: unknown): RunConfig {
  const c = emptyRunConfig();
  if (!isMap(raw)) return c;
  Object.assign(c, {
    Hostname: str(raw.Hostname),
    Domainname: str(raw.Domainname),
    User: str(raw.User),
    AttachStdin: bool(raw.AttachStdin),
    AttachStdout: bool(raw.AttachStdout),
    AttachStderr: bool(raw.AttachStderr),
    Tty: bool(raw.Tty),
    OpenStdin: bool(raw.OpenStdin),
    StdinOnce: bool(raw.StdinOnce),
    Env: strings(raw.Env),
    Cmd: strings(raw.Cmd),
    Image: str(raw.Image),
    Volumes: set(raw.Volumes),
    WorkingDir: str(raw.WorkingDir),
    Entrypoint: strings(raw.Entrypoint),
    OnBuild: strings(raw.OnBuild),
    Labels: isMap(raw.Labels) ? Object.fromEntries(Object.entries(raw.Labels).map(([k, v]) => [k, str(v)])) : null,
  });
  const ports = set(raw.ExposedPorts);
  if (ports && Object.keys(ports).length > 0) c.ExposedPorts = ports;
  if (isMap(raw.Healthcheck)) c.Healthcheck = { ...raw.Healthcheck };
  if (raw.ArgsEscaped === true) c.ArgsEscaped = true;
  if (raw.NetworkDisabled === true) c.NetworkDisabled = true;
  if (typeof raw.StopSignal === 'string' && raw.StopSignal !== '') c.StopSignal = raw.StopSignal;
  if (typeof raw.StopTimeout === 'number') c.StopTimeout = raw.StopTimeout;
  const shell = strings(raw.Shell);
  if (shell && shell.length > 0) c.Shell = shell;
  return c;
}

export type RunConfigModifier = (c: RunConfig) => void;

/** A copy (lists and maps copied too), then each modifier applied: moby's copyRunConfig. */
export function copyRunConfig(c: RunConfig, ...modifiers: RunConfigModifier[]): RunConfig {
  const list = (v: string[] | null) => (v === null ? null : [...v]);
  const map = <T>(v: Record<string, T> | null | undefined) => (v === null || v === undefined ? v : { ...v });
  const copy: RunConfig = {
    ...c,
    Env: list(c.Env),
    Cmd: list(c.Cmd),
    Entrypoint: list(c.Entrypoint),
    OnBuild: list(c.OnBuild),
    Volumes: map(c.Volumes) ?? null,
    Labels: map(c.Labels) ?? null,
  };
  if (c.ExposedPorts !== undefined) copy.ExposedPorts = map(c.ExposedPorts);
  if (c.Shell !== undefined) copy.Shell = [...c.Shell];
  if (c.Healthcheck !== undefined) copy.Healthcheck = { ...c.Healthcheck };
  for (const modify of modifiers) modify(copy);
  return copy;
}

/** The shell of the shell form: SHELL's, or `/bin/sh -c`. */
export function shellOf(c: RunConfig): string[] {
  return c.Shell !== undefined && c.Shell.length > 0 ? [...c.Shell] : [...DEFAULT_SHELL];
}

export const withCmd =
  (cmd: string[] | null): RunConfigModifier =>
  (c) => {
    c.Cmd = cmd === null ? null : [...cmd];
  };

export const withArgsEscaped =
  (escaped: boolean): RunConfigModifier =>
  (c) => {
    if (escaped) c.ArgsEscaped = true;
    else delete c.ArgsEscaped;
  };

/** A metadata step's Cmd: the shell, `#(nop) `, then the comment as a separate argument. */
export const withCmdComment =
  (comment: string): RunConfigModifier =>
  (c) => {
    c.Cmd = [...shellOf(c), '#(nop) ', comment];
  };

/** WORKDIR, COPY and ADD: `#(nop) <comment>` as one argument. */
export const withCmdCommentString =
  (comment: string): RunConfigModifier =>
  (c) => {
    c.Cmd = [...shellOf(c), `#(nop) ${comment}`];
  };

export const withEnv =
  (env: string[]): RunConfigModifier =>
  (c) => {
    c.Env = [...env];
  };

/** RUN runs without the image's ENTRYPOINT: set it when there is a command. */
export const withEntrypointOverride =
  (cmd: readonly string[] | null, entrypoint: string[] | null): RunConfigModifier =>
  (c) => {
    if (cmd !== null && cmd.length > 0) c.Entrypoint = entrypoint;
  };

/** RUN never runs a healthcheck. */
export const withoutHealthcheck = (): RunConfigModifier => (c) => {
  c.Healthcheck = { Test: ['NONE'] };
};

function healthcheckJson(h: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of HEALTHCHECK_ORDER) {
    const v = h[key];
    if (v === undefined || v === null || v === 0 || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = v;
  }
  return out;
}

/** The config as dockerd's JSON encoder writes it (omitempty fields only when set). */
export function runConfigJson(c: RunConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Hostname: c.Hostname,
    Domainname: c.Domainname,
    User: c.User,
    AttachStdin: c.AttachStdin,
    AttachStdout: c.AttachStdout,
    AttachStderr: c.AttachStderr,
  };
  if (c.ExposedPorts && Object.keys(c.ExposedPorts).length > 0) out.ExposedPorts = c.ExposedPorts;
  Object.assign(out, { Tty: c.Tty, OpenStdin: c.OpenStdin, StdinOnce: c.StdinOnce, Env: c.Env, Cmd: c.Cmd });
  if (c.Healthcheck) out.Healthcheck = healthcheckJson(c.Healthcheck);
  if (c.ArgsEscaped) out.ArgsEscaped = true;
  Object.assign(out, { Image: c.Image, Volumes: c.Volumes, WorkingDir: c.WorkingDir, Entrypoint: c.Entrypoint });
  if (c.NetworkDisabled) out.NetworkDisabled = true;
  Object.assign(out, { OnBuild: c.OnBuild, Labels: c.Labels });
  if (c.StopSignal !== undefined && c.StopSignal !== '') out.StopSignal = c.StopSignal;
  if (c.StopTimeout !== undefined) out.StopTimeout = c.StopTimeout;
  if (c.Shell !== undefined && c.Shell.length > 0) out.Shell = c.Shell;
  return out;
}
