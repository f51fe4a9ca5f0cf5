// Image sizes as Docker reports them.
//
// What is counted (classic store, overlay2): when a layer is registered, the driver unpacks its
// tar into the layer's `diff` directory and records the size of that directory
// (`daemon/graphdriver/overlay2` ApplyDiff → `pkg/directory.Size`): the sum of `lstat` sizes of
// everything that is not a directory — so regular files count their content and symlinks the
// length of their target — with hard-linked files counted once. Whiteouts become 0-byte device
// nodes and opaque markers become xattrs, so neither counts. Tar headers, padding and compression
// count for nothing. An image's `Size` (`docker images`, inspect) is the sum over its layers
// (`roLayer.Size()` adds the parent chain).
//
// How it is printed: go-units `HumanSizeWithPrecision(size, precision)`: decimal units
// (B, kB, MB, GB…, no space) and Go's `%.*g`. `docker images` uses 3 significant digits
// (`7.8MB`, `13.3kB`); progress bars use go-units `HumanSize`, i.e. 4 (`3.642MB`).
import type { FsEntry } from '../layer/entry';
import { WHITEOUT_PREFIX } from '../layer/entry';
import { utf8 } from '../bytes';

/** The size overlay2 records for one layer, given the entries of its tar in order. */
export function layerDiffSize(entries: readonly FsEntry[]): number {
  // Each path points at an inode; a hardlink shares its target's. Later entries replace earlier.
  const inodeOf = new Map<string, number>();
  const sizeOf = new Map<number, number>();
  let next = 0;
  for (const entry of entries) {
    const base = entry.path.slice(entry.path.lastIndexOf('/') + 1);
    if (base.startsWith(WHITEOUT_PREFIX)) continue;
    if (entry.type === 'hardlink') {
      const target = entry.linkname === undefined ? undefined : inodeOf.get(entry.linkname);
      if (target !== undefined) inodeOf.set(entry.path, target);
      continue;
    }
    const inode = next++;
    inodeOf.set(entry.path, inode);
    if (entry.type === 'file') sizeOf.set(inode, entry.content?.length ?? 0);
    else if (entry.type === 'symlink') sizeOf.set(inode, utf8(entry.linkname ?? '').length);
  }
  let total = 0;
  for (const inode of new Set(inodeOf.values())) total += sizeOf.get(inode) ?? 0;
  return total;
}

/** An image's `Size`: the sum of its layers' diff sizes, layers given base first. */
export function imageSize(layers: readonly (readonly FsEntry[])[]): number {
  return layers.reduce((sum, entries) => sum + layerDiffSize(entries), 0);
}

const decimalUnits = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/**
 * `value` rounded to `precision` significant digits the way Go's strconv does: on the exact binary
 * value, ties to even (JavaScript's toPrecision rounds ties up: 1.125 → "1.13", Go → "1.12").
 * Returns the digits without trailing zeros and the decimal exponent of the first one.
 */
function roundSignificant(value: number, precision: number): { digits: string; exponent: number } {
  if (value === 0) return { digits: '0', exponent: 0 };
  // 100 significant digits hold the exact expansion of any double of a sensible magnitude.
  const [mantissa = '0', exp = '0'] = Math.abs(value).toExponential(99).split('e');
  const all = mantissa.replace('.', '');
  let exponent = Number(exp);
  const kept = all.slice(0, precision).split('').map(Number);
  const rest = all.slice(precision);
  const half = '5'.padEnd(rest.length, '0'); // same length, so string order is numeric order
  const up = rest > half || (rest === half && kept[kept.length - 1]! % 2 === 1);
  if (up) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i >= 0) kept[i]!++;
    else {
      kept.unshift(1);
      kept.pop();
      exponent++;
    }
  }
  return { digits: kept.join('').replace(/0+$/, '') || '0', exponent };
}

/** Go's `%.*g`: `precision` significant digits, no trailing zeros, `e+NN` for large exponents. */
export function formatG(value: number, precision: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
  const p = Math.max(precision, 1);
  const { digits, exponent } = roundSignificant(value, p);
  const sign = value < 0 ? '-' : '';
  if (exponent < -4 || exponent >= p) {
    const fraction = digits.slice(1);
    const e = `e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return sign + digits[0] + (fraction ? '.' + fraction : '') + e;
  }
  if (exponent < 0) return sign + '0.' + '0'.repeat(-exponent - 1) + digits;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return sign + whole + (fraction ? '.' + fraction : '');
}

/**
 * go-units `HumanSizeWithPrecision`: divide by 1000 while the value is at least 1000, then print
 * with `precision` significant digits. The default, 3, is what `docker images` and `docker ps -s`
 * print; pass 4 for go-units `HumanSize` (pull and push progress).
 */
export function humanSize(size: number, precision = 3): string {
  let value = size;
  let unit = 0;
  while (value >= 1000 && unit < decimalUnits.length - 1) {
    value /= 1000;
    unit++;
  }
  return formatG(value, precision) + decimalUnits[unit];
}
