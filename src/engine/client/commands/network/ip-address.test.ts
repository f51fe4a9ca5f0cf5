import { describe, expect, test } from 'vitest';
import { cidrContains, formatIp, parseCidr, parseIp } from './ip-address';

describe('IP addresses as Go reads and prints them', () => {
  test.each([
    ['1.2.3.4', '1.2.3.4'],
    ['255.255.255.255', '255.255.255.255'],
    ['::ffff:1.2.3.4', '1.2.3.4'],
    ['2001:DB8::1', '2001:db8::1'],
    ['::', '::'],
    ['::1', '::1'],
    ['fd00:0:0:1:0:0:0:5', 'fd00:0:0:1::5'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
    ['::1.2.3.4', '::102:304'],
  ])('%s prints as %s', (text, printed) => {
    expect(formatIp(parseIp(text)!)).toBe(printed);
  });

  test.each([
    '',
    'bad',
    'a:b',
    '1.2.3',
    '1.2.3.256',
    '01.2.3.4',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '12345::',
    'fe80::1%eth0',
  ])('%j is not an address', (text) => {
    expect(parseIp(text)).toBeUndefined();
  });

  test.each([
    ['10.0.0.0/8', '10.1.2.3', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['172.30.0.0/16', '172.30.255.1', true],
    ['10.0.0.5/8', '10.200.0.1', true],
    ['fd00::/64', 'fd00::9', true],
    ['fd00::/64', 'fd01::9', false],
    ['10.0.0.0/8', '::ffff:10.0.0.1', true],
  ])('%s contains %s: %s', (cidr, ip, inside) => {
    expect(cidrContains(parseCidr(cidr)!, parseIp(ip))).toBe(inside);
  });

  test.each(['bad', '10.0.0.0', '10.0.0.0/33', '10.0.0.0/x', 'fd00::/129'])('%j is not a CIDR block', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});
