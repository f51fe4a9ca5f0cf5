// How apt prints sizes, durations and package lists (apt-pkg/contrib/strutl.cc SizeToStr and
// TimeToStr, apt-private/private-output.cc ShowList): sizes in powers of 1000 with one decimal
// below 100 (`55.4 kB`, `8792 kB`, `12.3 MB`); package names wrapped to the terminal width (80
// columns when there is no terminal), each line indented by two spaces.

/** SizeToStr: `1427 k`, `55.4 k`, `12.3 M` (callers add the unit, `B` or `B/s`). */
export function sizeToStr(bytes: number): string {
  const ext = ['', 'k', 'M', 'G', 'T'];
  let size = bytes;
  for (let i = 0; i < ext.length; i++) {
    if (size < 100 && i !== 0) return `${size.toFixed(1)} ${ext[i]}`;
    if (size < 10000) return `${size.toFixed(0)} ${ext[i]}`;
    size /= 1000;
  }
  return `${size.toFixed(0)} P`;
}

/** TimeToStr: `0s`, `12s`, `1min 5s`. */
export function timeToStr(seconds: number): string {
  const s = Math.floor(seconds);
  if (s >= 60) return `${Math.floor(s / 60)}min ${s % 60}s`;
  return `${s}s`;
}

/** ShowList: the title, then the items wrapped as apt wraps them. */
export function showList(title: string, items: readonly string[], screenWidth = 80): string {
  if (items.length === 0) return '';
  const width = screenWidth - 3;
  let out = title;
  let used = 0;
  for (const item of items) {
    if (used === 0 || used + item.length >= width) {
      out += '\n  ';
      used = 0;
    } else {
      out += ' ';
      used += 1;
    }
    out += item;
    used += item.length;
  }
  return `${out}\n`;
}
