// A container's NetworkSettings as the Engine API shows them: the sandbox (its network namespace),
// the ports it exposes (`{"80/tcp": null}`: exposed, not published), and its endpoint on each
// network it is connected to — on the default bridge, `172.17.0.x/16` behind gateway 172.17.0.1.
// While the container is not running it keeps its place on the network (`Networks.bridge` with the
// network's ID) but has no endpoint, address or sandbox.
import { BRIDGE } from './bridge';
import type { Container } from './container';
import { networkModeOf } from './host-config';

/** One network connection (moby `network.EndpointSettings`), fields in moby's order. */
export function endpointSettings(container: Container, networkId: string): Record<string, unknown> {
  const ep = container.endpoint;
  return {
    IPAMConfig: null,
    Links: null,
    Aliases: null,
    MacAddress: ep?.macAddress ?? '',
    DriverOpts: null,
    GwPriority: 0,
    NetworkID: networkId,
    EndpointID: ep?.endpointId ?? '',
    Gateway: ep ? BRIDGE.gateway : '',
    IPAddress: ep?.ipAddress ?? '',
    IPPrefixLen: ep ? BRIDGE.prefixLength : 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: null,
  };
}

/** The networks a container is on: `{bridge: …}` for the default network, `{}` with `--network none`. */
export function networksOf(container: Container, bridgeId: string): Record<string, unknown> {
  const mode = networkModeOf(container.hostConfig);
  return mode === 'bridge' ? { bridge: endpointSettings(container, bridgeId) } : {};
}

/** `Ports`: each exposed port with its bindings (none published here: `null`), while running. */
export function portMap(container: Container): Record<string, null> {
  if (!container.state.running || container.state.restarting) return {};
  return Object.fromEntries(
    Object.keys(container.config.ExposedPorts ?? {})
      .sort()
      .map((port) => [port, null]),
  );
}

/** The full NetworkSettings of inspect. */
export function inspectNetworkSettings(container: Container, bridgeId: string): Record<string, unknown> {
  const ep = container.endpoint;
  return {
    Bridge: '',
    SandboxID: ep?.sandboxId ?? '',
    SandboxKey: ep ? `/var/run/docker/netns/${ep.sandboxId.slice(0, 12)}` : '',
    Ports: portMap(container),
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: ep?.endpointId ?? '',
    Gateway: ep ? BRIDGE.gateway : '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: ep?.ipAddress ?? '',
    IPPrefixLen: ep ? BRIDGE.prefixLength : 0,
    IPv6Gateway: '',
    MacAddress: ep?.macAddress ?? '',
    Networks: networksOf(container, bridgeId),
  };
}
