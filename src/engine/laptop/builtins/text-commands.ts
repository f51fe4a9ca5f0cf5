// Text tools people pipe docker's output into: `echo` (bash's builtin: `-n` no newline, `-e`
// backslash escapes), `printf`, `grep` (`docker images | grep alpine`; -i -v -n -c -q -E -F),
// `head`/`tail` (`-n N`), `wc` (`-l -w -c`). Input is the named files, or stdin (a pipe).
import { concatBytes, fromUtf8 } from '../../bytes';
import { literalRegex, posixRegex } from '../../runtime/applets/regex';
import { isLaptopFileError } from '../file-errors';
import { readAll, readOrAbort } from '../shell-io';
import type { Builtin, CommandContext } from '../shell-state';
import { parseOptions, UsageFailure, writeText } from './options';

/** bash's `echo -e` and `printf %b` escapes; `\c` ends the output (returned as `stop`). */
export function backslashEscapes(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch !== '\\' || i + 1 >= text.length) {
      out += ch;
      continue;
    }
    const next = text[++i] as string;
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
      e: '\x1b',
      E: '\x1b',
      '\\': '\\',
    };
    if (next in simple) out += simple[next];
    else if (next === 'c') return { text: out, stop: true };
    else if (next === '0' || next === 'x') {
      const digits =
        next === '0' ? /^[0-7]{0,3}/.exec(text.slice(i + 1))![0] : /^[0-9A-Fa-f]{0,2}/.exec(text.slice(i + 1))![0];
      if (next === 'x' && digits === '') out += '\\x';
      else out += String.fromCharCode(parseInt(digits || '0', next === '0' ? 8 : 16));
      i += digits.length;
    } else out += `\\${next}`;
  }
  return { text: out, stop: false };
}

export const echo: Builtin = async (args, { io }) => {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i] as string); i++) {
    for (const flag of (args[i] as string).slice(1)) {
      if (flag === 'n') newline = false;
      else escapes = flag === 'e';
    }
  }
  const joined = args.slice(i).join(' ');
  const { text, stop } = escapes ? backslashEscapes(joined) : { text: joined, stop: false };
  writeText(io.out, text + (newline && !stop ? '\n' : ''));
  return 0;
};

