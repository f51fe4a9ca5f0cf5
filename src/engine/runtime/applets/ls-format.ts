// How `ls -l` prints a file: type and permission bits as ten characters (`drwxr-xr-x`,
// `-rwsr-xr-x` for setuid, `drwxrwxrwt` for /tmp's sticky bit), the link count, owner and group
// names from the image's /etc/passwd and /etc/group, the size (or `4.0K` with -h), the time it
// was last modified (`Feb 14 03:28`, or `Feb 14  2024` when older than six months), the name.

import type { PathStats } from '../files';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `drwxr-xr-x`: the file type, then rwx for owner, group and others, with s/S/t/T for the special bits. */
export function modeString(type: PathStats['type'], mode: number): string {
  const kind = { file: '-', dir: 'd', symlink: 'l', chardev: 'c' }[type];
  const triplet = (shift: number, special: boolean, specialChar: string) => {
    const bits = (mode >> shift) & 7;
    const r = bits & 4 ? 'r' : '-';
    const w = bits & 2 ? 'w' : '-';
    const x = bits & 1;
    const last = special ? (x ? specialChar : specialChar.toUpperCase()) : x ? 'x' : '-';
    return `${r}${w}${last}`;
  };
  return (
    kind +
    triplet(6, (mode & 0o4000) !== 0, 's') +
    triplet(3, (mode & 0o2000) !== 0, 's') +
    triplet(0, (mode & 0o1000) !== 0, 't')
  );
}

/** `Feb 14 03:28`, or `Feb 14  2024` for a time more than six months away from now (UTC). */
export function lsDate(mtimeSeconds: number, nowMs: number): string {
  const d = new Date(mtimeSeconds * 1000);
  const month = MONTHS[d.getUTCMonth()] as string;
  const day = String(d.getUTCDate()).padStart(2);
  const sixMonths = 183 * 24 * 3600 * 1000;
  const recent = Math.abs(nowMs - mtimeSeconds * 1000) < sixMonths;
  if (recent) {
    const hh = String(d.getUTCHours()).padStart(2, '0');
    const mm = String(d.getUTCMinutes()).padStart(2, '0');
    return `${month} ${day} ${hh}:${mm}`;
  }
  return `${month} ${day}  ${d.getUTCFullYear()}`;
}

/** `ls -h` and `du -h` sizes: 512, 4.0K, 1.2M (one decimal below 10, as both BusyBox and GNU print). */
export function humanSize(bytes: number): string {
  const units = ['', 'K', 'M', 'G', 'T'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return String(bytes);
  if (value < 10) {
    const rounded = Math.ceil(value * 10) / 10;
    return rounded >= 10 ? `${Math.ceil(value)}${units[unit]}` : `${rounded.toFixed(1)}${units[unit]}`;
  }
  return `${Math.ceil(value)}${units[unit]}`;
}

/** 1K blocks a file occupies on disk (4K allocation units): what `ls -s`, `du` and `total` count. */
export function blocksOf(stats: PathStats): number {
  if (stats.type === 'symlink' || stats.type === 'chardev') return 0;
  return Math.ceil(stats.size / 4096) * 4;
}

/** Names in columns, filled down then across, as `ls` does on a terminal of `width` characters. */
export function columns(names: readonly string[], width = 80, gap = 2): string {
  if (names.length === 0) return '';
  const longest = Math.max(...names.map((n) => n.length)) + gap;
  const perRow = Math.max(1, Math.floor((width + gap) / longest));
  const rows = Math.ceil(names.length / perRow);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let c = 0; c * rows + r < names.length; c++) {
      const name = names[c * rows + r] as string;
      const last = (c + 1) * rows + r >= names.length;
      row.push(last ? name : name.padEnd(longest));
    }
    out.push(row.join(''));
  }
  return `${out.join('\n')}\n`;
}
