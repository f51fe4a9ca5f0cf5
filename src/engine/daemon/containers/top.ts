// `docker top` (moby daemon/top_unix.go): the container's processes as the *host* sees them. The
// daemon runs `ps -ef` on the host and keeps the rows whose PID belongs to the container — so the
// PIDs are host PIDs (2000-something), not the 1, 2, 3 that `ps` inside shows: the same processes,
// seen from outside the PID namespace. PID 1's parent is the containerd shim that runc left behind.
//
//   {"Titles":["UID","PID","PPID","C","STIME","TTY","TIME","CMD"],
//    "Processes":[["root","2345","2321","0","12:00","?","00:00:00","nginx: master process …"],…]}
//
// `ps_args=aux` gives BSD columns instead. A container that is not running is a 409.
import type { ProcessInfo } from '../../runtime/contract';
import { DaemonError } from '../api/errors';
import type { Container } from './container';
import { logContainerEvent } from './container-events';
import type { ContainerService } from './service';

export interface TopResult {
  Titles: string[];
  Processes: string[][];
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const clockTime = (ms: number) => `${pad2(new Date(ms).getUTCHours())}:${pad2(new Date(ms).getUTCMinutes())}`;
const userName = (uid: number) => (uid === 0 ? 'root' : String(uid));

/** Host PIDs of each process's parent: PID 1's is the shim (just before it), others' their parent's. */
function hostParents(processes: readonly ProcessInfo[]): Map<number, number> {
  const hostOf = new Map(processes.map((p) => [p.pid, p.hostPid]));
  return new Map(
    processes.map((p) => [
      p.pid,
      p.pid === 1 || p.ppid === 0 ? (hostOf.get(1) ?? p.hostPid) - 1 : (hostOf.get(p.ppid) ?? 0),
    ]),
  );
}

export function topContainer(svc: ContainerService, container: Container, psArgs: string): TopResult {
  const task = container.task;
  if (!container.state.running || task === undefined) {
    if (container.state.restarting) {
      throw DaemonError.conflict(`Container ${container.id} is restarting, wait until the container is running`);
    }
    throw DaemonError.conflict(`container ${container.id} is not running`);
  }
  const processes = task.processes().filter((p) => p.state !== 'zombie');
  const parents = hostParents(processes);
  const tty = container.config.Tty ? 'pts/0' : '?';
  logContainerEvent(svc.ctx.events, container, 'top');
  if (psArgs.trim() === 'aux') {
    return {
      Titles: ['USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND'],
      Processes: processes.map((p) => [
        userName(p.uid),
        String(p.hostPid),
        '0.0',
        '0.0',
        '1680',
        '1024',
        tty,
        p.state === 'stopped' ? 'T' : p.state === 'running' ? 'R' : 'S',
        clockTime(p.startedAt),
        '0:00',
        p.argv.join(' '),
      ]),
    };
  }
  return {
    Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
    Processes: processes.map((p) => [
      userName(p.uid),
      String(p.hostPid),
      String(parents.get(p.pid) ?? 0),
      '0',
      clockTime(p.startedAt),
      tty,
      '00:00:00',
      p.argv.join(' '),
    ]),
  };
}
