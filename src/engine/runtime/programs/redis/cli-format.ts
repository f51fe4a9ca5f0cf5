// How redis-cli prints replies (redis-cli.c cliFormatReplyTTY / cliFormatReplyRaw). For a person —
// stdout a terminal — types are spelled out: `(integer) 1`, `(nil)`, `(error) ERR …`, strings in
// quotes with escapes, arrays numbered `1) "a"`. For a pipe or a file the output is "raw": just the
// values, one per line, which is why `docker exec redis redis-cli GET k` prints `v` but
// `docker exec -it redis redis-cli GET k` prints `"v"`.
import type { RespValue } from './resp';

/** Redis's sdscatrepr: a quoted string with C-style escapes for anything unprintable. */
export function quoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c > 0x7f) for (const b of new TextEncoder().encode(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + '"';
}

/** The terminal format, without the final newline. */
export function formatTty(v: RespValue): string {
  switch (v.type) {
    case 'error':
      return `(error) ${v.value}`;
    case 'simple':
      return v.value;
    case 'integer':
      return `(integer) ${v.value}`;
    case 'bulk':
      return v.value === null ? '(nil)' : quoted(v.value);
    case 'array': {
      if (v.value === null) return '(nil)';
      if (v.value.length === 0) return '(empty array)';
      const width = String(v.value.length).length;
      return v.value
        .map((item, i) => {
          const label = `${String(i + 1).padStart(width)}) `;
          return label + formatTty(item).replace(/\n/g, `\n${' '.repeat(label.length)}`);
        })
        .join('\n');
    }
  }
}

/** The raw format, without the final newline. */
export function formatRaw(v: RespValue): string {
  switch (v.type) {
    case 'error':
    case 'simple':
      return v.value;
    case 'integer':
      return String(v.value);
    case 'bulk':
      return v.value ?? '';
    case 'array':
      return (v.value ?? []).map(formatRaw).join('\n');
  }
}

/** Split a line typed at the redis-cli prompt into arguments (sdssplitargs: quotes and escapes). */
export function splitArgs(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    let word = '';
    if (line[i] === '"' || line[i] === "'") {
      const q = line[i++];
      let closed = false;
      while (i < line.length) {
        const c = line[i]!;
        if (q === '"' && c === '\\' && i + 1 < line.length) {
          const n = line[i + 1]!;
          const hex = /^x[0-9a-fA-F]{2}/.exec(line.slice(i + 1));
          word += hex
            ? String.fromCharCode(parseInt(hex[0].slice(1), 16))
            : (({ n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' } as Record<string, string>)[n] ?? n);
          i += hex ? 4 : 2;
        } else if (q === "'" && c === '\\' && line[i + 1] === "'") {
          word += "'";
          i += 2;
        } else if (c === q) {
          closed = true;
          i++;
          break;
        } else {
          word += c;
          i++;
        }
      }
      if (!closed || (i < line.length && !/\s/.test(line[i]!))) return undefined;
    } else {
      while (i < line.length && !/\s/.test(line[i]!)) word += line[i++];
    }
    out.push(word);
  }
  return out;
}
