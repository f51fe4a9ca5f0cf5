// `--network container:<name|id>`: a container that joins another container's network namespace
// instead of getting its own (moby `initializeNetworking`, `getNetworkedContainer`). It has no
// endpoint, address or sandbox of its own — inspect shows empty `Networks`, no SandboxID, no
// ports, and `HostConfig.NetworkMode` as the client sent it (`container:web`, a name is not
// turned into an ID). Its processes see the other container's interfaces and address, reach its
// servers on `localhost`, serve on its ports, and take its hostname, domain name, /etc/hosts and
// /etc/resolv.conf. When the other container stops, its interfaces go: the joiner keeps loopback.
//
// Create refuses what cannot apply to a namespace that is not the container's own, in moby's
// order (runconfig `validateNetContainerMode`, checked as the request is decoded — before the
// image is even looked up): a missing name, `--hostname`, `--link`, `--dns`, `--add-host`,
// `-p`/`-P`, `--expose`. The other container is only looked up at start, as moby does — so it may
// be created later, and a missing one, itself, or one not running fails the start:
//
//   joining network namespace of container: No such container: web                       500
//   cannot join own network namespace                                                    500
//   cannot join network namespace of a non running container: container web is exited   409
import { DaemonError } from '../api/errors';
import type { Container } from '../containers/container';
import type { CreateConfig, CreateHostConfig } from '../containers/create-body';
import type { ContainerStore } from '../containers/container-store';

const PREFIX = 'container:';

/** The `<name|id>` of a `container:<name|id>` network mode, or undefined for any other mode. */
export function connectedContainer(networkMode: string): string | undefined {
  return networkMode.startsWith(PREFIX) ? networkMode.slice(PREFIX.length) : undefined;
}

const nonEmpty = (value: unknown) =>
  (Array.isArray(value) && value.length > 0) ||
  (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0);

/** moby validateNetContainerMode: what a container-mode request may not ask for, in moby's order. */
export function checkContainerNetworkMode(config: CreateConfig, hostConfig: CreateHostConfig): void {
  const mode = hostConfig.NetworkMode;
  // a network named `container` (no colon) is taken as container mode too, as moby does
  if (mode !== 'container' && connectedContainer(mode) === undefined) return;
  const raw = hostConfig.raw;
  const refusal =
    (connectedContainer(mode) ?? '') === ''
      ? 'Invalid network mode: invalid container format container:<name|id>'
      : config.Hostname !== ''
        ? 'conflicting options: hostname and the network mode'
        : nonEmpty(raw.Links)
          ? "conflicting options: container type network can't be used with links. This would result in undefined behavior"
          : nonEmpty(raw.Dns)
            ? 'conflicting options: dns and the network mode'
            : nonEmpty(raw.ExtraHosts)
              ? 'conflicting options: custom host-to-IP mapping and the network mode'
              : nonEmpty(raw.PortBindings) || raw.PublishAllPorts === true
                ? 'conflicting options: port publishing and the container type network mode'
                : nonEmpty(config.ExposedPorts)
                  ? 'conflicting options: port exposing and the container type network mode'
                  : undefined;
  if (refusal !== undefined) throw DaemonError.invalidParameter(refusal);
}

/** moby getNetworkedContainer: the running container whose namespace `container` joins at start. */
export function networkedContainer(store: ContainerStore, container: Container, nameOrId: string): Container {
  let other: Container;
  try {
    other = store.find(nameOrId);
  } catch (err) {
    const message = `joining network namespace of container: ${(err as Error).message}`;
    throw err instanceof DaemonError && err.status === 404
      ? DaemonError.system(message)
      : new DaemonError(err instanceof DaemonError ? err.status : 500, message);
  }
  if (other.id === container.id) throw DaemonError.system('cannot join own network namespace');
  if (!other.state.running) {
    throw DaemonError.conflict(
      `cannot join network namespace of a non running container: container ${other.shortName} is ${other.status}`,
    );
  }
  if (other.state.restarting) {
    throw DaemonError.conflict(
      `cannot join network namespace of container: Container ${nameOrId} is restarting, wait until the container is running`,
    );
  }
  return other;
}

/**
 * At start: the container whose namespace `container` joins (undefined when its mode is not
 * `container:`), found and checked; `container` takes its hostname and domain name, as moby does.
 */
export function joinNamespace(store: ContainerStore, container: Container): Container | undefined {
  const nameOrId = connectedContainer(container.hostConfig.NetworkMode);
  if (nameOrId === undefined) return undefined;
  const owner = networkedContainer(store, container, nameOrId);
  container.config.Hostname = owner.hostname;
  container.config.Domainname = owner.config.Domainname;
  return owner;
}
