// A container's NetworkSettings as the Engine API shows them: the sandbox (its network namespace),
// its ports — each exposed port with the host ports it is published on (`{"80/tcp":
// [{"HostIp":"0.0.0.0","HostPort":"8080"},{"HostIp":"::","HostPort":"8080"}]}`, `null` when only
// exposed) — and one EndpointSettings per network it is configured for. While the container is not
// running it keeps its place on each network (the network's ID) but has no endpoint, address or
// sandbox. The top-level address fields describe the default bridge only, as in moby, so a
// container on a user-defined network shows `"IPAddress": ""` there and its address under
// `Networks`.
import type { NetworkEndpoint } from '../networks/network';
import { comparePortKeys, splitProtoPort, type PublishedPort } from '../networks/ports';
import type { Container } from './container';
import { networkModeOf } from './host-config';
import type { ContainerService } from './service';

/** One network connection (moby `network.EndpointSettings`), fields in moby's order. */
function endpointSettings(
  svc: ContainerService,
  networkId: string | undefined,
  request: { Aliases: string[] | null; IPAMConfig: Record<string, unknown> | null },
  ep: NetworkEndpoint | undefined,
): Record<string, unknown> {
  const network = networkId ? svc.networking.networks.get(networkId) : undefined;
  const live = ep !== undefined && ep.ipAddress !== '';
  return {
    IPAMConfig: request.IPAMConfig,
    Links: null,
    Aliases: request.Aliases,
    MacAddress: ep?.macAddress ?? '',
    DriverOpts: null,
    GwPriority: 0,
    NetworkID: networkId ?? '',
    EndpointID: ep?.endpointId ?? '',
    Gateway: live ? (network?.pool?.gatewayText ?? '') : '',
    IPAddress: ep?.ipAddress ?? '',
    IPPrefixLen: live ? (network?.prefixLength ?? 0) : 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: ep && ep.dnsNames.length > 0 ? [...ep.dnsNames] : null,
  };
}

/** `Networks`: one entry per network the container is configured for, by name (Go sorts map keys). */
export function networksOf(svc: ContainerService, container: Container): Record<string, unknown> {
  const networking = svc.networking.attachments.of(container.id);
  const out: Record<string, unknown> = {};
  for (const name of [...(networking?.attachments.keys() ?? [])].sort()) {
    const attachment = networking!.attachments.get(name)!;
    const network = attachment.networkId ? svc.networking.networks.get(attachment.networkId) : undefined;
    const ep = network ? networking!.endpoints.get(network.id) : undefined;
    out[name] = endpointSettings(svc, network?.id, attachment.request, ep);
  }
  return out;
}

/** The host ports a running container's ports are published on. */
function publishedOf(svc: ContainerService, container: Container): PublishedPort[] {
  if (!container.state.running || container.state.restarting) return [];
  return svc.networking.attachments.of(container.id)?.ports ?? [];
}

/** The port keys shown: exposed ports and published ones, in port order. */
function portKeys(container: Container, published: readonly PublishedPort[]): string[] {
  const keys = new Set(Object.keys(container.config.ExposedPorts ?? {}));
  for (const p of published) keys.add(`${p.privatePort}/${p.protocol}`);
  return [...keys].sort(comparePortKeys);
}

/** `Ports` of inspect: each exposed port with its bindings (`null` when not published), while running. */
export function portMap(svc: ContainerService, container: Container): Record<string, unknown> {
  if (!container.state.running || container.state.restarting) return {};
  const mode = networkModeOf(container.hostConfig);
  if (mode === 'host' || mode === 'none') return {};
  const published = publishedOf(svc, container);
  const out: Record<string, unknown> = {};
  for (const key of portKeys(container, published)) {
    const { port, protocol } = splitProtoPort(key);
    const mine = published.filter((p) => p.privatePort === Number(port) && p.protocol === protocol);
    out[key] = mine.length === 0 ? null : mine.map((p) => ({ HostIp: p.hostIp, HostPort: String(p.hostPort) }));
  }
  return out;
}

/** `Ports` of `/containers/json` (moby Port: IP, PrivatePort, PublicPort, Type). */
export function portList(svc: ContainerService, container: Container): Record<string, unknown>[] {
  const map = portMap(svc, container);
  return Object.entries(map).flatMap(([key, bindings]) => {
    const { port, protocol } = splitProtoPort(key);
    if (bindings === null) return [{ PrivatePort: Number(port), Type: protocol }];
    return (bindings as { HostIp: string; HostPort: string }[]).map((b) => ({
      IP: b.HostIp,
      PrivatePort: Number(port),
      PublicPort: Number(b.HostPort),
      Type: protocol,
    }));
  });
}

/** The full NetworkSettings of inspect. */
export function inspectNetworkSettings(svc: ContainerService, container: Container): Record<string, unknown> {
  const sandbox = container.endpoint;
  const bridge = svc.networking.networks.defaultBridge;
  const onBridge = sandbox ? svc.networking.attachments.of(container.id)?.endpoints.get(bridge.id) : undefined;
  return {
    Bridge: '',
    SandboxID: sandbox?.sandboxId ?? '',
    SandboxKey: sandbox
      ? networkModeOf(container.hostConfig) === 'host'
        ? '/var/run/docker/netns/default'
        : `/var/run/docker/netns/${sandbox.sandboxId.slice(0, 12)}`
      : '',
    Ports: portMap(svc, container),
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: onBridge?.endpointId ?? '',
    Gateway: onBridge ? bridge.pool!.gatewayText : '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: onBridge?.ipAddress ?? '',
    IPPrefixLen: onBridge ? bridge.prefixLength : 0,
    IPv6Gateway: '',
    MacAddress: onBridge?.macAddress ?? '',
    Networks: networksOf(svc, container),
  };
}