export const printf: Builtin = async (args, { io }) => {
  const [format, ...values] = args;
  if (format === undefined) {
    writeText(io.err, 'printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  let out = '';
  let status = 0;
  let rest = values;
  do {
    let used = 0;
    const text = format.replace(
      /%([-+ #0]*)(\d*)(?:\.(\d+))?([sdicxXobf%])|\\(.)/g,
      (m, fl: string, w: string, p: string, conv: string) => {
        if (m.startsWith('\\')) return backslashEscapes(m).text;
        if (conv === '%') return '%';
        const arg = rest[used++] ?? '';
        let s: string;
        if (conv === 's') s = p !== undefined ? arg.slice(0, Number(p)) : arg;
        else if (conv === 'b') s = backslashEscapes(arg).text;
        else if (conv === 'c') s = arg.slice(0, 1);
        else if (conv === 'f') s = (Number(arg) || 0).toFixed(p !== undefined ? Number(p) : 6);
        else {
          const n = arg === '' ? 0 : Number(arg);
          if (!Number.isInteger(n)) {
            writeText(io.err, `bash: printf: ${arg}: invalid number\n`);
            status = 1;
          }
          const int = Number.isFinite(n) ? Math.trunc(n) : 0;
          s =
            conv === 'x'
              ? int.toString(16)
              : conv === 'X'
                ? int.toString(16).toUpperCase()
                : conv === 'o'
                  ? int.toString(8)
                  : String(int);
        }
        const width = Number(w || 0);
        return fl.includes('-') ? s.padEnd(width) : s.padStart(width, fl.includes('0') && conv !== 's' ? '0' : ' ');
      },
    );
    out += text;
    rest = rest.slice(used);
    if (used === 0) break;
  } while (rest.length > 0);
  writeText(io.out, out);
  return status;
};

/** The text of each input (files, or stdin for none or `-`), or an error already printed. */
async function inputs(
  tool: string,
  operands: string[],
  ctx: CommandContext,
  enoughLines = Infinity,
): Promise<{ name: string; text?: string }[]> {
  const names = operands.length > 0 ? operands : ['-'];
  const out: { name: string; text?: string }[] = [];
  for (const name of names) {
    try {
      const bytes =
        name === '-' ? await readStdin(ctx, enoughLines) : ctx.shell.files.readFile(ctx.shell.resolve(name));
      out.push({ name: name === '-' ? '(standard input)' : name, text: decode(bytes) });
    } catch (err) {
      if (!isLaptopFileError(err)) throw err;
      writeText(ctx.io.err, `${tool}: ${name}: ${err.reason}\n`);
      out.push({ name });
    }
  }
  return out;
}

/** Stdin until its end — or, for `head`, until it has enough lines (then the writer gets SIGPIPE). */
async function readStdin(ctx: CommandContext, enoughLines: number): Promise<Uint8Array> {
  if (enoughLines === Infinity) return readAll(ctx.io.in, ctx.io.signal);
  const parts: Uint8Array[] = [];
  let lines = 0;
  while (lines < enoughLines) {
    const chunk = await readOrAbort(ctx.io.in, ctx.io.signal);
    if (chunk === undefined) break;
    parts.push(chunk);
    for (const byte of chunk) if (byte === 10) lines++;
  }
  return concatBytes(parts);
}

function decode(bytes: Uint8Array): string {
  try {
    return fromUtf8(bytes);
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

/** Lines of a text, without the final newline's empty line. */
function lines(text: string): string[] {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

export const grep: Builtin = async (args, ctx) => {
  const spec = {
    flags: 'ivncqEFlhH',
    valued: 'e',
    long: { 'ignore-case': 'i', 'invert-match': 'v', count: 'c', quiet: 'q' },
    usageStatus: 2,
  };
  const parsed = parseOptions('grep', args, spec, ctx.io.err);
  if (parsed instanceof UsageFailure) return parsed.status;
  const { flags, operands } = parsed;
  const pattern = parsed.values.get('e') ?? operands.shift();
  if (pattern === undefined) {
    writeText(ctx.io.err, "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
  }
  let regex: RegExp;
  try {
    regex = flags.has('F')
      ? literalRegex(pattern, flags.has('i'))
      : posixRegex(pattern, { extended: flags.has('E'), ignoreCase: flags.has('i') });
  } catch (err) {
    writeText(ctx.io.err, `grep: ${(err as Error).message}\n`);
    return 2;
  }
  const sources = await inputs('grep', operands, ctx);
  const prefix = (flags.has('H') || sources.length > 1) && !flags.has('h');
  let matched = false;
  let failed = false;
  let out = '';
  for (const { name, text } of sources) {
    if (text === undefined) {
      failed = true;
      continue;
    }
    let count = 0;
    lines(text).forEach((line, i) => {
      if (regex.test(line) === flags.has('v')) return;
      count++;
      if (!flags.has('c') && !flags.has('l'))
        out += `${prefix ? `${name}:` : ''}${flags.has('n') ? `${i + 1}:` : ''}${line}\n`;
    });
    if (flags.has('c')) out += `${prefix ? `${name}:` : ''}${count}\n`;
    if (flags.has('l') && count > 0) out += `${name}\n`;
    matched ||= count > 0;
  }
  if (!flags.has('q')) writeText(ctx.io.out, out);
  return failed && !(flags.has('q') && matched) ? 2 : matched ? 0 : 1;
};

function headOrTail(tool: 'head' | 'tail'): Builtin {
  return async (args, ctx) => {
    const numeric = args.map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
    const parsed = parseOptions(
      tool,
      numeric,
      { flags: 'qv', valued: 'n', long: { lines: 'n', quiet: 'q', verbose: 'v' } },
      ctx.io.err,
    );
    if (parsed instanceof UsageFailure) return parsed.status;
    const countText = parsed.values.get('n') ?? '10';
    const fromStart = tool === 'tail' && countText.startsWith('+');
    const count = Number(countText.replace(/^[+-]/, ''));
    if (!/^[+-]?\d+$/.test(countText)) {
      writeText(ctx.io.err, `${tool}: invalid number of lines: '${countText}'\n`);
      return 1;
    }
    const enough = tool === 'head' && !countText.startsWith('-') ? count : Infinity;
    const sources = await inputs(tool, parsed.operands, ctx, enough);
    const headers = (sources.length > 1 || parsed.flags.has('v')) && !parsed.flags.has('q');
    let out = '';
    let status = 0;
    sources.forEach(({ name, text }, i) => {
      if (text === undefined) {
        status = 1;
        return;
      }
      if (headers) out += `${i > 0 ? '\n' : ''}==> ${name} <==\n`;
      const all = text.split(/(?<=\n)/);
      const negative = tool === 'head' && countText.startsWith('-');
      const picked =
        tool === 'head'
          ? negative
            ? all.slice(0, Math.max(0, all.length - count))
            : all.slice(0, count)
          : fromStart
            ? all.slice(Math.max(0, count - 1))
            : count === 0
              ? []
              : all.slice(-count);
      out += picked.join('');
    });
    writeText(ctx.io.out, out);
    return status;
  };
}

export const head = headOrTail('head');
export const tail = headOrTail('tail');

export const wc: Builtin = async (args, ctx) => {
  const parsed = parseOptions('wc', args, { flags: 'lwc', long: { lines: 'l', words: 'w', bytes: 'c' } }, ctx.io.err);
  if (parsed instanceof UsageFailure) return parsed.status;
  const chosen = ['l', 'w', 'c'].filter((f) => parsed.flags.has(f));
  const which = chosen.length > 0 ? chosen : ['l', 'w', 'c'];
  const sources = await inputs('wc', parsed.operands, ctx);
  const rows: { counts: number[]; name: string }[] = [];
  let status = 0;
  const totals = which.map(() => 0);
  for (const { name, text } of sources) {
    if (text === undefined) {
      status = 1;
      continue;
    }
    const all: Record<string, number> = {
      l: (text.match(/\n/g) ?? []).length,
      w: text.split(/\s+/).filter(Boolean).length,
      c: new TextEncoder().encode(text).length,
    };
    const counts = which.map((f) => all[f] as number);
    counts.forEach((n, i) => (totals[i] = (totals[i] as number) + n));
    rows.push({ counts, name: parsed.operands.length > 0 ? name : '' });
  }
  if (rows.length > 1) rows.push({ counts: totals, name: 'total' });
  const stdinOnly = parsed.operands.length === 0;
  const width =
    which.length === 1 && rows.length === 1
      ? 1
      : Math.max(stdinOnly ? 7 : 1, ...rows.flatMap((r) => r.counts.map((n) => String(n).length)));
  writeText(
    ctx.io.out,
    rows
      .map((r) => `${r.counts.map((n) => String(n).padStart(width)).join(' ')}${r.name ? ` ${r.name}` : ''}\n`)
      .join(''),
  );
  return status;
};
