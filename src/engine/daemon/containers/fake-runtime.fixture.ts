// A tiny stand-in runtime for the daemon's unit tests: a few "programs" chosen by argv[0], enough
// to drive every lifecycle path without the real shell and applets —
//
//   echo ARGS…        prints its arguments, exits 0
//   exit N            exits N at once; `err TEXT` writes TEXT to stderr and exits 1
//   sleep [S]         sleeps S seconds on the clock (for ever without S); ignores SIGTERM as PID 1
//   graceful          runs until SIGTERM, then exits 0 (nginx-like)
//   mortal            runs until SIGTERM, then dies of it (its handler re-raises): 143
//   cat               copies stdin to stdout until it ends
//   write PATH TEXT   writes a file in the container, then runs until killed
//   nope, /bin/nope   cannot be found: RuntimeStartError 127; `denied`: 126
//
// Signals: SIGKILL always ends a process (137); a handled signal runs its handler; PID 1 ignores
// other signals, any other process dies of them (128+N). Pause holds output and exits.
import { utf8 } from '../../bytes';
import type { ProcessInfo } from '../../runtime/contract';
import {
  RuntimeStartError,
  type ContainerRuntime,
  type ProcessSpec,
  type RuntimeProcess,
  type RuntimeTask,
  type SandboxSpec,
} from './runtime-port';

interface FakeProcess {
  pid: number;
  hostPid: number;
  argv: readonly string[];
  startedAt: number;
  alive: boolean;
  handlers: Map<number, () => void>;
  finish(status: number): void;
}

export class FakeRuntime implements ContainerRuntime {
  private nextHostPid = 2000;
  /** Every sandbox started, newest last (tests look at hostnames, files, env). */
  readonly started: { sandbox: SandboxSpec; init: ProcessSpec }[] = [];

  async start(sandbox: SandboxSpec, init: ProcessSpec): Promise<RuntimeTask> {
    this.started.push({ sandbox, init });
    const table: FakeProcess[] = [];
    let frozen: Promise<void> | undefined;
    let thaw: (() => void) | undefined;
    const spawn = (spec: ProcessSpec): RuntimeProcess => {
      const command = spec.argv[0] ?? '';
      if (command.endsWith('nope'))
        throw new RuntimeStartError(`exec: ${JSON.stringify(command)}: executable file not found in $PATH`, 127);
      if (command === 'denied') throw new RuntimeStartError(`exec: "denied": permission denied`, 126);
      let resolveExit!: (status: number) => void;
      const exited = new Promise<number>((resolve) => (resolveExit = resolve));
      const process: FakeProcess = {
        pid: table.length + 1,
        hostPid: ++this.nextHostPid,
        argv: spec.argv,
        startedAt: sandbox.clock.now(),
        alive: true,
        handlers: new Map(),
        finish: (status) => {
          if (!process.alive) return;
          process.alive = false;
          void (frozen ?? Promise.resolve()).then(() => resolveExit(status));
        },
      };
      table.push(process);
      void run(spec, process, sandbox);
      return {
        hostPid: process.hostPid,
        exited,
        kill: (signal) => deliver(process, signal),
      };
    };
    const deliver = (process: FakeProcess, signal: number) => {
      if (!process.alive) return;
      if (signal === 9) return process.finish(137);
      const handler = process.handlers.get(signal);
      if (handler) return handler();
      if (process.pid !== 1) process.finish(128 + signal);
    };
    const init1 = spawn(init);
    return {
      ...init1,
      pause: () => {
        frozen ??= new Promise((resolve) => (thaw = resolve));
      },
      resume: () => {
        thaw?.();
        frozen = undefined;
      },
      processes: (): ProcessInfo[] =>
        table
          .filter((p) => p.alive)
          .map((p) => ({
            pid: p.pid,
            hostPid: p.hostPid,
            ppid: 0,
            uid: 0,
            argv: p.argv,
            startedAt: p.startedAt,
            state: frozen ? 'stopped' : 'sleeping',
          })),
      exec: async (spec) => spawn(spec),
    };
  }
}

async function run(spec: ProcessSpec, process: FakeProcess, sandbox: SandboxSpec): Promise<void> {
  const [command = '', ...args] = spec.argv;
  const name = command.slice(command.lastIndexOf('/') + 1);
  await Promise.resolve();
  switch (name) {
    case 'echo':
      spec.stdout(utf8(args.join(' ') + '\n'));
      return process.finish(0);
    case 'exit':
      return process.finish(Number(args[0] ?? 0));
    case 'err':
      spec.stderr(utf8(args.join(' ') + '\n'));
      return process.finish(1);
    case 'sleep':
      if (args[0] !== undefined) {
        await sandbox.clock.sleep(Number(args[0]) * 1000);
        return process.finish(0);
      }
      return;
    case 'graceful':
      spec.stdout(utf8('ready\n'));
      process.handlers.set(15, () => {
        spec.stdout(utf8('bye\n'));
        process.finish(0);
      });
      return;
    case 'mortal':
      process.handlers.set(15, () => process.finish(143));
      return;
    case 'cat':
      for (let chunk = await spec.stdin.read(); chunk !== undefined; chunk = await spec.stdin.read())
        spec.stdout(chunk);
      return process.finish(0);
    case 'write':
      sandbox.rootfs.writeFile(args[0] ?? '/tmp/x', args.slice(1).join(' '));
      return;
    case 'env':
      spec.stdout(utf8(spec.env.join('\n') + '\n'));
      return process.finish(0);
    default:
      spec.stderr(utf8(`${name}: unknown fake program\n`));
      return process.finish(1);
  }
}
