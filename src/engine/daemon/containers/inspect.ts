// `GET /containers/{id}/json` — `docker inspect` of a container (moby `InspectResponse` for API
// 1.50), fields in the order Go writes them: identity and command line, State with its times in
// RFC 3339 (Go's zero time `0001-01-01T00:00:00Z` for "never") and Health once a probe is set up, the image by ID, where dockerd keeps
// its files under /var/lib/docker/containers/<id>/, the completed HostConfig, the overlay2
// directories, the merged Config and the NetworkSettings. With `size=1`, SizeRw and SizeRootFs.
import { encodedOf } from '../../digest';
import { sortedMap } from '../api/responses';
import { goTime } from '../api/system-info';
import type { Container } from './container';
import { healthJson, type HealthState } from './health/health-state';
import { inspectHostConfig } from './host-config';
import type { ContainerConfig } from './merge-config';
import { inspectNetworkSettings } from './network-settings';
import { mountsJson } from '../volumes/volume-json';
import type { ContainerService } from './service';
import { sizeRootFs, sizeRw } from './sizes';
import type { ContainerState } from './state';
import { statusOf } from './state';

/** A time as Go marshals it: RFC 3339 with the nanoseconds it has; 0 is Go's zero time. */
export function goTimeOrZero(ms: number): string {
  return ms === 0 ? '0001-01-01T00:00:00Z' : goTime(ms);
}

export function inspectState(state: ContainerState, health?: HealthState): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Status: statusOf(state),
    Running: state.running,
    Paused: state.paused,
    Restarting: state.restarting,
    OOMKilled: state.oomKilled,
    Dead: state.dead,
    Pid: state.pid,
    ExitCode: state.exitCode,
    Error: state.error,
    StartedAt: goTimeOrZero(state.startedAt),
    FinishedAt: goTimeOrZero(state.finishedAt),
  };
  if (health) out.Health = healthJson(health);
  return out;
}

/**
 * A container Config as Go writes it: moby's field order, optional fields only when set (omitempty),
 * the maps (ExposedPorts, Volumes, Labels) with sorted keys.
 */
export function configJson(c: ContainerConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Hostname: c.Hostname,
    Domainname: c.Domainname,
    User: c.User,
    AttachStdin: c.AttachStdin,
    AttachStdout: c.AttachStdout,
    AttachStderr: c.AttachStderr,
  };
  if (c.ExposedPorts && Object.keys(c.ExposedPorts).length > 0) out.ExposedPorts = sortedMap(c.ExposedPorts);
  Object.assign(out, { Tty: c.Tty, OpenStdin: c.OpenStdin, StdinOnce: c.StdinOnce, Env: c.Env, Cmd: c.Cmd });
  if (c.Healthcheck) out.Healthcheck = c.Healthcheck;
  if (c.ArgsEscaped) out.ArgsEscaped = true;
  Object.assign(out, {
    Image: c.Image,
    Volumes: sortedMap(c.Volumes),
    WorkingDir: c.WorkingDir,
    Entrypoint: c.Entrypoint,
  });
  if (c.NetworkDisabled) out.NetworkDisabled = true;
  Object.assign(out, { OnBuild: c.OnBuild, Labels: sortedMap(c.Labels) });
  if (c.StopSignal !== undefined) out.StopSignal = c.StopSignal;
  if (c.StopTimeout !== undefined) out.StopTimeout = c.StopTimeout;
  if (c.Shell !== undefined) out.Shell = c.Shell;
  return out;
}

export function inspectContainer(
  svc: ContainerService,
  container: Container,
  withSize: boolean,
): Record<string, unknown> {
  const dir = `/var/lib/docker/containers/${container.id}`;
  const overlay = `/var/lib/docker/overlay2/${container.mountId}`;
  const image = svc.ctx.store.get(container.imageId);
  const lowers = (image?.layers ?? []).map((l) => `/var/lib/docker/overlay2/${encodedOf(l.chainId)}/diff`).reverse();
  const out: Record<string, unknown> = {
    Id: container.id,
    Created: goTime(container.created),
    Path: container.path,
    Args: container.args,
    State: inspectState(container.state, container.health),
    Image: container.imageId,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${container.id}-json.log`,
    Name: container.name,
    RestartCount: container.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: 'docker-default',
    ExecIDs: container.execIds.length > 0 ? [...container.execIds] : null,
    HostConfig: inspectHostConfig(container.hostConfig),
    GraphDriver: {
      Data: {
        ID: container.id,
        LowerDir: [`${overlay}-init/diff`, ...lowers].join(':'),
        MergedDir: `${overlay}/merged`,
        UpperDir: `${overlay}/diff`,
        WorkDir: `${overlay}/work`,
      },
      Name: 'overlay2',
    },
  };
  if (withSize) {
    out.SizeRw = sizeRw(container);
    out.SizeRootFs = sizeRootFs(container, svc.ctx.store);
  }
  out.Mounts = mountsJson(svc.mounts.of(container.id));
  out.Config = configJson(container.config);
  out.NetworkSettings = inspectNetworkSettings(svc, container);
  return out;
}
