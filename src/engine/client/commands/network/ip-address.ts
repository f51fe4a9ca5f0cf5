// IP addresses and CIDR blocks as the docker CLI reads them (Go's `net.ParseIP`, `net.ParseCIDR`,
// `IP.String()`): `172.18.0.5`, `fd00::5`, `::ffff:1.2.3.4` (an IPv4 address written as IPv6),
// `172.18.0.0/16`. The CLI checks a few of them itself before asking the daemon — `--dns 8.8.8.8`,
// a `-p` host address, `network create --subnet/--ip-range/--gateway` — and prints them back the
// way Go does: IPv4 dotted, IPv6 lower-case with the longest run of zero groups written `::`.

/** An address: 16 bytes, IPv4 stored as IPv4-mapped IPv6 (as Go's ParseIP returns it). */
export type IpBytes = Uint8Array;

const V4_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || (part.length > 1 && part.startsWith('0'))) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    bytes.push(n);
  }
  return bytes;
}

function parseGroups(text: string, allowV4Tail: boolean): number[] | undefined {
  if (text === '') return [];
  const groups = text.split(':');
  const bytes: number[] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    if (allowV4Tail && i === groups.length - 1 && group.includes('.')) {
      const v4 = parseIpv4(group);
      if (!v4) return undefined;
      bytes.push(...v4);
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    const n = parseInt(group, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  return bytes;
}

function parseIpv6(text: string): number[] | undefined {
  const ellipsis = text.indexOf('::');
  if (ellipsis >= 0 && text.indexOf('::', ellipsis + 1) >= 0) return undefined;
  if (ellipsis < 0) {
    const bytes = parseGroups(text, true);
    return bytes?.length === 16 ? bytes : undefined;
  }
  const head = parseGroups(text.slice(0, ellipsis), false);
  const tail = parseGroups(text.slice(ellipsis + 2), true);
  if (!head || !tail || head.length + tail.length > 14) return undefined;
  return [...head, ...new Array<number>(16 - head.length - tail.length).fill(0), ...tail];
}

/** net.ParseIP: the address, or undefined when `text` is not one. */
export function parseIp(text: string): IpBytes | undefined {
  const v4 = parseIpv4(text);
  if (v4) return Uint8Array.from([...V4_PREFIX, ...v4]);
  if (!text.includes(':')) return undefined;
  const v6 = parseIpv6(text);
  return v6 ? Uint8Array.from(v6) : undefined;
}

/** IP.To4: the four bytes of an IPv4 (or IPv4-mapped) address, else undefined. */
export function to4(ip: IpBytes): Uint8Array | undefined {
  if (ip.length === 4) return ip;
  return V4_PREFIX.every((b, i) => ip[i] === b) ? ip.slice(12) : undefined;
}

/** IP.String: `1.2.3.4`, `2001:db8::1`. */
export function formatIp(ip: IpBytes): string {
  const v4 = to4(ip);
  if (v4) return [...v4].join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((ip[i]! << 8) | ip[i + 1]!);
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength && j - i >= 2) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = (from: number, to: number) => groups.slice(from, to).map((g) => g.toString(16));
  if (bestStart < 0) return hex(0, 8).join(':');
  return `${hex(0, bestStart).join(':')}::${hex(bestStart + bestLength, 8).join(':')}`;
}

const maskByte = (bits: number, index: number) => {
  const keep = Math.max(0, Math.min(8, bits - index * 8));
  return (0xff << (8 - keep)) & 0xff;
};

export interface Cidr {
  /** The address as written before the slash. */
  ip: IpBytes;
  /** The network: 4 bytes for IPv4, 16 for IPv6, masked. */
  network: Uint8Array;
  bits: number;
}

/** net.ParseCIDR: `10.0.0.0/8`; undefined when not one. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(text.slice(0, slash));
  const bitsText = text.slice(slash + 1);
  if (!ip || !/^\d+$/.test(bitsText)) return undefined;
  const v4 = parseIpv4(text.slice(0, slash)) !== undefined;
  const bits = Number(bitsText);
  const length = v4 ? 4 : 16;
  if (bits > length * 8) return undefined;
  const raw = v4 ? ip.slice(12) : ip;
  const network = raw.map((b, i) => b & maskByte(bits, i));
  return { ip, network, bits };
}

/** IPNet.Contains */
export function cidrContains(cidr: Cidr, ip: IpBytes | undefined): boolean {
  if (!ip) return false;
  const candidate = cidr.network.length === 4 ? to4(ip) : ip;
  if (!candidate || candidate.length !== cidr.network.length) return false;
  return cidr.network.every((b, i) => (candidate[i]! & maskByte(cidr.bits, i)) === b);
}
