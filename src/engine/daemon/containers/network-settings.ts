// A container's NetworkSettings as the Engine API shows them: the sandbox (its network namespace),
// its ports — each exposed port with the host ports it is published on (`{"80/tcp":
// [{"HostIp":"0.0.0.0","HostPort":"8080"},{"HostIp":"::","HostPort":"8080"}]}`, `null` when only
// exposed) — and one EndpointSettings per network it is configured for. While the container is not
// running it keeps its place on each network (the network's ID) but has no endpoint, address or
// sandbox. The top-level address fields describe the default bridge only, as in moby, so a
// container on a user-defined network shows `"IPAddress": ""` there and its address under
// `Networks`.
import { sortedMap } from '../api/responses';
import type { AddressPool } from '../networks/ipam';
import type { Network, NetworkEndpoint } from '../networks/network';
import { comparePortKeys, splitProtoPort, type PublishedPort } from '../networks/ports';
import type { Container } from './container';
import { networkModeOf } from './host-config';
import type { ContainerService } from './service';

/** A gateway's dotted text, worked out once per address pool (pools never change their gateway). */
const gatewayTexts = new WeakMap<AddressPool, string>();

function gatewayOf(pool: AddressPool | undefined): string {
  if (pool === undefined) return '';
  let text = gatewayTexts.get(pool);
  if (text === undefined) {
    text = pool.gatewayText;
    gatewayTexts.set(pool, text);
  }
  return text;
}

/** One network connection (moby `network.EndpointSettings`), fields in moby's order. */
function endpointSettings(
  network: Network | undefined,
  request: { Aliases: string[] | null; IPAMConfig: Record<string, unknown> | null },
  ep: NetworkEndpoint | undefined,
): Record<string, unknown> {
  const live = ep !== undefined && ep.ipAddress !== '';
  return {
    IPAMConfig: request.IPAMConfig,
    Links: null,
    Aliases: request.Aliases,
    MacAddress: ep?.macAddress ?? '',
    DriverOpts: null,
    GwPriority: 0,
    NetworkID: network?.id ?? '',
    EndpointID: ep?.endpointId ?? '',
    Gateway: live ? gatewayOf(network?.pool) : '',
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
  if (networking === undefined) return out;
  const { attachments, endpoints } = networking;
  // Nearly every container is on one network: no need to copy and sort its one name.
  const names = attachments.size === 1 ? attachments.keys() : [...attachments.keys()].sort();
  for (const name of names) {
    const attachment = attachments.get(name)!;
    const network = attachment.networkId ? svc.networking.networks.get(attachment.networkId) : undefined;
    const ep = network ? endpoints.get(network.id) : undefined;
    out[name] = endpointSettings(network, attachment.request, ep);
  }
  return out;
}

/** One port key (`80/tcp`) with the host ports it is published on, if any. */
interface PortEntry {
  key: string;
  port: number;
  protocol: string;
  bindings: PublishedPort[];
}

/**
 * A running container's ports: its exposed ports and published ones, in port order, each with its
 * bindings. None while it is not running, nor on the `host` or `none` network, nor in another
 * container's namespace.
 */
function portEntries(svc: ContainerService, container: Container): PortEntry[] {
  if (!container.state.running || container.state.restarting) return [];
  const mode = networkModeOf(container.hostConfig);
  if (mode === 'host' || mode === 'none' || mode.startsWith('container:')) return [];
  const published = svc.networking.attachments.of(container.id)?.ports ?? [];
  const exposed = container.config.ExposedPorts;
  if (published.length === 0 && (exposed === null || exposed === undefined)) return [];
  const keys = new Set(Object.keys(exposed ?? {}));
  for (const p of published) keys.add(`${p.privatePort}/${p.protocol}`);
  return [...keys].sort(comparePortKeys).map((key) => {
    const split = splitProtoPort(key);
    const port = Number(split.port);
    const bindings = published.filter((p) => p.privatePort === port && p.protocol === split.protocol);
    return { key, port, protocol: split.protocol, bindings };
  });
}

/** `Ports` of inspect: each exposed port with its bindings (`null` when not published), while running. */
export function portMap(svc: ContainerService, container: Container): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, bindings } of portEntries(svc, container)) {
    out[key] = bindings.length === 0 ? null : bindings.map((p) => ({ HostIp: p.hostIp, HostPort: String(p.hostPort) }));
  }
  // a Go map (nat.PortMap): keys as text, so `443/tcp` comes before `80/tcp`
  return sortedMap(out)!;
}

/** One row of `Ports` in `/containers/json` (moby container.Port); no PublicPort when only exposed. */
export interface PortRow {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

/** `Ports` of `/containers/json` (moby Port: IP, PrivatePort, PublicPort, Type). */
export function portList(svc: ContainerService, container: Container): PortRow[] {
  return portEntries(svc, container).flatMap(({ port, protocol, bindings }) => {
    if (bindings.length === 0) return [{ PrivatePort: port, Type: protocol }];
    return bindings.map((b) => ({ IP: b.hostIp, PrivatePort: port, PublicPort: b.hostPort, Type: protocol }));
  });
}

/** The full NetworkSettings of inspect. */
export function inspectNetworkSettings(svc: ContainerService, container: Container): Record<string, unknown> {
  // none for a container in another's namespace (`--network container:`): it has no sandbox of its own
  const sandbox = container.endpoint?.sandboxId === '' ? undefined : container.endpoint;
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
