// Ordering and rewriting lines and characters: sort (`-n` numbers, `-V` versions as nginx's
// entrypoint uses, `-k` keys, `-u` unique, `-r`), uniq (`-c` counts, `-d` repeated, `-u` unique)
// and tr (sets with ranges and classes like `[:upper:]`, `-d` delete, `-s` squeeze, `-c` complement).

import { decodeLenient, readAll } from '../streams';
import { parseArgs, withUsage } from './args';
import { linesOf, readTexts, writeLines } from './io';
import { registerApplet } from './registry';

/** `sort -V`: compare digit runs as numbers, the rest as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

registerApplet('sort', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, {
      flags: 'nrufVbhsmc',
      values: 'kto',
      long: {
        'numeric-sort': 'n',
        reverse: 'r',
        unique: 'u',
        'ignore-case': 'f',
        'version-sort': 'V',
        'key=': 'k',
        'field-separator=': 't',
        'output=': 'o',
      },
    });
    const { inputs, failed } = await readTexts(tool, operands, { gnu: (p, e) => `cannot read: ${p}: ${e.reason}` });
    let lines = inputs.flatMap(({ text }) => linesOf(text));
    const sep = options.get('t') as string | undefined;
    const keySpec = options.get('k') as string | undefined;
    const key = (line: string): string => {
      if (keySpec === undefined) return line;
      const [start, end] = keySpec.split(',').map((k) => Number(k.replace(/[a-zA-Z]+$/, '').split('.')[0]));
      const fields = sep === undefined ? line.trim().split(/\s+/) : line.split(sep);
      return fields.slice((start ?? 1) - 1, end === undefined ? undefined : end).join(sep ?? ' ');
    };
    const fold = options.has('f');
    const cmp = (a: string, b: string): number => {
      let x = key(a);
      let y = key(b);
      if (options.has('n') || options.has('h')) {
        const d = (parseFloat(x) || 0) - (parseFloat(y) || 0);
        if (d !== 0) return d;
      } else if (options.has('V')) {
        const d = compareVersions(x, y);
        if (d !== 0) return d;
      } else {
        if (fold) [x, y] = [x.toUpperCase(), y.toUpperCase()];
        if (x !== y) return x < y ? -1 : 1;
      }
      return a < b ? -1 : a > b ? 1 : 0;
    };
    lines.sort(cmp);
    if (options.has('r')) lines.reverse();
    if (options.has('u'))
      lines = lines.filter((l, i) => i === 0 || cmp(l, lines[i - 1] as string) !== 0 || (options.has('r') && false));
    const output = options.get('o') as string | undefined;
    if (output !== undefined) {
      tool.ctx.fs.writeFile(output, lines.map((l) => `${l}\n`).join(''));
      return failed ? 2 : 0;
    }
    await writeLines(tool, lines);
    return failed ? (tool.gnu ? 2 : 1) : 0;
  }),
);

registerApplet('uniq', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, {
      flags: 'cdui',
      long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' },
    });
    const { inputs, failed } = await readTexts(tool, operands.slice(0, 1));
    const lines = inputs.flatMap(({ text }) => linesOf(text));
    const same = (a: string, b: string) => (options.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
    const groups: { line: string; n: number }[] = [];
    for (const line of lines) {
      const last = groups[groups.length - 1];
      if (last !== undefined && same(last.line, line)) last.n++;
      else groups.push({ line, n: 1 });
    }
    const out = groups
      .filter((g) => (options.has('d') ? g.n > 1 : options.has('u') ? g.n === 1 : true))
      .map((g) => (options.has('c') ? `${String(g.n).padStart(7)} ${g.line}` : g.line));
    await writeLines(tool, out);
    return failed ? 1 : 0;
  }),
);

const CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
CLASSES.alpha = (CLASSES.upper as string) + CLASSES.lower;
CLASSES.alnum = (CLASSES.alpha as string) + CLASSES.digit;
CLASSES.xdigit = '0123456789ABCDEFabcdef';

/** A tr set (`a-z`, `[:upper:]`, `\n`) as the list of its characters. */
export function expandSet(spec: string): string[] {
  const chars: string[] = [];
  const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', f: '\f', v: '\v', a: '\x07', b: '\b' };
  for (let i = 0; i < spec.length; i++) {
    const cls = /^\[:([a-z]+):\]/.exec(spec.slice(i));
    if (cls !== null && CLASSES[cls[1] as string] !== undefined) {
      chars.push(...(CLASSES[cls[1] as string] as string));
      i += cls[0].length - 1;
      continue;
    }
    let c = spec[i] as string;
    if (c === '\\' && i + 1 < spec.length) {
      const n = spec[++i] as string;
      const oct = /^[0-7]{1,3}/.exec(spec.slice(i));
      if (oct !== null) {
        c = String.fromCharCode(parseInt(oct[0], 8));
        i += oct[0].length - 1;
      } else c = esc[n] ?? n;
    }
    if (spec[i + 1] === '-' && i + 2 < spec.length) {
      const end = spec[i + 2] as string;
      for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++) chars.push(String.fromCharCode(code));
      i += 2;
      continue;
    }
    chars.push(c);
  }
  return chars;
}

registerApplet('tr', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, {
      flags: 'dscC',
      long: { delete: 'd', 'squeeze-repeats': 's', complement: 'c' },
    });
    const [set1, set2] = operands;
    if (set1 === undefined || (!options.has('d') && !options.has('s') && set2 === undefined)) {
      return tool.fail(
        tool.gnu ? "missing operand\nTry 'tr --help' for more information." : 'usage: tr [-cds] STRING1 [STRING2]',
      );
    }
    const from = expandSet(set1);
    const to = set2 === undefined ? [] : expandSet(set2);
    const complement = options.has('c') || options.has('C');
    const inFrom = (c: string) => from.includes(c) !== complement;
    const text = decodeLenient(await readAll(tool.ctx.stdin));
    let out = '';
    let last = '';
    const squeeze = new Set(options.has('d') ? to : to.length > 0 ? to : from);
    for (const c of text) {
      let ch = c;
      if (options.has('d')) {
        if (inFrom(c)) continue;
      } else if (inFrom(c) && to.length > 0) {
        const idx = complement ? to.length - 1 : from.indexOf(c);
        ch = to[Math.min(idx, to.length - 1)] as string;
      }
      if (options.has('s') && ch === last && squeeze.has(ch)) continue;
      out += ch;
      last = ch;
    }
    tool.out(out);
    return 0;
  }),
);
