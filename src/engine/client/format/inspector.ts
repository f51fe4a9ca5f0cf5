// How `docker inspect` and friends print objects (docker/cli `cli/command/inspect/inspector.go`).
// Without `--format`, the daemon's own JSON of every object found, in one array indented by four
// spaces — `[]` when none was found. With a template, one line per object; when the template
// needs a field the Go type does not have, the CLI retries on the raw JSON (where a missing key is
// then an error: `map has no entry for key "Nope"`). Errors for objects not found are collected
// and printed after the output, which is why `docker inspect nosuch` prints `[]` first.
import { StatusError } from '../cli/status-error';
import type { OutputStream } from '../cli/streams';
import { goIndent, OrderedObject, parseOrdered } from './go-json';
import { GoMap } from './go-values';
import { GoTemplate, TemplateError } from './template/template';

/** One object found: its Go-typed value (for templates) and the daemon's JSON text. */
export interface Inspected {
  typed: unknown;
  raw: string;
}

/** Raw JSON as Go's map[string]interface{} decoded with UseNumber (numbers stay as text). */
function rawValue(json: unknown): unknown {
  if (json instanceof OrderedObject) return new GoMap(json.entries.map(([k, v]) => [k, rawValue(v)]));
  if (Array.isArray(json)) return json.map(rawValue);
  if (typeof json === 'number') return String(json);
  return json;
}

/**
 * Look up every reference with `lookup`, print what was found with `format`, and fail with all
 * lookup errors joined (status 1). A template that does not parse fails first (status 64).
 */
export async function inspectAll(
  out: OutputStream,
  references: readonly string[],
  format: string,
  lookup: (reference: string) => Promise<Inspected>,
): Promise<void> {
  let template: GoTemplate | undefined;
  if (format !== '' && format !== 'json') {
    try {
      template = GoTemplate.parse(format);
    } catch (err) {
      if (err instanceof TemplateError) throw new StatusError(`template parsing error: ${err.message}`, 64);
      throw err;
    }
  }
  const errors: string[] = [];
  const raws: string[] = [];
  let lines = '';
  for (const reference of references) {
    let found: Inspected;
    try {
      found = await lookup(reference);
    } catch (err) {
      errors.push((err as Error).message);
      continue;
    }
    if (!template) {
      raws.push(found.raw.trim());
      continue;
    }
    try {
      lines += template.execute(found.typed) + '\n';
    } catch {
      try {
        lines += template.execute(rawValue(parseOrdered(found.raw)), { missingKeyError: true }) + '\n';
      } catch (err) {
        errors.push(`template parsing error: ${(err as Error).message}`);
      }
    }
  }
  if (template) out.write(lines === '' ? '\n' : lines);
  else if (raws.length === 0) out.write('[]\n');
  else if (format === 'json') out.write(`[${raws.join(',')}]\n`);
  else out.write(goIndent(`[${raws.join(',')}]`, '    ') + '\n');
  if (errors.length > 0) throw new StatusError(errors.join('\n'), 1);
}
