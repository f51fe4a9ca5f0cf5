// The operations that change a running container (moby stop.go, kill.go, pause.go, restart.go,
// rename.go), each checked against the lifecycle table first (./transitions.ts):
//
//   stop     the stop signal (`--signal`, else the image's STOPSIGNAL, else SIGTERM); if the
//            container has not exited `t` seconds later (default 10, or the container's
//            StopTimeout; -1 waits forever), SIGKILL. A PID 1 that does not handle SIGTERM — a
//            plain `sleep` — ignores it, which is why stopping it takes the full ten seconds and
//            ends in 137. Events: kill (15), [kill (9)], die, stop.
//   kill     one signal (default SIGKILL); with SIGKILL, wait for the end. A container that is
//            not running is `container <id> is not running` (409).
//   pause    freeze every process (cgroup freezer); `unpause` thaws them.
//   restart  stop (if running), then start; event `restart`.
//   rename   a new unique name; event `rename` with the old one.
// Stop and kill are the user's: a restart policy does not bring the container back after them.
import { DaemonError } from '../api/errors';
import type { Container } from './container';
import { logContainerEvent } from './container-events';
import { updateHealth } from './health/health-monitor';
import { cancelRestart } from './monitor';
import { normaliseName } from './names';
import type { ContainerService } from './service';
import { SIGKILL, parseSignal } from './signals';
import { runContainer } from './start';
import { checkMove } from './transitions';

/** Send `signal` to PID 1 as `docker kill` does: user-initiated, so no automatic restart afterwards. */
function signalContainer(svc: ContainerService, container: Container, signal: number): void {
  const stopSignal = container.config.StopSignal === undefined ? undefined : parseSignal(container.config.StopSignal);
  if (signal === SIGKILL || stopSignal === undefined || stopSignal === signal) {
    container.restartManager.cancel();
    container.hasBeenManuallyStopped = true;
  }
  if (container.state.restarting) {
    cancelRestart(container);
    return;
  }
  container.task?.kill(signal);
  if (container.state.paused) {
    // moby thaws a frozen container after signalling it, so that the signal can be acted on.
    container.task?.resume();
    container.state.paused = false;
  }
  logContainerEvent(svc.ctx.events, container, 'kill', { signal: String(signal) });
}

/** Resolves when the container is no longer running. */
function stopped(container: Container): Promise<unknown> {
  return container.waiters.wait('not-running', container.state.running, () => container.waitResult()).result;
}

export interface StopOptions {
  /** Seconds before SIGKILL; the container's StopTimeout or 10 when absent; -1 waits for ever. */
  timeout?: number;
  signal?: string;
}

/** `docker stop`; false when it was not running (304). */
export async function stopContainer(
  svc: ContainerService,
  container: Container,
  options: StopOptions,
  given: string,
): Promise<boolean> {
  if (!checkMove('stop', container.status, container.subject(given))) return false;
  const signal = parseSignal(options.signal ?? container.config.StopSignal ?? 'SIGTERM');
  const timeout = options.timeout ?? container.config.StopTimeout ?? 10;
  const done = stopped(container);
  signalContainer(svc, container, signal);
  if (timeout >= 0) {
    const timer = new AbortController();
    const gaveUp = await Promise.race([
      done.then(() => false),
      svc.clock.sleep(timeout * 1000, timer.signal).then(
        () => true,
        () => false,
      ),
    ]);
    timer.abort(new Error('stopped in time'));
    if (gaveUp && container.state.running) await killContainer(svc, container, String(SIGKILL), given);
  }
  await done;
  logContainerEvent(svc.ctx.events, container, 'stop');
  return true;
}

/** `docker kill --signal`; SIGKILL (the default) also waits for the container to stop. */
export async function killContainer(
  svc: ContainerService,
  container: Container,
  signalText: string | undefined,
  given: string,
): Promise<void> {
  const signal = signalText === undefined || signalText === '' ? SIGKILL : parseSignal(signalText);
  checkMove('kill', container.status, container.subject(given));
  const done = stopped(container);
  signalContainer(svc, container, signal);
  if (signal === SIGKILL) await done;
}

export function pauseContainer(svc: ContainerService, container: Container, given: string): void {
  checkMove('pause', container.status, container.subject(given));
  container.task?.pause();
  container.state.paused = true;
  updateHealth(svc, container);
  logContainerEvent(svc.ctx.events, container, 'pause');
}

export function unpauseContainer(svc: ContainerService, container: Container, given: string): void {
  checkMove('unpause', container.status, container.subject(given));
  container.task?.resume();
  container.state.paused = false;
  updateHealth(svc, container);
  logContainerEvent(svc.ctx.events, container, 'unpause');
}

/** `docker start`; false when it was already running (304). */
export async function startContainer(svc: ContainerService, container: Container, given: string): Promise<boolean> {
  if (!checkMove('start', container.status, container.subject(given))) return false;
  await runContainer(svc, container, true);
  return true;
}

/** `docker restart`: stop if running (with the stop's timeout), then start. */
export async function restartContainer(
  svc: ContainerService,
  container: Container,
  options: StopOptions,
  given: string,
): Promise<void> {
  checkMove('restart', container.status, container.subject(given));
  container.manualRestart = true;
  try {
    if (container.state.running) await stopContainer(svc, container, options, given);
    await runContainer(svc, container, true);
  } finally {
    container.manualRestart = false;
  }
  logContainerEvent(svc.ctx.events, container, 'restart');
}

/** `docker rename`: moby's checks and words, then the `rename` event with the old name. */
export function renameContainer(svc: ContainerService, container: Container, newName: string): void {
  if (newName === '') throw DaemonError.invalidParameter('Neither old nor new names may be empty');
  const name = normaliseName(newName);
  if (name === container.name) {
    throw DaemonError.invalidParameter('Renaming a container with the same name as its current name');
  }
  svc.store.reserveName(name, container.id);
  const oldName = container.name;
  svc.store.releaseName(oldName);
  container.name = name;
  logContainerEvent(svc.ctx.events, container, 'rename', { oldName });
}
