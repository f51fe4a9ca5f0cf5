// Filters over lines of text: wc counts, head and tail cut, cut picks fields, sort orders (`-n`
// numbers, `-V` versions as nginx's entrypoint uses, `-k` keys), uniq collapses repeats, tr
// translates characters. `tail -f` keeps reading a file as it grows, waking once a second on the
// simulation's clock — how `docker exec … tail -f /var/log/app.log` behaves.

import { concatBytes, type Bytes } from '../../bytes';
import { decodeLenient } from '../streams';
import { parseArgs, withUsage } from './args';
import { linesOf, readInput, readTexts, writeLines } from './io';
import { registerApplet, type Tool } from './registry';

registerApplet('wc', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, {
      flags: 'lwcmL',
      long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm' },
    });
    const picked = ['l', 'w', 'c', 'm'].filter((f) => options.has(f));
    const fields = picked.length === 0 ? ['l', 'w', 'c'] : picked;
    const { inputs, failed } = await readTexts(tool, operands, {
      busybox: (p, e) => `can't open '${p}': ${e.reason}`,
    });
    const counts = inputs.map(({ name, text }) => ({
      name,
      l: (text.match(/\n/g) ?? []).length,
      w: text.split(/\s+/).filter((x) => x !== '').length,
      c: new TextEncoder().encode(text).length,
      m: [...text].length,
    }));
    if (counts.length > 1) {
      const total = { name: 'total', l: 0, w: 0, c: 0, m: 0 };
      for (const c of counts) for (const k of ['l', 'w', 'c', 'm'] as const) total[k] += c[k];
      counts.push(total);
    }
    const single = fields.length === 1;
    const width = tool.gnu
      ? Math.max(1, ...counts.map((c) => String(c.c).length), operands.length === 0 && !single ? 7 : 1)
      : 9;
    for (const c of counts) {
      const nums = fields.map((f) => String(c[f as 'l']));
      const body =
        single && (tool.gnu || operands.length <= 1) ? nums.join(' ') : nums.map((n) => n.padStart(width)).join(' ');
      tool.out(`${body}${c.name === '-' ? '' : ` ${c.name}`}\n`);
    }
    return failed ? 1 : 0;
  }),
);

function countOf(
  tool: Tool,
  value: string | true | undefined,
  fallback: number,
): { n: number; fromStart: boolean } | undefined {
  if (value === undefined || value === true) return { n: fallback, fromStart: false };
  const m = /^([+-]?)(\d+)([kKmMbB]?)$/.exec(value);
  if (m === null) return undefined;
  const mult = { '': 1, k: 1024, K: 1024, m: 1048576, M: 1048576, b: 512, B: 512 }[m[3] as string] ?? 1;
  return { n: Number(m[2]) * mult, fromStart: m[1] === '+' };
}

function headerFor(tool: Tool, name: string, first: boolean): string {
  return `${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`;
}

/** Read stdin only as far as `head` needs: it exits early, so the writer of a pipe gets SIGPIPE. */
async function readPrefix(tool: Tool, want: { lines?: number; bytes?: number }): Promise<Bytes> {
  const chunks: Bytes[] = [];
  let size = 0;
  let newlines = 0;
  for (let chunk = await tool.ctx.stdin.read(); chunk !== undefined; chunk = await tool.ctx.stdin.read()) {
    chunks.push(chunk);
    size += chunk.length;
    for (const b of chunk) if (b === 10) newlines++;
    if (want.bytes !== undefined ? size >= want.bytes : newlines >= (want.lines ?? 0)) break;
  }
  return concatBytes(chunks);
}

registerApplet('head', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, {
      flags: 'qv',
      values: 'nc',
      long: { 'lines=': 'n', 'bytes=': 'c' },
      numberOption: 'n',
    });
    const lines = countOf(tool, options.get('n'), 10);
    const bytes = options.has('c') ? countOf(tool, options.get('c'), 0) : undefined;
    if (lines === undefined || (options.has('c') && bytes === undefined))
      return tool.fail(
        tool.gnu
          ? `invalid number of lines: '${options.get('n') as string}'`
          : `invalid number '${(options.get('n') ?? options.get('c')) as string}'`,
      );
    const names = operands.length === 0 ? ['-'] : operands;
    let status = 0;
    for (const [i, name] of names.entries()) {
      const data =
        name === '-'
          ? await readPrefix(tool, bytes !== undefined ? { bytes: bytes.n } : { lines: lines.n })
          : await readInput(tool, name, { gnu: (p, e) => `cannot open '${p}' for reading: ${e.reason}` });
      if (data === undefined) {
        status = 1;
        continue;
      }
      if (names.length > 1 && !options.has('q')) tool.out(headerFor(tool, name, i === 0));
      if (bytes !== undefined) tool.ctx.stdout.write(data.slice(0, bytes.n));
      else {
        const text = decodeLenient(data);
        const parts = text.split('\n');
        const keep = parts.slice(0, lines.n).join('\n');
        tool.out(parts.length > lines.n ? `${keep}\n` : keep);
      }
    }
    return status;
  }),
);

