// The order docker/cli sorts names in before printing them (fvbommel/sortorder `NaturalLess`):
// runs of digits compare as numbers, so `net9` comes before `net10` and `53/udp` before
// `9000/tcp`; everything else compares byte by byte, and a digit sorts before a non-digit.

const isDigit = (code: number) => code >= 48 && code <= 57;

/** sortorder.NaturalLess over the UTF-8 bytes of both strings. */
export function naturalLess(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const dx = isDigit(x[i]!);
    const dy = isDigit(y[j]!);
    if (dx !== dy) return dx;
    if (!dx) {
      if (x[i] !== y[j]) return x[i]! < y[j]!;
      i++;
      j++;
      continue;
    }
    while (i < x.length && x[i] === 48) i++;
    while (j < y.length && y[j] === 48) j++;
    const startX = i;
    const startY = j;
    while (i < x.length && isDigit(x[i]!)) i++;
    while (j < y.length && isDigit(y[j]!)) j++;
    if (i - startX !== j - startY) return i - startX < j - startY;
    for (let k = 0; k < i - startX; k++) {
      if (x[startX + k] !== y[startY + k]) return x[startX + k]! < y[startY + k]!;
    }
    if (startX !== startY) return startX < startY;
  }
  return x.length < y.length;
}

/** A comparator for Array.prototype.sort built on naturalLess. */
export function naturalCompare(a: string, b: string): number {
  if (naturalLess(a, b)) return -1;
  return naturalLess(b, a) ? 1 : 0;
}
