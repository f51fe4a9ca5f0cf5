// echo and printf: the two ways a script prints. `echo` differs between shells — BusyBox's and
// GNU's/bash's interpret `\n` only with `-e`, dash's always does and knows no option but `-n` —
// which is why portable scripts use `printf`, whose format (`%s`, `%5d`, `%-10s`, `%x`…) is the
// same everywhere and is reused until the arguments run out.

import { registerApplet, type Tool } from './registry';

/**
 * Backslash escapes of `echo -e`, printf's format and `%b`. Octal is `\0nnn` for echo and `%b`
 * (`zero`), `\nnn` in a printf format (`plain`). `stop` is set by `\c`: print nothing more.
 */
export function unescape(text: string, octal: 'zero' | 'plain'): { text: string; stop: boolean } {
  const simple: Record<string, string> = {
    '\\': '\\',
    a: '\x07',
    b: '\b',
    e: '\x1b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '"': '"',
  };
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const rest = text.slice(i + 1);
    const n = rest[0] as string;
    if (n === 'c') return { text: out, stop: true };
    const hex = /^x([0-9a-fA-F]{1,2})/.exec(rest);
    const oct = octal === 'zero' ? /^0([0-7]{0,3})/.exec(rest) : /^([0-7]{1,3})/.exec(rest);
    if (n in simple) {
      out += simple[n];
      i += 1;
    } else if (hex !== null) {
      out += String.fromCharCode(parseInt(hex[1] as string, 16));
      i += hex[0].length;
    } else if (oct !== null) {
      out += String.fromCharCode(parseInt(oct[1] || '0', 8) & 0xff);
      i += oct[0].length;
    } else {
      out += `\\${n}`;
      i += 1;
    }
  }
  return { text: out, stop: false };
}

/** `echo`: `dash` interprets escapes always and takes only `-n`. */
export function echo(args: readonly string[], style: 'busybox' | 'gnu' | 'dash'): string {
  let newline = true;
  let escapes = style === 'dash';
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    const valid = style === 'dash' ? /^-n+$/.test(a) : /^-[neE]+$/.test(a);
    if (!valid) break;
    for (const f of a.slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else if (f === 'E') escapes = false;
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const r = unescape(text, 'zero');
    if (r.stop) return r.text;
    text = r.text;
  }
  return newline ? `${text}\n` : text;
}

registerApplet('echo', async (tool) => {
  tool.out(echo(tool.args, tool.gnu ? 'gnu' : 'busybox'));
  return 0;
});

function numeric(tool: Tool, arg: string | undefined, problems: string[]): number {
  if (arg === undefined || arg === '') return 0;
  if (/^['"]/.test(arg)) return arg.codePointAt(1) ?? 0;
  const t = arg.trim();
  let n: number;
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(t)) n = parseInt(t, 16);
  else if (/^[+-]?0[0-7]+$/.test(t)) n = parseInt(t, 8);
  else if (/^[+-]?\d+$/.test(t)) n = parseInt(t, 10);
  else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) n = Number(t);
  else {
    problems.push(
      tool.name === 'printf:dash'
        ? `${arg}: expected numeric value`
        : tool.name === 'printf:bash'
          ? `${arg}: invalid number`
          : tool.gnu
            ? `'${arg}': expected a numeric value`
            : `invalid number '${arg}'`,
    );
    const lead = /^[+-]?\d+/.exec(t);
    return lead === null ? 0 : Number(lead[0]);
  }
  return n;
}

function pad(text: string, flags: string, width: number | undefined): string {
  if (width === undefined || text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (
    flags.includes('0') &&
    /^[+-]?[0-9a-fA-F.]/.test(text) &&
    !/[a-zA-Z]/.test(text.replace(/^[+-]?0[xX]/, '').replace(/[eE][+-]/, ''))
  ) {
    const sign = /^[+-]/.test(text) ? (text[0] as string) : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

/** printf(1): format the arguments; errors (bad numbers) go to `problems`. */
export function printf(tool: Tool, format: string, args: readonly string[], problems: string[]): string {
  let out = '';
  let next = 0;
  const take = () => args[next++];
  do {
    let consumed = false;
    for (let i = 0; i < format.length; i++) {
      const c = format[i] as string;
      if (c === '\\') {
        const m = /^\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/.exec(format.slice(i)) as RegExpExecArray;
        const r = unescape(m[0], 'plain');
        if (r.stop) return out + r.text;
        out += r.text;
        i += m[0].length - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const spec = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])/.exec(format.slice(i));
      if (spec === null) {
        out += c;
        continue;
      }
      i += spec[0].length - 1;
      const [, flags = '', w, p, conv] = spec as unknown as [
        string,
        string,
        string | undefined,
        string | undefined,
        string,
      ];
      if (conv === '%') {
        out += '%';
        continue;
      }
      consumed = true;
      const width = w === '*' ? numeric(tool, take(), problems) : w === undefined ? undefined : Number(w);
      const precision = p === '*' ? numeric(tool, take(), problems) : p === undefined ? undefined : Number(p || '0');
      const arg = take();
      let text: string;
      switch (conv) {
        case 's':
          text = arg ?? '';
          if (precision !== undefined) text = text.slice(0, precision);
          break;
        case 'b': {
          const r = unescape(arg ?? '', 'zero');
          text = r.text;
          if (r.stop) return out + pad(text, flags, width);
          break;
        }
        case 'c':
          text = (arg ?? '').slice(0, 1);
          break;
        case 'd':
        case 'i':
        case 'u': {
          const n = Math.trunc(numeric(tool, arg, problems));
          text = `${n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : ''}${String(Math.abs(n)).padStart(precision ?? 0, '0')}`;
          break;
        }
        case 'x':
        case 'X':
        case 'o': {
          const n = Math.trunc(numeric(tool, arg, problems));
          const unsigned = n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n);
          text = unsigned.toString(conv === 'o' ? 8 : 16);
          if (conv === 'X') text = text.toUpperCase();
          if (flags.includes('#') && n !== 0) text = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + text;
          break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
          const n = numeric(tool, arg, problems);
          const digits = precision ?? 6;
          text =
            conv === 'f' || conv === 'F'
              ? n.toFixed(digits)
              : conv === 'e' || conv === 'E'
                ? cExponent(n, digits)
                : String(Number(n.toPrecision(digits || 1)));
          if (conv === 'E' || conv === 'G') text = text.toUpperCase();
          if (n >= 0 && flags.includes('+')) text = `+${text}`;
          break;
        }
        default:
          problems.push(tool.gnu ? `%${conv}: invalid conversion specification` : `%${conv}: invalid format`);
          return out;
      }
      out += pad(text, flags, width);
    }
    if (!consumed) break;
  } while (next < args.length);
  return out;
}

function cExponent(n: number, digits: number): string {
  const [mantissa, exp = '0'] = n.toExponential(digits).split('e');
  const e = Number(exp);
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

registerApplet('printf', async (tool) => {
  const [format, ...rest] = tool.args[0] === '--' ? tool.args.slice(1) : tool.args;
  if (format === undefined) {
    if (tool.gnu) return tool.fail("missing operand\nTry 'printf --help' for more information.");
    tool.err('Usage: printf FORMAT [ARGUMENT...]\n');
    return 1;
  }
  const problems: string[] = [];
  tool.out(printf(tool, format, rest, problems));
  for (const p of problems) tool.err(`${tool.name}: ${p}\n`);
  return problems.length > 0 ? 1 : 0;
});