function tailText(text: string, count: { n: number; fromStart: boolean }, bytes: boolean): string {
  if (bytes)
    return count.fromStart ? text.slice(Math.max(0, count.n - 1)) : text.slice(Math.max(0, text.length - count.n));
  const lines = linesOf(text);
  const picked = count.fromStart ? lines.slice(Math.max(0, count.n - 1)) : count.n === 0 ? [] : lines.slice(-count.n);
  const trailing = text.endsWith('\n') || picked.length === 0 ? '\n' : '';
  return picked.length === 0 ? '' : picked.join('\n') + trailing;
}

registerApplet('tail', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, {
      flags: 'fFqv',
      values: 'ncs',
      long: { follow: 'f', 'lines=': 'n', 'bytes=': 'c' },
      numberOption: 'n',
    });
    const bytes = options.has('c');
    const count = countOf(tool, bytes ? options.get('c') : options.get('n'), 10);
    if (count === undefined)
      return tool.fail(
        tool.gnu
          ? `invalid number of lines: '${options.get('n') as string}'`
          : `invalid number '${(options.get('n') ?? options.get('c')) as string}'`,
      );
    const names = operands.length === 0 ? ['-'] : operands;
    const follow = options.has('f') || options.has('F');
    const sizes = new Map<string, number>();
    let status = 0;
    for (const [i, name] of names.entries()) {
      const data = await readInput(tool, name, { gnu: (p, e) => `cannot open '${p}' for reading: ${e.reason}` });
      if (data === undefined) {
        status = 1;
        continue;
      }
      if (names.length > 1 && !options.has('q')) tool.out(headerFor(tool, name, i === 0));
      tool.out(tailText(decodeLenient(data), count, bytes));
      sizes.set(name, data.length);
    }
    if (!follow || names.every((n) => n === '-')) return status;
    for (;;) {
      await tool.ctx.clock.sleep(1000);
      for (const name of names) {
        if (name === '-') continue;
        let data: Bytes;
        try {
          data = tool.ctx.fs.readFile(name);
        } catch {
          continue;
        }
        const seen = sizes.get(name) ?? 0;
        if (data.length < seen) {
          tool.err(`tail: ${name}: file truncated\n`);
          sizes.set(name, 0);
          tool.ctx.stdout.write(data);
        } else if (data.length > seen) tool.ctx.stdout.write(data.slice(seen));
        sizes.set(name, data.length);
      }
    }
  }),
);

/** `1-3,5,7-` as a membership test on 1-based positions. */
function parseList(list: string): ((n: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (m === null || (m[1] === '' && m[3] === '')) return undefined;
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] === '' ? from : m[3] === '' ? Infinity : Number(m[3]);
    ranges.push([from, to]);
  }
  return (n) => ranges.some(([a, b]) => n >= a && n <= b);
}

registerApplet('cut', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, {
      flags: 'sn',
      values: 'dfcb',
      long: { 'delimiter=': 'd', 'fields=': 'f', 'characters=': 'c', 'bytes=': 'b', 'only-delimited': 's' },
    });
    const spec = (options.get('f') ?? options.get('c') ?? options.get('b')) as string | undefined;
    if (spec === undefined)
      return tool.fail(
        tool.gnu
          ? "you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information."
          : 'expected a list of bytes, characters, or fields',
      );
    const member = parseList(spec);
    if (member === undefined)
      return tool.fail(tool.gnu ? `invalid field value '${spec}'` : `invalid byte or field list`);
    const delim = (options.get('d') as string | undefined) ?? '\t';
    const { inputs, failed } = await readTexts(tool, operands);
    const out: string[] = [];
    for (const { text } of inputs) {
      for (const line of linesOf(text)) {
        if (options.has('f')) {
          if (!line.includes(delim)) {
            if (!options.has('s')) out.push(line);
            continue;
          }
          out.push(
            line
              .split(delim)
              .filter((_, i) => member(i + 1))
              .join(delim),
          );
        } else out.push([...line].filter((_, i) => member(i + 1)).join(''));
      }
    }
    await writeLines(tool, out);
    return failed ? 1 : 0;
  }),
);
