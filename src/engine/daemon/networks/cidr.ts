// IPv4 addresses and prefixes (CIDR blocks) as Docker's IPAM reads them with Go's net/netip:
// `172.18.0.0/16` is a prefix — a base address and how many leading bits are fixed. Parsing is
// strict as netip.ParsePrefix is: four decimal octets without leading zeros, a `/` and 0–32 bits;
// anything else is not a CIDR block. A prefix whose host bits are not zero (`172.18.0.1/16`)
// parses, and IPAM then says what it should be (`172.18.0.0/16`).

/** An IPv4 address as an unsigned 32-bit number. */
export type Ipv4 = number;

export interface Prefix {
  /** The address as written (host bits may be set). */
  address: Ipv4;
  /** Leading bits that name the network: 16 in `/16`. */
  bits: number;
}

/** `172.17.0.1` → its number; undefined for anything that is not a dotted IPv4 address. */
export function parseIpv4(text: string): Ipv4 | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(address: Ipv4): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

/** `172.18.0.0/16` → a prefix; undefined when it is not a CIDR block. */
export function parsePrefix(text: string): Prefix | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseIpv4(text.slice(0, slash));
  const bitsText = text.slice(slash + 1);
  if (address === undefined || !/^(0|[1-9]\d?)$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  return bits > 32 ? undefined : { address, bits };
}

/** How many addresses the prefix spans (2^(32-bits)). */
export function sizeOf(prefix: Prefix): number {
  return 2 ** (32 - prefix.bits);
}

/** The first address of the block: the base with every host bit cleared. */
export function networkOf(prefix: Prefix): Ipv4 {
  const size = sizeOf(prefix);
  return Math.floor(prefix.address / size) * size;
}

/** The prefix with its host bits cleared (netip.Prefix.Masked). */
export function masked(prefix: Prefix): Prefix {
  return { address: networkOf(prefix), bits: prefix.bits };
}

export function formatPrefix(prefix: Prefix): string {
  return `${formatIpv4(prefix.address)}/${prefix.bits}`;
}

export function contains(prefix: Prefix, address: Ipv4): boolean {
  const first = networkOf(prefix);
  return address >= first && address < first + sizeOf(prefix);
}

/** True when the two blocks share at least one address. */
export function overlaps(a: Prefix, b: Prefix): boolean {
  const [aFirst, bFirst] = [networkOf(a), networkOf(b)];
  return aFirst < bFirst + sizeOf(b) && bFirst < aFirst + sizeOf(a);
}
