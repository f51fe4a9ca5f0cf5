// `docker update` (moby daemon/update.go and `Container.UpdateContainer`): change a container's
// resource limits and restart policy while it exists — created, running, paused or exited. The
// new values go into its HostConfig (inspect shows them at once, and they are kept with the
// container); a running container's cgroups would be changed on the spot, a stopped one gets them
// at its next start. The restart policy also reaches the container's restart manager, so
// `docker update --restart always web` makes the next exit of `web` a restart.
//
// Only the fields given (non-zero) change, and a few combinations with what the container already
// has are refused as conflicts (409), in moby's words after `Cannot update container <ID>: `:
//
//   --cpus on a container that has --cpu-period/--cpu-quota   Nano CPUs cannot be updated as CPU Period has already been set
//   --memory above the container's memory+swap limit          Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time
//   --restart always on a `--rm` container                    Restart policy cannot be updated because AutoRemove is enabled for the container
//
// (The last is why `docker update -m 256m web` fails on a container made without a memory limit:
// its swap limit is 0, and 256m is above it — pass `--memory-swap` too.) Nothing is changed when
// the update is refused. A container being removed, or dead, cannot be updated at all.
import { DaemonError } from '../api/errors';
import type { Container } from './container';
import { logContainerEvent } from './container-events';
import { isNoRestart } from './restart-policy';
import type { ContainerService } from './service';
import { verifyUpdate, type UpdateRequest } from './update-body';

/** What the endpoint answers: `{"Warnings":null}` unless the daemon dropped a setting. */
export interface UpdateResponse {
  Warnings: string[] | null;
}

const INT_FIELDS = [
  'BlkioWeight',
  'CpuShares',
  'NanoCpus',
  'CpuPeriod',
  'CpuQuota',
  'CpusetCpus',
  'CpusetMems',
  'Memory',
  'MemorySwap',
  'MemoryReservation',
  'CpuRealtimePeriod',
  'CpuRealtimeRuntime',
] as const;

function conflict(container: Container, message: string): DaemonError {
  return DaemonError.conflict(`Cannot update container ${container.id}: ${message}`);
}

/** A HostConfig resource field as the container has it now (0 or '' when never set). */
function current(raw: Record<string, unknown>, field: string): number | string {
  const value = raw[field];
  if (typeof value === 'number' || typeof value === 'string') return value;
  return field.startsWith('Cpuset') ? '' : 0;
}

/**
 * The container's HostConfig fields after the update (moby `UpdateContainer`), or a 409 when the
 * update conflicts with what it has. Pure: the container is not touched.
 */
export function mergeUpdate(container: Container, request: UpdateRequest): Record<string, unknown> {
  const have = container.hostConfig.raw;
  const r = request.resources;
  const had = (field: string) => current(have, field) as number;
  if (r.NanoCpus > 0 && had('CpuPeriod') > 0) {
    throw conflict(container, 'Conflicting options: Nano CPUs cannot be updated as CPU Period has already been set');
  }
  if (r.NanoCpus > 0 && had('CpuQuota') > 0) {
    throw conflict(container, 'Conflicting options: Nano CPUs cannot be updated as CPU Quota has already been set');
  }
  if (r.CpuPeriod > 0 && had('NanoCpus') > 0) {
    throw conflict(container, 'Conflicting options: CPU Period cannot be updated as NanoCPUs has already been set');
  }
  if (r.CpuQuota > 0 && had('NanoCpus') > 0) {
    throw conflict(container, 'Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set');
  }
  const next: Record<string, unknown> = {};
  for (const field of INT_FIELDS) {
    const value = r[field];
    if (value === 0 || value === '') continue;
    if (field === 'Memory' && (value as number) > had('MemorySwap') && r.MemorySwap === 0) {
      throw conflict(
        container,
        'Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time',
      );
    }
    next[field] = value;
  }
  if (r.PidsLimit !== null) next.PidsLimit = r.PidsLimit;
  if (request.restartPolicy.Name !== '') {
    if (container.hostConfig.AutoRemove && !isNoRestart(request.restartPolicy)) {
      throw conflict(container, 'Restart policy cannot be updated because AutoRemove is enabled for the container');
    }
    next.RestartPolicy = { ...request.restartPolicy };
  }
  return next;
}

/** Update the container `given` names: checks first (400), then the container (404, 409), then the change. */
export function updateContainer(svc: ContainerService, given: string, request: UpdateRequest): UpdateResponse {
  const warnings = verifyUpdate(request, svc.ctx.host);
  const container = svc.store.find(given);
  if (container.state.removalInProgress || container.state.dead) {
    throw DaemonError.system(
      `Cannot update container ${container.id}: container is marked for removal and cannot be "update"`,
    );
  }
  const next = mergeUpdate(container, request);
  const host = container.hostConfig;
  Object.assign(host.raw, next);
  if (request.restartPolicy.Name !== '') {
    // The restart manager holds this very object: changing it in place is moby's UpdateMonitor.
    Object.assign(host.RestartPolicy, request.restartPolicy);
  }
  logContainerEvent(svc.ctx.events, container, 'update');
  return { Warnings: warnings };
}
