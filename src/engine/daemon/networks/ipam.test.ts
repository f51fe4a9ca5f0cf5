import { describe, expect, it } from 'vitest';
import { DaemonError } from '../api/errors';
import { formatPrefix, parsePrefix } from './cidr';
import { AddressPool, nextDefaultSubnet, validateIpam } from './ipam';

describe('CIDR parsing (netip.ParsePrefix)', () => {
  it.each([
    ['172.18.0.0/16', '172.18.0.0/16'],
    ['10.1.2.3/8', '10.1.2.3/8'],
    ['0.0.0.0/0', '0.0.0.0/0'],
  ])('%s', (text, shown) => expect(formatPrefix(parsePrefix(text)!)).toBe(shown));

  it.each(['300.0.0.0/16', '10.0.0.0', '10.0.0.0/33', '010.0.0.0/8', 'abc', '10.0.0/8', '10.0.0.0/'])(
    '%s is not a CIDR block',
    (text) => expect(parsePrefix(text)).toBeUndefined(),
  );
});

describe('ValidateIPAM, with moby words', () => {
  const message = (configs: Parameters<typeof validateIpam>[0]) => {
    try {
      validateIpam(configs);
      return 'ok';
    } catch (err) {
      expect(err).toBeInstanceOf(DaemonError);
      expect((err as DaemonError).status).toBe(400);
      return (err as Error).message;
    }
  };
  it.each([
    [[{ Subnet: '172.30.0.0/16' }], 'ok'],
    [[{ Subnet: '300.0.0.0/16' }], 'invalid network config:\ninvalid subnet 300.0.0.0/16: invalid CIDR block notation'],
    [
      [{ Subnet: '172.30.0.1/16' }],
      'invalid network config:\ninvalid subnet 172.30.0.1/16: it should be 172.30.0.0/16',
    ],
    [
      [{ Subnet: '172.30.0.0/16', Gateway: '10.0.0.1' }],
      "invalid network config:\ninvalid gateway 10.0.0.1: parent subnet 172.30.0.0/16 doesn't contain this address",
    ],
    [
      [{ Subnet: '172.30.0.0/16', IPRange: '172.31.0.0/24', Gateway: 'x' }],
      "invalid network config:\n* invalid ip-range 172.31.0.0/24: parent subnet 172.30.0.0/16 doesn't contain ip-range\n* invalid gateway x: invalid address",
    ],
  ])('%j', (configs, expected) => expect(message(configs)).toBe(expected));
});

describe('default address pools', () => {
  it('172.18.0.0/16 after the default bridge, skipping taken blocks; then 192.168.x.0/20', () => {
    const taken = ['172.17.0.0/16', '172.19.0.0/16'].map((t) => parsePrefix(t)!);
    expect(formatPrefix(nextDefaultSubnet(taken))).toBe('172.18.0.0/16');
    const all172 = Array.from({ length: 15 }, (_, i) => parsePrefix(`172.${17 + i}.0.0/16`)!);
    expect(formatPrefix(nextDefaultSubnet(all172))).toBe('192.168.0.0/20');
    expect(formatPrefix(nextDefaultSubnet([...all172, parsePrefix('192.168.0.0/20')!]))).toBe('192.168.16.0/20');
  });

  it('a pool gives the lowest free address after the gateway, inside the range, and takes one back', () => {
    const pool = new AddressPool(parsePrefix('172.18.0.0/16')!);
    expect(pool.gatewayText).toBe('172.18.0.1');
    const a = pool.allocate('a');
    const b = pool.allocate('b');
    pool.release(a);
    expect(pool.allocate('c')).toBe(a);
    expect(b - a).toBe(1);
    const ranged = new AddressPool(parsePrefix('10.5.0.0/16')!, undefined, parsePrefix('10.5.7.0/24')!);
    expect(ranged.allocate('x') % 65536).toBe(7 * 256);
  });
});
