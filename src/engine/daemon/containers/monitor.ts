// What happens when a container's PID 1 ends (moby `handleContainerExit`) — the one transition no
// client asks for:
//
//   0. the healthcheck loop stops (the status is left `unhealthy`, as moby leaves it);
//   1. the last output is delivered and the attached clients are let go (their streams end);
//   2. the endpoint goes back to the bridge (the address is free again);
//   3. the restart policy decides (./restart-policy.ts): restart after the back-off — the container
//      is `restarting` meanwhile — or stop for good, `exited`, with the exit code and FinishedAt;
//   4. every `wait` for a stop is answered, the `die` event goes out with exitCode and
//      execDuration;
//   5. a `--rm` container that stopped for good is removed (`destroy`), which answers
//      `wait?condition=removed` — the exit code `docker run --rm` exits with.
//
// A pending restart is cancelled by `docker stop`, `docker kill` or `docker rm -f`: the container
// then settles as `exited` with the exit code of its last run.
import type { Container } from './container';
import { logContainerEvent } from './container-events';
import { stopHealth } from './health/health-monitor';
import { autoRemove } from './remove';
import type { RuntimeTask } from './runtime-port';
import type { ContainerService } from './service';
import { runContainer } from './start';

/** Watch `task` (the container's current PID 1) and handle its end. */
export function watchExit(svc: ContainerService, container: Container, task: RuntimeTask): void {
  void task.exited.then(
    (status) => handleExit(svc, container, task, status),
    () => handleExit(svc, container, task, 255),
  );
}

function handleExit(svc: ContainerService, container: Container, task: RuntimeTask, exitCode: number): void {
  if (container.task !== task) return;
  const now = svc.now();
  stopHealth(container);
  container.task = undefined;
  container.logs.flush();
  container.renewStdin();
  container.output.endRun();
  if (container.endpoint) svc.bridge.disconnect(container.endpoint);
  container.endpoint = undefined;
  container.listeners.clear();
  const state = container.state;
  const ranFor = now - state.startedAt;
  const decision = container.restartManager.shouldRestart(exitCode, container.hasBeenManuallyStopped, ranFor);
  Object.assign(state, { paused: false, pid: 0, exitCode, finishedAt: now });
  if (decision.restart) {
    container.restartCount++;
    Object.assign(state, { running: true, restarting: true });
  } else {
    Object.assign(state, { running: false, restarting: false });
  }
  container.waiters.stopped(container.waitResult());
  logContainerEvent(svc.ctx.events, container, 'die', {
    exitCode: String(exitCode),
    execDuration: String(Math.floor(Math.max(0, ranFor) / 1000)),
  });
  if (decision.restart) scheduleRestart(svc, container, decision.delayMs);
  else if (!container.manualRestart) autoRemove(svc, container);
}

function scheduleRestart(svc: ContainerService, container: Container, delayMs: number): void {
  const timer = new AbortController();
  container.pendingRestart = timer;
  svc.clock.sleep(delayMs, timer.signal).then(
    async () => {
      if (container.pendingRestart !== timer) return;
      container.pendingRestart = undefined;
      try {
        await runContainer(svc, container, false);
      } catch {
        settleStopped(svc, container);
      }
    },
    () => {
      if (container.pendingRestart === timer) container.pendingRestart = undefined;
      settleStopped(svc, container);
    },
  );
}

/** A restart that will not happen: the container is `exited` with its last exit code. */
function settleStopped(svc: ContainerService, container: Container): void {
  Object.assign(container.state, { running: false, restarting: false, paused: false, pid: 0 });
  container.waiters.stopped(container.waitResult());
  autoRemove(svc, container);
}

/** Cancel a pending restart (stop, kill, rm -f); true when there was one. */
export function cancelRestart(container: Container): boolean {
  const timer = container.pendingRestart;
  if (timer === undefined) return false;
  timer.abort(new Error('restart canceled'));
  return true;
}
