// Bringing a restored daemon's running containers back to life, as dockerd with `live-restore`
// finds them: still running, with the same PID, the same addresses and endpoint IDs, the same
// StartedAt, nothing in `docker events` and nothing new in their logs.
//
// The simulation cannot keep a process across a reload, so each container's main process is started
// again through the ordinary start path (./start.ts) — its init layer rewritten, its mounts set up,
// its ports published — while:
//   - the endpoint and sandbox IDs it draws are the ones it had (the daemon's ID sources replay
//     them), and each network hands it the address it had;
//   - the host PID counter is set so that its PID 1 gets the PID it had (`setNextPid`);
//   - what the new process writes while it is being revived is not logged (the log already holds
//     what the first run wrote);
//   - its state (StartedAt, PID, paused) is put back as saved; a container that was `restarting`
//     is simply running again.
// The process itself starts from its beginning: whatever it held in memory is gone.
import { yieldToEventLoop } from '../../runtime/clock';
import { parseIpv4 } from '../networks/cidr';
import type { ContainerData } from './container-snapshot';
import { updateHealth } from './health/health-monitor';
import type { IdSource } from './ids';
import type { ContainerService } from './service';
import { runContainer } from './start';

export interface ReviveOptions {
  /** Make the next host PID handed out be `pid` (the runtime's counter). */
  setNextPid?: (pid: number) => void;
}

/** Was the container running (or paused, or waiting to restart) when it was saved? */
export function wasRunning(saved: ContainerData): boolean {
  return saved.state.running;
}

/** Start again the main process of every saved container that was running, oldest start first. */
export async function reviveContainers(
  svc: ContainerService,
  data: readonly ContainerData[],
  options: ReviveOptions = {},
): Promise<void> {
  const running = data.filter(wasRunning).sort((a, b) => a.state.startedAt - b.state.startedAt);
  for (const saved of running) await revive(svc, saved, options);
}

async function revive(svc: ContainerService, saved: ContainerData, options: ReviveOptions): Promise<void> {
  const container = svc.store.get(saved.id);
  if (!container) return;
  const [first, ...others] = saved.networks.endpoints;
  const sandbox = saved.networks.sandboxId === undefined ? [] : [saved.networks.sandboxId];
  const undo = [
    replay(svc.ids, [...(first ? [first.endpointId] : []), ...sandbox]),
    replay(
      svc.networkIds,
      others.map((e) => e.endpointId),
    ),
    ...saved.networks.endpoints.map((e) => sameAddress(svc, saved.id, e.networkId, e.ipAddress)),
  ];
  const logs = container.logs;
  const write = Object.getOwnPropertyDescriptor(logs, 'write');
  Object.defineProperty(logs, 'write', { value: () => undefined, configurable: true, writable: true });
  Object.assign(container.state, { running: false, paused: false, restarting: false });
  try {
    if (saved.state.pid > 0) options.setNextPid?.(saved.state.pid);
    await runContainer(svc, container, false);
    // Let what the process writes at once go by unlogged.
    for (let i = 0; i < 3; i++) await yieldToEventLoop();
  } catch {
    // It could not run again (its command is gone from a bind mount…): it stays as that left it.
    return;
  } finally {
    for (const restore of undo) restore();
    if (write) Object.defineProperty(logs, 'write', write);
    else delete (logs as { write?: unknown }).write;
  }
  Object.assign(container.state, saved.state, { restarting: false, running: true });
  if (saved.state.paused) container.task?.pause();
  updateHealth(svc, container);
}

/** Make `source` hand out `ids` first, then go on as before; returns the undo. */
function replay(source: IdSource, ids: readonly string[]): () => void {
  if (ids.length === 0) return () => undefined;
  const own = Object.getOwnPropertyDescriptor(source, 'nextId');
  const original = source.nextId.bind(source);
  const queue = [...ids];
  Object.defineProperty(source, 'nextId', {
    value: () => queue.shift() ?? original(),
    configurable: true,
    writable: true,
  });
  return () => {
    if (own) Object.defineProperty(source, 'nextId', own);
    else delete (source as { nextId?: unknown }).nextId;
  };
}

/** Make network `networkId` give container `holder` the address `ip` when it asks for any; returns the undo. */
function sameAddress(svc: ContainerService, holder: string, networkId: string, ip: string): () => void {
  const pool = svc.networking.networks.get(networkId)?.pool;
  const wanted = parseIpv4(ip);
  if (!pool || wanted === undefined) return () => undefined;
  const own = Object.getOwnPropertyDescriptor(pool, 'allocate');
  const original = pool.allocate.bind(pool);
  Object.defineProperty(pool, 'allocate', {
    value: (who: string, asked?: number) => original(who, asked ?? (who === holder ? wanted : undefined)),
    configurable: true,
    writable: true,
  });
  return () => {
    if (own) Object.defineProperty(pool, 'allocate', own);
    else delete (pool as { allocate?: unknown }).allocate;
  };
}
