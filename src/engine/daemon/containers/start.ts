// `docker start` on the daemon side (moby `containerStart`): connect the container to its networks
// (or, with `--network container:x`, to x's namespace: ../networks/container-mode.ts)
// and program its published ports (../networks/attachments.ts — a missing network or a port already
// taken fails the start here, and the container stays as it was), write its init layer (/etc/hosts
// with the new address, /etc/hostname, /etc/resolv.conf: the embedded DNS server on user-defined
// networks), mount its volumes, bind mounts and tmpfs over its root, open its stdin, and ask the runtime to run `Path Args` as PID 1 with Docker's environment — PATH,
// HOSTNAME (and TERM=xterm with a TTY) first, then the container's own variables, which win.
//
// When the runtime cannot run the command, the container stays as it was (`created`, or `exited`),
// with `State.Error` set and the exit code Docker derives from the words (127 nothing to run, 126
// not runnable), anything attached is let go, `--rm` removes it — and the client gets Docker's
// error, runc's words wrapped in containerd's:
//
//   failed to create task for container: failed to create shim task: OCI runtime create failed:
//   runc create failed: unable to start container process: error during container init:
//   exec: "nope": executable file not found in $PATH
//
// On success the container is `running` from that instant (StartedAt), the `start` event goes out,
// the healthcheck (if any) starts over as `starting` (./health/), and the monitor (./monitor.ts)
// waits for PID 1 to end.
import { DaemonError } from '../api/errors';
import type { Container } from './container';
import { logContainerEvent } from './container-events';
import { joinNamespace } from '../networks/container-mode';
import { internalResolvConf } from '../networks/resolv-conf';
import { MountedOverlay } from '../volumes/mounted-overlay';
import type { Endpoint } from './bridge';
import { containerLower, resolvConf } from './init-layer';
import { initHealth } from './health/health-monitor';
import { watchExit } from './monitor';
import { containerMounts } from './mount-table';
import { containerNetworkStack } from './network-stack';
import { autoRemove } from './remove';
import { RuntimeStartError, type ProcessSpec } from './runtime-port';
import type { ContainerService } from './service';

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Later `KEY=…` entries replace earlier ones with the same key, in place; new keys are appended. */
export function replaceOrAppendEnv(base: readonly string[], overrides: readonly string[]): string[] {
  const out = [...base];
  for (const variable of overrides) {
    const key = variable.split('=', 1)[0]!;
    const at = out.findIndex((v) => v.split('=', 1)[0] === key);
    if (at >= 0) out[at] = variable;
    else out.push(variable);
  }
  return out;
}

/** The environment of a container's processes (moby `CreateDaemonEnvironment`). */
export function containerEnvironment(container: Container): string[] {
  const base = [`PATH=${DEFAULT_PATH}`, `HOSTNAME=${container.hostname}`];
  if (container.config.Tty) base.push('TERM=xterm');
  return replaceOrAppendEnv(base, container.config.Env ?? []);
}

/** The words of a start the runtime refused, as dockerd 28 returns them. */
export function startFailureMessage(runcWords: string): string {
  return `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${runcWords}`;
}

