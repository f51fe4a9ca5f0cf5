// nginx's worker processes. The master forks one worker per CPU (`worker_processes auto;`, as the
// image's nginx.conf says), and each worker renames itself `nginx: worker process` and drops from
// root to the configured user (`user nginx;`, uid 101 in the alpine image, 101 in the debian one) —
// which is why `ps` inside an nginx container shows root's master as PID 1 and `nginx` workers under
// it, and `docker top` the same processes with host PIDs. Here the master itself answers the
// requests (./handler.ts); a worker only lives in the process table until the master tells it to
// go: SIGQUIT after a graceful stop or a reload, SIGTERM for a fast one.
import type { ChildProcess, ProcessContext } from '../../contract';
import { lookupUser } from '../passwd';
import { catchSignals } from '../stop';

export const WORKER_TITLE = 'nginx: worker process';

/** A worker's life: rename, drop privileges, wait to be told to leave. */
async function workerProcess(child: ProcessContext, user: { uid: number; gid: number } | undefined): Promise<number> {
  child.setTitle?.(WORKER_TITLE);
  if (user !== undefined && child.uid === 0) child.setUser?.(user.uid, user.gid);
  const signals = catchSignals(child, ['SIGQUIT', 'SIGTERM', 'SIGINT']);
  try {
    const signal = await signals.next();
    return signal === 'SIGKILL' ? 137 : 0;
  } finally {
    signals.dispose();
  }
}

/** The master's side: start workers, stop them and reap them. */
export class NginxWorkers {
  private readonly running = new Map<number, ChildProcess>();
  /** PIDs handed out when the context cannot fork (a hand-made test context). */
  private nextFakePid: number;

  constructor(private readonly ctx: ProcessContext) {
    this.nextFakePid = Math.max(ctx.pid, ...ctx.processes.list().map((p) => p.pid)) + 1;
  }

  /** Fork `count` workers running as `userName` (when the master is root); their PIDs in order. */
  start(count: number, userName: string | undefined): number[] {
    const entry = userName === undefined ? undefined : lookupUser(this.ctx.fs, userName);
    const user = entry && { uid: entry.uid, gid: entry.gid };
    const pids: number[] = [];
    for (let i = 0; i < count; i++) {
      if (this.ctx.fork === undefined) {
        pids.push(this.nextFakePid++);
        continue;
      }
      const child = this.ctx.fork((c) => workerProcess(c, user));
      this.running.set(child.pid, child);
      pids.push(child.pid);
    }
    return pids;
  }

  /** Tell `pids` to leave (SIGQUIT when graceful, else SIGTERM) and wait for each to exit. */
  async stop(pids: readonly number[], graceful: boolean): Promise<void> {
    const leaving: ChildProcess[] = [];
    for (const pid of pids) {
      const child = this.running.get(pid);
      if (child === undefined) continue;
      this.running.delete(pid);
      this.ctx.processes.kill(pid, graceful ? 'SIGQUIT' : 'SIGTERM');
      leaving.push(child);
    }
    for (const child of leaving) await child.wait();
  }
}
