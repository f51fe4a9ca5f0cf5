// A benchmark row and the printed table `npm run bench` shows. Targets are reported, never asserted:
// speed and memory goals live here, not in timed tests.
export interface BenchRow {
  /** Short id from the issue that asked for it (e.g. `P3`), or a descriptive name. */
  id: string;
  what: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. `>= 50 % of raw`. */
  target?: string;
  /** Whether the measured value meets the target, when there is one. */
  met?: boolean;
}

export type BenchSuite = () => Promise<BenchRow[]>;

function fmt(n: number): string {
  if (n >= 100) return n.toFixed(0);
  if (n >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

export function renderTable(rows: BenchRow[]): string {
  const cells = rows.map((r) => [
    r.id,
    r.what,
    `${fmt(r.value)} ${r.unit}`,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const head = ['id', 'what', 'measured', 'target', 'met'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => '| ' + c.map((s, i) => s.padEnd(widths[i]!)).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...cells.map(line)].join('\n');
}

/** Median of repeated timings of `fn`, in milliseconds. */
export async function medianMs(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