/** Start `container` (already checked against the lifecycle table). `manual` for `docker start`/`restart`. */
export async function runContainer(svc: ContainerService, container: Container, manual: boolean): Promise<void> {
  if (manual) {
    container.restartManager.reset();
    container.hasBeenManuallyStopped = false;
  }
  let joined;
  let sharedWith: Container | undefined; // the owner of the namespace a `--network container:` joins
  try {
    sharedWith = joinNamespace(svc.store, container);
    joined = svc.networking.attachments.join(container);
  } catch (err) {
    setupFailed(svc, container, err);
    throw err;
  }
  const first = joined.endpoints.find((ep) => ep.ipAddress !== '') ?? joined.endpoints[0];
  const endpoint: Endpoint = {
    containerId: container.id,
    sandboxId: joined.sandboxId,
    endpointId: first?.endpointId ?? '',
    ipAddress: first?.ipAddress ?? '',
    macAddress: first?.macAddress ?? '',
  };
  container.endpoint = endpoint;
  const networking = svc.networking.attachments.of((sharedWith ?? container).id);
  const address = sharedWith?.endpoint?.ipAddress ?? endpoint.ipAddress;
  const embeddedDns = [...(networking?.endpoints.keys() ?? [])].some(
    (id) => svc.networking.networks.get(id)?.hasEmbeddedDns,
  );
  const overlay = container.mount(
    containerLower(
      container.image,
      {
        hostname: container.hostname,
        domainname: container.config.Domainname,
        ...(address !== '' ? { ipAddress: address } : {}),
        resolvConf: embeddedDns ? internalResolvConf() : resolvConf(svc.nameservers),
      },
      Math.floor(svc.now() / 1000),
    ),
  );
  let mounted;
  try {
    mounted = svc.mounts.activate(container.id, overlay);
  } catch (err) {
    svc.bridge.disconnect(endpoint);
    container.endpoint = undefined;
    setupFailed(svc, container, err);
    throw err;
  }
  container.rootfs =
    mounted.mounts.length === 0
      ? overlay
      : new MountedOverlay(
          overlay.lower,
          { now: () => Math.floor(svc.now() / 1000), cwd: '/' },
          container.upper,
          mounted.mounts,
        );
  const spec: ProcessSpec = {
    argv: [container.path, ...container.args],
    env: containerEnvironment(container),
    cwd: container.config.WorkingDir === '' ? '/' : container.config.WorkingDir,
    user: container.config.User,
    tty: container.config.Tty,
    stdin: container.stdinForRun,
    stdout: (data) => {
      container.logs.write('stdout', data);
      container.output.publish('stdout', data);
    },
    stderr: (data) => {
      const stream = container.config.Tty ? 'stdout' : 'stderr';
      container.logs.write(stream, data);
      container.output.publish(stream, data);
    },
  };
  const net = containerNetworkStack(svc.networking.routing.namespaceOf(container, sharedWith));
  let task;
  try {
    task = await svc.runtime.start(
      {
        id: container.id,
        hostname: container.hostname,
        rootfs: container.rootfs,
        net,
        clock: svc.clock,
        architecture: svc.ctx.platform.architecture,
        mounts: [...containerMounts(container.mountId, container.layerCount), ...mounted.table],
      },
      spec,
    );
  } catch (err) {
    startFailed(svc, container, err);
    const message = startFailureMessage(err instanceof Error ? err.message : String(err));
    // moby setExitCodeFromError: a command that is missing (127) or cannot run (126) is the
    // client's mistake (400); anything else is the daemon's (500).
    const clientError = err instanceof RuntimeStartError && (err.exitStatus === 126 || err.exitStatus === 127);
    throw clientError ? DaemonError.invalidParameter(message) : DaemonError.system(message);
  }
  const state = container.state;
  Object.assign(state, { running: true, paused: false, restarting: false, exitCode: 0, error: '', pid: task.hostPid });
  state.startedAt = svc.now();
  container.task = task;
  initHealth(svc, container);
  logContainerEvent(svc.ctx.events, container, 'start');
  watchExit(svc, container, task);
}

/** A start refused before anything ran (a network, a port, a mount): the error is kept, nothing else changes. */
function setupFailed(svc: ContainerService, container: Container, err: unknown): void {
  container.state.error = err instanceof Error ? err.message : String(err);
  container.state.exitCode = 128;
  container.renewStdin();
  container.output.endRun();
  if (container.hostConfig.AutoRemove) autoRemove(svc, container);
}

/** Undo a start that did not happen (moby's deferred cleanup in containerStart). */
function startFailed(svc: ContainerService, container: Container, err: unknown): void {
  container.state.error = startFailureMessage(err instanceof Error ? err.message : String(err));
  container.state.exitCode = err instanceof RuntimeStartError ? err.exitStatus : 128;
  if (container.endpoint) svc.bridge.disconnect(container.endpoint);
  container.endpoint = undefined;
  container.renewStdin();
  container.output.endRun();
  if (container.hostConfig.AutoRemove) autoRemove(svc, container);
}
