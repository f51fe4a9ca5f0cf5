// `docker exec`: one more process in a running container's namespaces (moby daemon/exec.go). It
// takes two calls — create an exec instance (`POST /containers/{id}/exec`, which only records what
// to run and answers its ID), then start it (`POST /exec/{id}/start`, attached or detached) — and
// can be inspected (`GET /exec/{id}/json`) for its exit code, which is how the CLI learns it.
//
// The process gets the container's environment with the exec's `Env` on top, the exec's user and
// working directory or the container's, and PID numbering from the container's namespace (so `ps`
// inside shows it; its parent is outside, PPID 0). An exec instance can run once: starting it again
// is `exec command <id> has already run`. Instances go with their container.
import { DaemonError } from '../api/errors';
import type { Container } from './container';
import { logContainerEvent } from './container-events';
import { RuntimeStartError, type RuntimeProcess } from './runtime-port';
import type { ContainerService } from './service';
import { containerEnvironment, replaceOrAppendEnv } from './start';
import { CLOSED_INPUT, InputPipe, type OutputListener } from './stdio';
import { checkMove } from './transitions';

export interface ExecConfig {
  User: string;
  Privileged: boolean;
  Tty: boolean;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  DetachKeys: string;
  Env: string[];
  WorkingDir: string;
  Cmd: string[];
}

export interface ExecInstance {
  id: string;
  container: Container;
  config: ExecConfig;
  running: boolean;
  exitCode: number | null;
  pid: number;
  process?: RuntimeProcess;
}

/** `POST /containers/{id}/exec`: record the command; 409 unless the container is running. */
export function createExec(
  svc: ContainerService,
  container: Container,
  config: ExecConfig,
  given: string,
): ExecInstance {
  checkMove('exec', container.status, container.subject(given));
  if (config.Cmd.length === 0) throw DaemonError.invalidParameter('No exec command specified');
  if (config.WorkingDir !== '' && !config.WorkingDir.startsWith('/')) {
    throw DaemonError.invalidParameter(
      `the working directory '${config.WorkingDir}' is invalid, it needs to be an absolute path`,
    );
  }
  const exec: ExecInstance = { id: svc.ids.nextId(), container, config, running: false, exitCode: null, pid: 0 };
  svc.execs.set(exec.id, exec);
  container.execIds.push(exec.id);
  logContainerEvent(svc.ctx.events, container, `exec_create: ${execAction(config.Cmd)}`, { execID: exec.id });
  return exec;
}

/** The command as exec events name it: moby writes the entrypoint, a space, then the arguments (`ls ` alone). */
export function execAction(cmd: readonly string[]): string {
  const [entrypoint = '', ...args] = cmd;
  return `${entrypoint} ${args.join(' ')}`;
}

export function findExec(svc: ContainerService, id: string): ExecInstance {
  const exec = svc.execs.get(id);
  if (exec === undefined) throw DaemonError.notFound(`No such exec instance: ${id}`);
  return exec;
}

/** The words of an exec the runtime refused, as dockerd returns them. */
export function execFailureMessage(runcWords: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: ${runcWords}`;
}

export interface ExecIo {
  /** Where the output goes (an attached client); absent when detached. */
  output?: OutputListener;
  /** The client's stdin, when it attached one. */
  stdin?: InputPipe;
}

/**
 * `POST /exec/{id}/start`: run it. Resolves once the process is started (detached) — its end is
 * handled in the background: the exit code recorded, `exec_die` published, `io.output` ended.
 * A command that cannot be run rejects with a 4xx carrying Docker's words, exit code 126/127, and
 * leaves `io.output` open for the caller to report it.
 */
export async function startExec(svc: ContainerService, exec: ExecInstance, io: ExecIo): Promise<void> {
  if (exec.running) throw DaemonError.conflict(`exec command ${exec.id} is already running`);
  if (exec.exitCode !== null) throw DaemonError.conflict(`exec command ${exec.id} has already run`);
  const container = exec.container;
  const task = container.task;
  if (task === undefined || !container.state.running)
    throw DaemonError.conflict(`container ${container.id} is not running`);
  if (container.state.paused)
    throw DaemonError.conflict(`Container ${container.id} is paused, unpause the container before exec`);
  exec.running = true;
  const { config } = exec;
  const command = execAction(config.Cmd);
  logContainerEvent(svc.ctx.events, container, `exec_start: ${command}`, { execID: exec.id });
  const write = (stream: 'stdout' | 'stderr') => (data: Uint8Array) => {
    if ((stream === 'stdout' && config.AttachStdout) || (stream === 'stderr' && config.AttachStderr) || config.Tty) {
      io.output?.data(config.Tty ? 'stdout' : stream, data as never);
    }
  };
  let process: RuntimeProcess;
  try {
    process = await task.exec({
      argv: config.Cmd,
      env: replaceOrAppendEnv(containerEnvironment(container), config.Env),
      cwd: config.WorkingDir !== '' ? config.WorkingDir : container.config.WorkingDir || '/',
      user: config.User !== '' ? config.User : container.config.User,
      tty: config.Tty,
      stdin: config.AttachStdin && io.stdin ? io.stdin : CLOSED_INPUT,
      stdout: write('stdout'),
      stderr: write('stderr'),
    });
  } catch (err) {
    exec.running = false;
    exec.exitCode = err instanceof RuntimeStartError ? err.exitStatus : 126;
    const message = execFailureMessage(err instanceof Error ? err.message : String(err));
    const clientError = err instanceof RuntimeStartError && (err.exitStatus === 126 || err.exitStatus === 127);
    throw clientError ? DaemonError.invalidParameter(message) : DaemonError.system(message);
  }
  exec.process = process;
  exec.pid = process.hostPid;
  void process.exited.then(
    (status) => finish(svc, exec, status, io),
    () => finish(svc, exec, 255, io),
  );
}

function finish(svc: ContainerService, exec: ExecInstance, status: number, io: ExecIo): void {
  exec.running = false;
  exec.exitCode = status;
  exec.pid = 0;
  io.stdin?.close();
  io.output?.end();
  logContainerEvent(svc.ctx.events, exec.container, 'exec_die', { execID: exec.id, exitCode: String(status) });
}

/** `GET /exec/{id}/json`, fields in moby's order. */
export function inspectExec(exec: ExecInstance): Record<string, unknown> {
  const [entrypoint = '', ...args] = exec.config.Cmd;
  return {
    ID: exec.id,
    Running: exec.running,
    ExitCode: exec.exitCode,
    ProcessConfig: {
      tty: exec.config.Tty,
      entrypoint,
      arguments: args,
      privileged: exec.config.Privileged,
      ...(exec.config.User !== '' ? { user: exec.config.User } : {}),
    },
    OpenStdin: exec.config.AttachStdin,
    OpenStderr: exec.config.AttachStderr,
    OpenStdout: exec.config.AttachStdout,
    CanRemove: false,
    ContainerID: exec.container.id,
    DetachKeys: exec.config.DetachKeys,
    Pid: exec.pid,
  };
}
