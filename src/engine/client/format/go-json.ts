// JSON as the docker CLI prints it. The CLI is a Go program: `docker inspect` re-indents the
// daemon's own JSON text with four spaces (Go's json.Indent keeps every key where the daemon put
// it), `{{json .}}` writes compact JSON with `<`, `>` and `&` escaped (`\u003cnone\u003e`), and
// `~/.docker/config.json` is written with tabs.

const htmlUnsafe = /[<>&\u2028\u2029]/g;

function escapeHtml(json: string): string {
  return json.replace(htmlUnsafe, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** A JSON object whose keys keep the order they were read in (integer-like keys included). */
export class OrderedObject {
  constructor(readonly entries: [string, unknown][]) {}

  get(key: string): unknown {
    return this.entries.find(([k]) => k === key)?.[1];
  }

  has(key: string): boolean {
    return this.entries.some(([k]) => k === key);
  }
}

function emit(value: unknown, sortKeys: boolean): string {
  if (value instanceof OrderedObject) {
    const entries = sortKeys ? [...value.entries].sort(([a], [b]) => compareCodePoints(a, b)) : value.entries;
    return '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + emit(v, sortKeys)).join(',') + '}';
  }
  if (Array.isArray(value)) return '[' + value.map((v) => emit(v ?? null, sortKeys)).join(',') + ']';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
  if (sortKeys) keys.sort(compareCodePoints);
  return (
    '{' +
    keys.map((k) => JSON.stringify(k) + ':' + emit((value as Record<string, unknown>)[k], sortKeys)).join(',') +
    '}'
  );
}

/**
 * Go's json.Marshal: compact, HTML-safe (unless `escapeHtml` is false, as with an Encoder told
 * so); plain objects' keys sorted as Go sorts map keys unless `sortKeys` is false.
 */
export function goMarshal(value: unknown, options: { sortKeys?: boolean; escapeHtml?: boolean } = {}): string {
  const text = emit(value, options.sortKeys ?? true);
  return options.escapeHtml === false ? text : escapeHtml(text);
}

/**
 * Go's json.Indent over JSON text: one member per line, `indent` per level, `[]` and `{}` kept
 * short. Strings are copied exactly as they are (escapes included).
 */
export function goIndent(text: string, indent: string, prefix = ''): string {
  let out = '';
  let depth = 0;
  let i = 0;
  const newline = () => '\n' + prefix + indent.repeat(depth);
  // Skip leading blanks, as json.Indent does.
  while (i < text.length && /[ \t\r\n]/.test(text[i]!)) i++;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '{' || c === '[') {
      let j = i + 1;
      while (j < text.length && /[ \t\r\n]/.test(text[j]!)) j++;
      if (text[j] === (c === '{' ? '}' : ']')) {
        out += c + text[j];
        i = j;
      } else {
        depth++;
        out += c + newline();
      }
    } else if (c === '}' || c === ']') {
      depth--;
      out += newline() + c;
    } else if (c === ',') out += ',' + newline();
    else if (c === ':') out += ': ';
    else if (!/[ \t\r\n]/.test(c)) out += c;
  }
  return out;
}

/** Parse JSON keeping each object's key order (OrderedObject), for printing it back as Go would. */
export function parseOrdered(text: string): unknown {
  let i = 0;
  const blank = () => {
    while (i < text.length && /[ \t\r\n]/.test(text[i]!)) i++;
  };
  const value = (): unknown => {
    blank();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: [string, unknown][] = [];
      blank();
      if (text[i] === '}') {
        i++;
        return new OrderedObject(entries);
      }
      for (;;) {
        blank();
        const key = value() as string;
        blank();
        i++; // ':'
        entries.push([key, value()]);
        blank();
        if (text[i++] === '}') return new OrderedObject(entries);
      }
    }
    if (c === '[') {
      i++;
      const items: unknown[] = [];
      blank();
      if (text[i] === ']') {
        i++;
        return items;
      }
      for (;;) {
        items.push(value());
        blank();
        if (text[i++] === ']') return items;
      }
    }
    const start = i;
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else {
      while (i < text.length && !/[,}\] \t\r\n]/.test(text[i]!)) i++;
    }
    return JSON.parse(text.slice(start, i)) as unknown;
  };
  JSON.parse(text); // validates; throws SyntaxError on bad input
  return value();
}
