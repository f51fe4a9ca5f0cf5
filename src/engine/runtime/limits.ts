// Bounded time and memory per process. A real container is limited by cgroups (`--cpus`,
// `--memory`); a runaway `while true; do :; done` there just burns one CPU until stopped. In a
// browser tab it would freeze the page, so every process carries a meter:
//
//   - work is counted in steps (a shell counts one per command it runs); every few hundred steps
//     the process yields to the event loop, so the page stays responsive;
//   - a process that takes too many steps, or writes too many bytes, without ever waiting — no
//     sleep, no input, no child that took time — is stopped with a one-line explanation on its
//     stderr and exit status 137, as if the kernel had killed it (the OOM killer's status).
//
// Waiting resets both counts: `while true; do echo tick; sleep 1; done` runs forever, as it should.

import { yieldToEventLoop } from './clock';
import { ProcessKilled } from './signals';

export interface ResourceLimits {
  /** Steps a process may take without waiting. */
  steps: number;
  /** Bytes a process may write (stdout and stderr together) without waiting. */
  outputBytes: number;
  /** Steps between two yields to the event loop. */
  yieldEvery: number;
}

export const DEFAULT_LIMITS: ResourceLimits = {
  steps: 200_000,
  outputBytes: 4 * 1024 * 1024,
  yieldEvery: 256,
};

/** Why a process was stopped, as printed on its stderr. */
export function limitMessage(program: string, pid: number, kind: 'steps' | 'output', limits: ResourceLimits): string {
  const what =
    kind === 'steps'
      ? `it ran ${limits.steps} steps without pausing (a runaway loop?)`
      : `it wrote ${formatSize(limits.outputBytes)} without pausing (output limit)`;
  return `dockyard: stopped ${program} (pid ${pid}): ${what}\n`;
}

function formatSize(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/** Counts one process's work and output since it last waited. */
export class ResourceMeter {
  private steps = 0;
  private sinceYield = 0;
  private bytes = 0;
  private exceeded: 'steps' | 'output' | undefined;

  constructor(
    readonly limits: ResourceLimits,
    /** Called once when a limit is passed: print the message and kill the process. */
    private readonly onExceeded: (kind: 'steps' | 'output') => void,
    /** Aborted when the process is killed (checkpoints then throw its reason). */
    private readonly signal: AbortSignal,
  ) {}

  /** The process waited for something that took time: its burst is over. */
  rested(): void {
    this.steps = 0;
    this.bytes = 0;
  }

  /** Count `n` steps; yields now and then; throws once the process is killed. */
  async checkpoint(n = 1): Promise<void> {
    this.throwIfKilled();
    this.steps += n;
    this.sinceYield += n;
    if (this.steps > this.limits.steps) this.trip('steps');
    if (this.sinceYield >= this.limits.yieldEvery) {
      this.sinceYield = 0;
      await yieldToEventLoop();
    }
    this.throwIfKilled();
  }

  /** Count bytes written; past the limit the process is stopped (the write itself is dropped). */
  wrote(n: number): boolean {
    this.bytes += n;
    if (this.bytes > this.limits.outputBytes) {
      this.trip('output');
      return false;
    }
    return true;
  }

  private trip(kind: 'steps' | 'output'): void {
    if (this.exceeded) return;
    this.exceeded = kind;
    this.onExceeded(kind);
  }

  private throwIfKilled(): void {
    if (this.signal.aborted) {
      const reason: unknown = this.signal.reason;
      throw reason instanceof Error ? reason : new ProcessKilled(9);
    }
  }
}
