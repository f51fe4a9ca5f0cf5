// docker/cli's formatter (`cli/command/formatter/formatter.go`): how lists are printed with
// `--format`. A format is a Go template applied to each row; `table …` adds a header line and
// aligns the columns with tabwriter; `json` is `{{json .}}`; the two-character sequences `\t` and
// `\n` typed in a format become a tab and a newline. Each row is a "context": an object whose
// fields the template reads (`{{.Repository}}`), which also knows its column headers and how it
// is written as JSON.
import { GoMap } from './go-values';
import { goMarshal } from './go-json';
import { tabwrite } from './tabwriter';
import { GoTemplate, TemplateError } from './template/template';

export const TABLE_FORMAT_KEY = 'table';
export const JSON_FORMAT_KEY = 'json';

/** A row as templates see it: named fields (values or getters), methods, a Go type name, JSON. */
export interface FormatContext {
  readonly goType: string;
  toGoJson(): string;
  [field: string]: unknown;
}

/**
 * A formatter context: `fields` are read lazily (each a function of nothing), `methods` take
 * template arguments (`{{.Label "x"}}`). Its JSON lists every field, keys sorted, as Go's
 * marshalling of docker's contexts does.
 */
export function formatContext(
  goType: string,
  fields: Record<string, () => unknown>,
  methods: Record<string, (...args: unknown[]) => unknown> = {},
  json?: () => string,
): FormatContext {
  const context = { goType } as FormatContext;
  for (const [name, get] of Object.entries(fields)) {
    Object.defineProperty(context, name, { get, enumerable: true, configurable: true });
  }
  for (const [name, fn] of Object.entries(methods))
    Object.defineProperty(context, name, { value: fn, enumerable: false });
  Object.defineProperty(context, 'toGoJson', {
    enumerable: false,
    value:
      json ??
      (() => {
        // Read through the properties (docker marshals by calling every method).
        const out: Record<string, unknown> = {};
        for (const name of Object.keys(fields)) out[name] = context[name];
        return goMarshal(out);
      }),
  });
  return context;
}

export function isTableFormat(format: string): boolean {
  return format.startsWith(TABLE_FORMAT_KEY);
}

/** docker's preFormat: the template text a format stands for. */
export function templateText(format: string): string {
  let text = format;
  if (isTableFormat(format)) text = format.slice(TABLE_FORMAT_KEY.length);
  else if (format === JSON_FORMAT_KEY) text = '{{json .}}';
  return text
    .replace(/^ +| +$/g, '')
    .replaceAll('\\t', '\t')
    .replaceAll('\\n', '\n');
}

/** Parse a format's template; a mistake is docker's `template parsing error: …`. */
export function parseFormat(format: string): GoTemplate {
  try {
    return GoTemplate.parse(templateText(format));
  } catch (err) {
    if (err instanceof TemplateError) throw new TemplateError(`template parsing error: ${err.message}`);
    throw err;
  }
}

/**
 * The text of `rows` printed with `format`: each row through the template and a newline; for a
 * table, the header first and everything aligned. `header` maps field names to column titles.
 */
export function formatRows(format: string, rows: readonly FormatContext[], header: Record<string, string>): string {
  const template = parseFormat(format);
  let body = '';
  for (const row of rows) {
    try {
      body += template.execute(row) + '\n';
    } catch (err) {
      if (err instanceof TemplateError) throw new TemplateError(`template parsing error: ${err.message}`);
      throw err;
    }
  }
  if (!isTableFormat(format)) return body;
  const headerLine = template.execute(new GoMap(Object.entries(header), 'map[string]string'), { header: true });
  return tabwrite(headerLine + '\n' + body);
}
