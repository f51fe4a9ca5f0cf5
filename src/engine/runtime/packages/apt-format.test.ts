import { describe, expect, it } from 'vitest';
import { showList, sizeToStr, timeToStr } from './apt-format';

describe("apt's number formats", () => {
  it.each([
    [0, '0 '],
    [8800, '8800 '],
    [13_500, '13.5 k'],
    [151_000, '151 k'],
    [8_792_000, '8792 k'],
    [12_345_678, '12.3 M'],
    [19_300_000, '19.3 M'],
  ])('SizeToStr(%d) = %j', (n, s) => {
    expect(sizeToStr(n)).toBe(s);
  });

  it.each([
    [0.2, '0s'],
    [1.9, '1s'],
    [65, '1min 5s'],
  ])('TimeToStr(%d) = %j', (n, s) => {
    expect(timeToStr(n)).toBe(s);
  });
});

describe('ShowList', () => {
  it('wraps to 80 columns, every line indented by two spaces', () => {
    const names = [
      'ca-certificates',
      'krb5-locales',
      'libbrotli1',
      'libcurl4',
      'libgssapi-krb5-2',
      'libk5crypto3',
      'libkeyutils1',
    ];
    const out = showList('The following NEW packages will be installed:', names);
    expect(out).toBe(
      'The following NEW packages will be installed:\n  ca-certificates krb5-locales libbrotli1 libcurl4 libgssapi-krb5-2\n  libk5crypto3 libkeyutils1\n',
    );
    for (const line of out.split('\n').slice(1, -1)) expect(line.length).toBeLessThanOrEqual(79);
  });

  it('prints nothing for an empty list', () => {
    expect(showList('Suggested packages:', [])).toBe('');
  });
});
