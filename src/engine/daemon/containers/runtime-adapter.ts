// The daemon's runtime port (./runtime-port.ts) over the simulated kernel of src/engine/runtime:
// one `ContainerRuntime` (runc) per container start, sharing the daemon's host PID counter so that
// `docker top` shows host-wide PIDs. It also does what runc and the terminal do between the two:
//
//   - resolves `--user` in the container's /etc/passwd (runc's `unable to find user …`), and adds
//     HOME when the environment has none;
//   - with `-t`, asks for the runtime's pseudo-terminal (runtime/tty.ts: echo, line editing,
//     Ctrl-C, `\r\n` line ends) and hands it the client's raw keystrokes; stdout and stderr are
//     then one stream;
//   - turns runc's refusals (ExecError) into RuntimeStartError with Docker's exit status.
import { ExecError } from '../../runtime/exec';
import { HostPidCounter, type HostPids } from '../../runtime/process-table';
import { ContainerRuntime as Runc, type ProcessOptions } from '../../runtime/runtime';
import { callbackOutput } from '../../runtime/streams';
import { resolveUser, UnknownUserError } from '../../runtime/users';
import '../../runtime/index';
import {
  RuntimeStartError,
  type ContainerRuntime,
  type ProcessSpec,
  type RuntimeProcess,
  type RuntimeTask,
  type SandboxSpec,
} from './runtime-port';

/** The process options of the simulated kernel for one ProcessSpec. */
function processOptions(runc: Runc, spec: ProcessSpec): ProcessOptions {
  let user;
  try {
    user = resolveUser(runc.fs, spec.user);
  } catch (err) {
    if (err instanceof UnknownUserError) throw new RuntimeStartError(err.message, 128);
    throw err;
  }
  const env = new Map<string, string>();
  for (const entry of spec.env) {
    const eq = entry.indexOf('=');
    if (eq > 0) env.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  if (!env.has('HOME')) env.set('HOME', user.home === '/' && user.uid === 0 ? '/root' : user.home);
  const stdout = callbackOutput(spec.stdout);
  const stderr = spec.tty ? stdout : callbackOutput(spec.stderr);
  return {
    argv: spec.argv,
    env,
    cwd: spec.cwd,
    uid: user.uid,
    gid: user.gid,
    stdin: spec.stdin,
    stdout,
    stderr,
    tty: spec.tty,
  };
}

/** runc's refusal as the port's error. */
function refused(err: unknown): unknown {
  return err instanceof ExecError ? new RuntimeStartError(err.message, err.exitStatus) : err;
}

export class SimulatedRuntime implements ContainerRuntime {
  /** One counter per simulated host: every container's processes share the host's PID space. */
  constructor(private readonly hostPids: HostPids = new HostPidCounter()) {}

  async start(sandbox: SandboxSpec, init: ProcessSpec): Promise<RuntimeTask> {
    const runc = new Runc({
      fs: sandbox.rootfs,
      hostname: sandbox.hostname,
      net: sandbox.net,
      clock: sandbox.clock,
      hostPids: this.hostPids,
      architecture: sandbox.architecture,
      mounts: () => sandbox.mounts,
    });
    let pid1;
    try {
      pid1 = await runc.start(processOptions(runc, init));
    } catch (err) {
      throw refused(err);
    }
    const processOf = (pid: number, hostPid: number, exit: Promise<number>): RuntimeProcess => ({
      hostPid,
      exited: exit,
      kill: (signal) => void runc.processes.kill(pid, signal, { fromHost: true }),
    });
    return {
      ...processOf(pid1.pid, pid1.hostPid, pid1.exit),
      pause: () => runc.pause(),
      resume: () => runc.unpause(),
      processes: () => runc.top(),
      exec: async (spec) => {
        try {
          const p = await runc.exec(processOptions(runc, spec));
          return processOf(p.pid, p.hostPid, p.exit);
        } catch (err) {
          throw refused(err);
        }
      },
    };
  }
}
