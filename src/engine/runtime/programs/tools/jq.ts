// `jq`, the JSON processor, with the filters people use in scripts: `.`, `.field`, `.a.b`,
// `.["key"]`, `.[2]`, `.[]`, `keys`, `length`, `type`, and pipes between them (`.items[] | .name`).
// Output is pretty-printed with two spaces (`-c` for one line, `-r` for raw strings), as jq does.
// A filter outside that subset is reported as beyond the simulation, not as a jq error.
import type { Program } from '../../contract';
import { toolVersion } from './tool-version';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

class Beyond extends Error {}
class JqError extends Error {}

function typeName(v: Json): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v;
}

function step(input: Json[], term: string): Json[] {
  const out: Json[] = [];
  for (const v of input) {
    if (term === '.') out.push(v);
    else if (term === 'keys') {
      if (v === null || typeof v !== 'object') throw new JqError(`${typeName(v)} (${JSON.stringify(v)}) has no keys`);
      out.push(Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v).sort());
    } else if (term === 'length') {
      out.push(
        v === null
          ? 0
          : typeof v === 'string' || Array.isArray(v)
            ? v.length
            : typeof v === 'object'
              ? Object.keys(v).length
              : Math.abs(v as number),
      );
    } else if (term === 'type') out.push(typeName(v));
    else if (term.startsWith('.')) out.push(...path(v, term));
    else throw new Beyond(term);
  }
  return out;
}

/** `.a.b[0]["c"][]`: walk a path expression. */
function path(v: Json, expr: string): Json[] {
  let values: Json[] = [v];
  const re = /\.([A-Za-z_][\w]*)|\[(\d+)\]|\["([^"]*)"\]|\[\]|\./gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(expr)) !== null && m[0] !== '') {
    consumed = re.lastIndex;
    const key = m[1] ?? m[3];
    const next: Json[] = [];
    for (const x of values) {
      if (m[0] === '.') next.push(x);
      else if (m[0] === '[]') {
        if (x === null || typeof x !== 'object')
          throw new JqError(`Cannot iterate over ${typeName(x)}${x === null ? '' : ` (${JSON.stringify(x)})`}`);
        next.push(...(Array.isArray(x) ? x : Object.values(x)));
      } else if (key !== undefined) {
        if (x === null) next.push(null);
        else if (typeof x !== 'object' || Array.isArray(x))
          throw new JqError(`Cannot index ${typeName(x)} with "${key}"`);
        else next.push(x[key] ?? null);
      } else {
        if (x === null) next.push(null);
        else if (!Array.isArray(x)) throw new JqError(`Cannot index ${typeName(x)} with number`);
        else next.push(x[Number(m[2])] ?? null);
      }
    }
    values = next;
  }
  if (consumed !== expr.length) throw new Beyond(expr);
  return values;
}

function render(v: Json, compact: boolean, raw: boolean): string {
  if (raw && typeof v === 'string') return v;
  return compact ? JSON.stringify(v) : JSON.stringify(v, null, 2);
}

export const jq: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.includes('--version')) {
    ctx.stdout.write(`jq-${toolVersion(ctx, 'jq', '1.7.1')}\n`);
    return 0;
  }
  const flags = args.filter((a) => a.startsWith('-') && a.length > 1);
  const rest = args.filter((a) => !flags.includes(a));
  const compact = flags.some((f) => /^-[a-z]*c/.test(f) || f === '--compact-output');
  const raw = flags.some((f) => /^-[a-z]*r/.test(f) || f === '--raw-output');
  const filter = rest[0] ?? '.';
  let text = '';
  if (rest[1] !== undefined) {
    try {
      text = ctx.fs.readText(rest[1]);
    } catch {
      ctx.stderr.write(`jq: error: Could not open ${rest[1]}: No such file or directory\n`);
      return 2;
    }
  } else
    for (let c = await ctx.stdin.read(); c !== undefined; c = await ctx.stdin.read())
      text += new TextDecoder().decode(c);
  let input: Json;
  try {
    input = text.trim() === '' ? null : (JSON.parse(text) as Json);
  } catch {
    ctx.stderr.write('jq: error (at <stdin>:1): Cannot parse input as JSON\n');
    return 2;
  }
  if (text.trim() === '') return 0;
  try {
    let values: Json[] = [input];
    for (const term of filter.split('|').map((t) => t.trim())) values = step(values, term);
    for (const v of values) ctx.stdout.write(`${render(v, compact, raw)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof JqError) {
      ctx.stderr.write(`jq: error (at <stdin>:${text.split('\n').length - 1}): ${err.message}\n`);
      return 5;
    }
    if (err instanceof Beyond) {
      ctx.stderr.write(
        `jq: the filter '${filter}' is beyond Dockyard's jq (paths, .[], keys, length, type and pipes are simulated)\n`,
      );
      return 3;
    }
    throw err;
  }
};
