// `docker rm` on the daemon side (moby `containerRm` and `cleanupContainer`): a container that
// runs is refused unless forced (./transitions.ts has the words); forced, it is killed first and
// its end awaited. Then it is `removing` — its name is free again, its writable layer and log are
// thrown away, it leaves its networks and stops using its volumes (its anonymous volumes are
// removed with `-v`; named volumes and their data stay), it leaves the store — every `wait` is answered, and `destroy` goes out. A `--rm`
// container is removed this way, forced, as soon as it stops for good (`autoRemove`).
//
// `POST /containers/prune` removes every container that is not running (optionally only those
// created `until` a time, or matching `label` filters) and reports the space their writable
// layers took.
import { FilterArgs } from '../filters';
import { parseFilterTime } from '../timestamps';
import type { Container } from './container';
import { logContainerEvent, logContainerPrune } from './container-events';
import { cancelRestart } from './monitor';
import type { ContainerService } from './service';
import { SIGKILL } from './signals';
import { sizeRw } from './sizes';
import { checkMove } from './transitions';
import { DaemonError } from '../api/errors';

export interface RemoveOptions {
  force: boolean;
  /** `-v`: remove the container's anonymous volumes too (`--rm` containers always do). */
  volumes: boolean;
  /** The name or ID as the client sent it, for messages. */
  given: string;
}

export async function removeContainer(
  svc: ContainerService,
  container: Container,
  options: RemoveOptions,
): Promise<void> {
  checkMove(options.force ? 'force-remove' : 'remove', container.status, container.subject(options.given));
  container.state.removalInProgress = true;
  try {
    if (container.state.running) {
      container.hasBeenManuallyStopped = true;
      container.restartManager.cancel();
      if (!cancelRestart(container)) {
        const stopped = container.waiters.wait('not-running', true, () => container.waitResult()).result;
        container.task?.kill(SIGKILL);
        if (container.state.paused) container.task?.resume();
        logContainerEvent(svc.ctx.events, container, 'kill', { signal: String(SIGKILL) });
        await stopped;
      }
    }
  } catch (err) {
    container.state.removalInProgress = false;
    throw err;
  }
  forget(svc, container, options.volumes);
}

/** Everything that goes with the container, then the `destroy` event. */
function forget(svc: ContainerService, container: Container, volumes: boolean): void {
  if (svc.store.get(container.id) !== container) return;
  svc.store.delete(container);
  svc.networking.attachments.forget(container.id);
  svc.mounts.detach(container.id, volumes);
  for (const execId of container.execIds) svc.execs.delete(execId);
  container.output.endRun();
  // moby SetRemoved clears the last error before answering: `wait?condition=removed` after a
  // failed start of a `--rm` container reports only the exit code.
  container.state.error = '';
  container.waiters.removed(container.waitResult());
  logContainerEvent(svc.ctx.events, container, 'destroy');
}

/** `--rm`: remove a container that stopped for good (moby `autoRemove`, a forced removal). */
export function autoRemove(svc: ContainerService, container: Container): void {
  if (!container.hostConfig.AutoRemove || container.state.removalInProgress) return;
  if (svc.store.get(container.id) !== container) return;
  void removeContainer(svc, container, { force: true, volumes: true, given: container.id }).catch(() => {});
}

export interface PruneReport {
  ContainersDeleted: string[] | null;
  SpaceReclaimed: number;
}

/** `POST /containers/prune?filters=…`: every stopped container (filters `until`, `label`, `label!`). */
export async function pruneContainers(svc: ContainerService, filters: FilterArgs): Promise<PruneReport> {
  filters.validate(['until', 'label', 'label!']);
  const until = filters.get('until');
  if (until.length > 1) throw DaemonError.invalidParameter('more than one until filter specified');
  let untilMs: number | undefined;
  if (until.length === 1) {
    try {
      untilMs = parseFilterTime(until[0]!, svc.now());
    } catch (err) {
      throw DaemonError.invalidParameter((err as Error).message);
    }
  }
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const container of svc.store.list().reverse()) {
    if (container.state.running) continue;
    if (untilMs !== undefined && container.created >= untilMs) continue;
    const labels = container.config.Labels ?? {};
    if (!filters.matchKeyValues('label', labels)) continue;
    if (filters.contains('label!') && FilterArgs.of({ label: filters.get('label!') }).matchKeyValues('label', labels))
      continue;
    const size = sizeRw(container);
    await removeContainer(svc, container, { force: false, volumes: false, given: container.id });
    deleted.push(container.id);
    reclaimed += size;
  }
  logContainerPrune(svc.ctx.events, reclaimed);
  return { ContainersDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: reclaimed };
}
