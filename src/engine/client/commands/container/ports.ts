// `-p 8080:80` and `--expose 7000`, read as docker reads them (go-connections `nat`): a port
// spec is `[ip:][hostPort:]containerPort[/proto]`, ports may be ranges (`3000-3005`), and the
// result is two maps the create request carries — the container's exposed ports
// (`{"80/tcp":{}}`) and how host ports map onto them (`{"80/tcp":[{"HostIp":"","HostPort":"8080"}]}`).
// `-p` also takes the long form `target=80,published=8080,protocol=udp`, which the CLI rewrites
// to the short one first.
import { parseIp } from '../network/ip-address';

export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

export class PortSpecError extends Error {
  override name = 'PortSpecError';
}

function parseUint16(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new PortSpecError(text);
  return Number(text);
}

/** nat.ParsePortRange: `80` or `3000-3005`. */
export function parsePortRange(text: string): [number, number] {
  if (text === '') throw new PortSpecError('empty string specified for ports');
  if (!text.includes('-')) {
    const port = parseUint16(text);
    return [port, port];
  }
  const [a = '', b = ''] = text.split('-');
  const start = parseUint16(a);
  const end = parseUint16(b);
  if (end < start) throw new PortSpecError(`invalid range specified for port: ${text}`);
  return [start, end];
}

/** nat.SplitProtoPort: `80/udp` → [udp, 80]; `80` → [tcp, 80]. */
export function splitProtoPort(text: string): [string, string] {
  const parts = text.split('/');
  if (text === '' || parts[0] === '') return ['', ''];
  if (parts.length === 1) return ['tcp', text];
  if (parts[1] === '') return ['tcp', parts[0]!];
  return [parts[1]!, parts[0]!];
}

function splitParts(raw: string): [string, string, string] {
  const parts = raw.split(':');
  const n = parts.length;
  const container = parts[n - 1]!;
  if (n === 1) return ['', '', container];
  if (n === 2) return ['', parts[0]!, container];
  if (n === 3) return [parts[0]!, parts[1]!, container];
  return [parts.slice(0, n - 2).join(':'), parts[n - 2]!, container];
}

/** nat.ParsePortSpec: one `-p` value as (port, binding) pairs. */
export function parsePortSpec(raw: string): { port: string; binding: PortBinding }[] {
  const parts = splitParts(raw);
  let ip = parts[0];
  const [, hostPort, containerText] = parts;
  const [protoText, containerPort] = splitProtoPort(containerText);
  if (ip.startsWith('[')) ip = ip.replace(/^\[/, '').replace(/\]$/, '');
  if (ip !== '' && !parseIp(ip)) throw new PortSpecError(`invalid IP address: ${ip}`);
  if (containerPort === '') throw new PortSpecError(`no port specified: ${raw}<empty>`);
  let start: number;
  let end: number;
  try {
    [start, end] = parsePortRange(containerPort);
  } catch {
    throw new PortSpecError(`invalid containerPort: ${containerPort}`);
  }
  let hostStart = 0;
  let hostEnd = 0;
  if (hostPort !== '') {
    try {
      [hostStart, hostEnd] = parsePortRange(hostPort);
    } catch {
      throw new PortSpecError(`invalid hostPort: ${hostPort}`);
    }
    if (end - start !== hostEnd - hostStart && end !== start) {
      throw new PortSpecError(
        `invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`,
      );
    }
  }
  const proto = protoText.toLowerCase();
  if (!['tcp', 'udp', 'sctp'].includes(proto)) throw new PortSpecError(`invalid proto: ${proto}`);
  const out: { port: string; binding: PortBinding }[] = [];
  for (let i = 0; i <= end - start; i++) {
    let host = hostPort === '' ? '' : String(hostStart + i);
    if (start === end && hostStart !== hostEnd) host = `${host}-${hostEnd}`;
    out.push({ port: `${start + i}/${proto}`, binding: { HostIp: ip, HostPort: host } });
  }
  return out;
}

/** convertToStandardNotation: `target=80,published=8080` → `8080:80/tcp`; short forms as they are. */
export function standardPortNotation(raw: string): string {
  if (!raw.includes('=')) return raw;
  const params: Record<string, string> = { protocol: 'tcp' };
  for (const param of raw.split(',')) {
    const eq = param.indexOf('=');
    if (eq <= 0) throw new PortSpecError(`invalid publish opts format (should be name=value but got '${param}')`);
    params[param.slice(0, eq)] = param.slice(eq + 1);
  }
  return `${params['published'] ?? ''}:${params['target'] ?? ''}/${params['protocol']}`;
}

/** All `-p` and `--expose` values: the exposed ports and the host bindings, in first-seen order. */
export function parsePorts(
  publish: readonly string[],
  expose: readonly string[],
): { exposed: Map<string, true>; bindings: Map<string, PortBinding[]> } {
  const exposed = new Map<string, true>();
  const bindings = new Map<string, PortBinding[]>();
  const standard = publish.map(standardPortNotation);
  for (const raw of standard) {
    for (const { port, binding } of parsePortSpec(raw)) {
      exposed.set(port, true);
      bindings.set(port, [...(bindings.get(port) ?? []), binding]);
    }
  }
  for (const raw of expose) {
    if (raw.includes(':')) throw new PortSpecError(`invalid port format for --expose: ${raw}`);
    const [proto, port] = splitProtoPort(raw);
    let range: [number, number];
    try {
      range = parsePortRange(port);
    } catch (err) {
      const reason =
        (err as Error).message === port
          ? `strconv.ParseUint: parsing "${port}": invalid syntax`
          : (err as Error).message;
      throw new PortSpecError(`invalid range format for --expose: ${raw}, error: ${reason}`);
    }
    for (let p = range[0]; p <= range[1]; p++) exposed.set(`${p}/${proto}`, true);
  }
  return { exposed, bindings };
}
