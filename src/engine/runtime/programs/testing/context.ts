// A hand-made ProcessContext for testing one program on its own: an image's filesystem, a test
// clock and network, captured stdout/stderr, and `kill` to deliver a signal. It is not the runtime
// (no PATH search, no shell): `spawn` runs only the programs a test hands it by name.
import { fromUtf8, utf8, type Bytes } from '../../../bytes';
import type { Overlay } from '../../../layer/overlay';
import type {
  InputStream,
  NetworkStack,
  OutputStream,
  Program,
  ProcessContext,
  ProcessInfo,
  SignalHandler,
  SignalName,
} from '../../contract';
import { TestClock } from './clock';
import { TestNetwork } from './network';

export class Capture implements OutputStream {
  private readonly chunks: Bytes[] = [];
  write(data: Bytes | string): void {
    this.chunks.push(typeof data === 'string' ? utf8(data) : data.slice());
  }
  get text(): string {
    return this.chunks.map((c) => fromUtf8(c)).join('');
  }
  /** Complete lines written so far. */
  get lines(): string[] {
    const t = this.text;
    return t === '' ? [] : t.replace(/\n$/, '').split('\n');
  }
}

export function stdinOf(text = ''): InputStream {
  let done = text === '';
  return {
    read: async () => {
      if (done) return undefined;
      done = true;
      return utf8(text);
    },
  };
}

export interface TestProcessOptions {
  argv: readonly string[];
  fs: Overlay;
  env?: Map<string, string> | Record<string, string>;
  cwd?: string;
  clock?: TestClock;
  net?: NetworkStack;
  hostname?: string;
  stdin?: string;
  pid?: number;
  /** Programs `spawn` may run, by argv[0]'s basename. */
  programs?: Record<string, Program>;
}

export interface TestProcess {
  ctx: ProcessContext;
  stdout: Capture;
  stderr: Capture;
  clock: TestClock;
  /**
   * Deliver a signal as the runtime does: a handler the program installed with `onSignal` runs;
   * otherwise the process's AbortSignal fires with the signal's name as its reason.
   */
  kill(signal: SignalName): void;
}

export function testProcess(o: TestProcessOptions): TestProcess {
  const stdout = new Capture();
  const stderr = new Capture();
  const clock = o.clock ?? new TestClock();
  const abort = new AbortController();
  const handlers = new Map<SignalName, SignalHandler>();
  const deliver = (signal: SignalName) => {
    const handler = signal === 'SIGKILL' ? undefined : handlers.get(signal);
    if (handler) handler(signal);
    else abort.abort(signal);
  };
  const env = o.env instanceof Map ? o.env : new Map(Object.entries(o.env ?? {}));
  const cwd = o.cwd ?? '/';
  const pid = o.pid ?? 1;
  const info: ProcessInfo = {
    pid,
    hostPid: 4000 + pid,
    ppid: 0,
    uid: 0,
    argv: o.argv,
    startedAt: clock.now(),
    state: 'running',
  };
  const ctx: ProcessContext = {
    argv: o.argv,
    env,
    cwd,
    fs: o.fs.at(cwd),
    stdin: stdinOf(o.stdin),
    stdout,
    stderr,
    pid,
    uid: 0,
    gid: 0,
    hostname: o.hostname ?? 'c0ffee15900d',
    processes: {
      list: () => [info],
      kill: (target, signal) => {
        if (target !== pid) return false;
        deliver(signal);
        return true;
      },
    },
    net: o.net ?? new TestNetwork().attach('172.17.0.2'),
    clock,
    signal: abort.signal,
    onSignal: (signal, handler) => {
      if (handler) handlers.set(signal, handler);
      else handlers.delete(signal);
    },
    spawn: async (argv, options) => {
      const name = (argv[0] ?? '').split('/').pop()!;
      const program = o.programs?.[name];
      if (!program) {
        options.stderr.write(`spawn: ${argv[0]}: not found\n`);
        return 127;
      }
      return program({
        ...ctx,
        argv,
        env: options.env,
        cwd: options.cwd,
        fs: o.fs.at(options.cwd),
        ...streams(options),
      });
    },
  };
  return { ctx, stdout, stderr, clock, kill: deliver };
}

function streams(o: { stdin: InputStream; stdout: OutputStream; stderr: OutputStream }) {
  return { stdin: o.stdin, stdout: o.stdout, stderr: o.stderr };
}

/** Run a program that finishes on its own; resolves with its exit code and output. */
export async function runProgram(
  program: Program,
  o: TestProcessOptions,
): Promise<{ code: number; stdout: string; stderr: string; process: TestProcess }> {
  const p = testProcess(o);
  const code = await program(p.ctx);
  return { code, stdout: p.stdout.text, stderr: p.stderr.text, process: p };
}
