// The daemon's healthcheck loop (moby daemon/health.go `monitor`, `initHealthMonitor`,
// `updateHealthMonitor`, `stopHealthchecks`). While a container with a probe runs — and is not
// paused — one loop per container sleeps on the simulated clock, then runs the probe as an exec
// in the container, exactly as `docker exec` would (so `exec_create: …`, `exec_start: …` and
// `exec_die` events go out for it), as the container's user, in its working directory, with its
// environment, both streams captured (./health-state.ts keeps the first 4 KiB).
//
// The wait before a probe is the interval — or the start interval while the container is still
// `starting` within its start period. A probe still running after the timeout is killed (SIGKILL)
// and counts as a failure, exit code -1, `Health check exceeded timeout (30s)` (and its output
// after a colon). Each result goes through recordProbe; a status change is published as the event
// `health_status: healthy` (or `unhealthy`, `starting`).
//
// A start (or restart, or a revived container) resets the status to `starting`; the container's
// end, or `docker pause`, stops the loop — a probe in flight is killed, its result dropped — and
// leaves the status `unhealthy`, as moby does; `docker unpause` starts the loop again.
import { goDuration } from '../../build/go-format';
import type { Container } from '../container';
import { logContainerEvent } from '../container-events';
import { createExec, startExec, type ExecInstance } from '../exec-instance';
import type { ContainerService } from '../service';
import { probeOf, type HealthProbe } from './health-config';
import { LimitedOutput, recordProbe, startingHealth, type ProbeResult } from './health-state';

const NS_PER_MS = 1_000_000;

/** Reset the health of a container that has just started and run its probes (moby initHealthMonitor). */
export function initHealth(svc: ContainerService, container: Container): void {
  if (probeOf(container.config.Healthcheck) === undefined) return;
  stopHealth(container);
  container.health = startingHealth(container.health);
  updateHealth(svc, container);
}

/** Run the loop when the container runs unpaused with a probe, stop it otherwise (moby updateHealthMonitor). */
export function updateHealth(svc: ContainerService, container: Container): void {
  if (container.health === undefined) return;
  const probe = probeOf(container.config.Healthcheck);
  const { running, paused } = container.state;
  if (!(running && !paused && probe !== undefined)) return stopHealth(container);
  if (container.healthMonitor !== undefined) return;
  const stop = new AbortController();
  container.healthMonitor = stop;
  void monitor(svc, container, stop.signal, probe);
}

/** Stop the loop; the status becomes `unhealthy` (moby CloseMonitorChannel). */
export function stopHealth(container: Container): void {
  const stop = container.healthMonitor;
  if (stop === undefined) return;
  container.healthMonitor = undefined;
  stop.abort(new Error('health monitor stopped'));
  if (container.health) container.health.status = 'unhealthy';
}

async function monitor(svc: ContainerService, container: Container, stop: AbortSignal, probe: HealthProbe) {
  const inStartPeriod = (at: number) => at - container.state.startedAt < probe.startPeriodMs;
  const nextWait = () =>
    inStartPeriod(svc.now()) && container.health?.status === 'starting' ? probe.startIntervalMs : probe.intervalMs;
  for (;;) {
    try {
      await svc.clock.sleep(nextWait(), stop);
    } catch {
      return;
    }
    if (stop.aborted) return;
    const start = svc.now();
    const result = await runProbe(svc, container, probe, stop);
    if (stop.aborted || container.health === undefined) return;
    const changed = recordProbe(container.health, { start, ...result }, probe.retries, inStartPeriod(start));
    if (changed) logContainerEvent(svc.ctx.events, container, `health_status: ${container.health.status}`);
  }
}

/** The container's shell for CMD-SHELL (its Config's Shell, else `/bin/sh -c`). */
function shellOf(container: Container): string[] {
  const shell = container.config.Shell;
  return shell !== undefined && shell.length > 0 ? [...shell] : ['/bin/sh', '-c'];
}

/** One probe as an exec; never throws — a probe that cannot run is a failure with exit code -1. */
async function runProbe(
  svc: ContainerService,
  container: Container,
  probe: HealthProbe,
  stop: AbortSignal,
): Promise<Omit<ProbeResult, 'start'>> {
  const output = new LimitedOutput();
  let ended!: () => void;
  const finished = new Promise<void>((resolve) => (ended = resolve));
  let exec: ExecInstance | undefined;
  try {
    exec = createExec(
      svc,
      container,
      {
        User: container.config.User,
        Privileged: false,
        Tty: false,
        AttachStdin: false,
        AttachStdout: true,
        AttachStderr: true,
        DetachKeys: '',
        Env: [],
        WorkingDir: container.config.WorkingDir,
        Cmd: probe.shell ? [...shellOf(container), ...probe.command] : [...probe.command],
      },
      container.id,
    );
    await startExec(svc, exec, { output: { data: (_stream, bytes) => output.write(bytes), end: ended } });
  } catch (err) {
    if (exec) forget(svc, exec);
    return { end: svc.now(), exitCode: -1, output: err instanceof Error ? err.message : String(err) };
  }
  const started = exec;
  const kill = () => started.process?.kill(9);
  stop.addEventListener('abort', kill, { once: true });
  if (stop.aborted) kill();
  const timer = new AbortController();
  const timedOut = svc.clock.sleep(probe.timeoutMs, timer.signal).then(
    () => true,
    () => false,
  );
  const tooLong = await Promise.race([finished.then(() => false), timedOut]);
  timer.abort(new Error('probe finished'));
  if (tooLong) {
    kill();
    await finished;
  }
  stop.removeEventListener('abort', kill);
  forget(svc, started);
  if (tooLong) {
    const limit = goDuration(probe.timeoutMs * NS_PER_MS);
    const text = output.text();
    const message =
      text !== '' ? `Health check exceeded timeout (${limit}): ${text}` : `Health check exceeded timeout (${limit})`;
    return { end: svc.now(), exitCode: -1, output: message };
  }
  return { end: svc.now(), exitCode: started.exitCode ?? -1, output: output.text() };
}

/** A finished probe leaves the container's exec list (moby deletes it from ExecCommands on exit). */
function forget(svc: ContainerService, exec: ExecInstance): void {
  const at = exec.container.execIds.indexOf(exec.id);
  if (at >= 0) exec.container.execIds.splice(at, 1);
  svc.execs.delete(exec.id);
}
