// The "Options:" block of `docker … --help`, laid out as spf13/pflag lays it out
// (FlagUsagesWrapped): flags sorted by name, one column for `-s, --name type`, the usage text
// aligned after the longest of them, wrapped to the terminal's width (80 columns when help is not
// printed to a terminal, minus one), continuation lines indented under the usage column.
//
//   -a, --all             Show all images (default hides intermediate images)
//       --digests         Show digests
//   -f, --filter filter   Filter output based on conditions provided
import type { FlagSpec } from './flag';

/** pflag's wrapN: split `s` at the last blank before `i`, or keep it whole when it fits in `i + slop`. */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag's wrap: `s` wrapped to `width` columns, lines after the first indented by `indent`. */
function wrap(indent: number, width: number, s: string): string {
  if (width === 0) return s.replaceAll('\n', '\n' + ' '.repeat(indent));
  let i = indent;
  let room = width - i;
  let out = '';
  if (room < 24) {
    i = 16;
    room = width - i;
    out += '\n' + ' '.repeat(i);
  }
  if (room < 24) return s.replaceAll('\n', out);
  const slop = 5;
  room -= slop;
  const pad = ' '.repeat(i);
  let [line, rest] = wrapN(room, slop, s);
  out += line.replaceAll('\n', '\n' + pad);
  while (rest !== '') {
    [line, rest] = wrapN(room, slop, rest);
    out += '\n' + pad + line.replaceAll('\n', '\n' + pad);
  }
  return out;
}

/** pflag's UnquoteUsage: a `back-quoted` word in the usage names the value; else the type does. */
function unquoteUsage(flag: FlagSpec): { name: string; usage: string } {
  const open = flag.usage.indexOf('`');
  if (open >= 0) {
    const close = flag.usage.indexOf('`', open + 1);
    if (close > open) {
      const name = flag.usage.slice(open + 1, close);
      return { name, usage: flag.usage.slice(0, open) + name + flag.usage.slice(close + 1) };
    }
  }
  return { name: flag.type, usage: flag.usage };
}

/** The flag lines of help, wrapped to `columns` (0: no wrapping), each ending in a newline. */
export function flagUsages(flags: readonly FlagSpec[], columns: number): string {
  const visible = [...flags].filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lines: { left: string; right: string }[] = [];
  let longest = 0;
  for (const flag of visible) {
    let left = flag.short ? `  -${flag.short}, --${flag.name}` : `      --${flag.name}`;
    const { name, usage } = unquoteUsage(flag);
    if (name) left += ' ' + name;
    if (flag.noOptDefault !== undefined) {
      if (flag.type === 'string') left += `[="${flag.noOptDefault}"]`;
      else if (flag.type !== '' || flag.noOptDefault !== 'true') left += `[=${flag.noOptDefault}]`;
    }
    longest = Math.max(longest, left.length + 1);
    let right = usage;
    if (flag.defaultText !== undefined) right += ` (default ${flag.defaultText})`;
    if (flag.deprecated) right += ` (DEPRECATED: ${flag.deprecated})`;
    lines.push({ left, right });
  }
  // pflag's Fprintln(left, spacing, wrapped): the blanks between the three make the column.
  return lines
    .map(({ left, right }) => `${left} ${' '.repeat(longest - left.length)} ${wrap(longest + 2, columns, right)}\n`)
    .join('');
}
