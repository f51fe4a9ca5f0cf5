// One record of comma-separated values, read as Go's `encoding/csv` reads it — the way docker/cli
// splits `--mount type=bind,src=/a,dst=/b`, `--network name=net,alias=web` and every flag of type
// `strings` (`--alias a1,a2`). A field may be quoted (`"a,b"`, `""` for a quote inside); a stray
// quote is an error with Go's words and position: `parse error on line 1, column 5: bare " in
// non-quoted-field`. Only the first record counts: what follows a newline is ignored.
import { FlagValueError } from '../../cli/go-strconv';

const BARE_QUOTE = 'bare " in non-quoted-field';
const EXTRANEOUS_QUOTE = 'extraneous or missing " in quoted-field';

function parseError(startLine: number, line: number, column: number, message: string): FlagValueError {
  const where = line === startLine ? '' : `record on line ${startLine}; `;
  return new FlagValueError(`${where}parse error on line ${line}, column ${column}: ${message}`);
}

/** csv.Reader.Read: the fields of the first non-empty line; throws FlagValueError (`EOF` for none). */
export function readCsvRecord(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split(/(?<=\n)/);
  let index = 0;
  while (index < lines.length && lines[index] === '\n') index++;
  if (index >= lines.length || lines[index] === '') throw new FlagValueError('EOF');
  const startLine = index + 1;
  let lineNumber = startLine;
  let line = lines[index]!;
  let pos = 0;
  const fields: string[] = [];
  for (;;) {
    if (line[pos] !== '"') {
      let end = line.indexOf(',', pos);
      const last = end < 0;
      if (last) end = line.endsWith('\n') ? line.length - 1 : line.length;
      const field = line.slice(pos, end);
      const quote = field.indexOf('"');
      if (quote >= 0) throw parseError(startLine, lineNumber, pos + quote + 1, BARE_QUOTE);
      fields.push(field);
      if (last) return fields;
      pos = end + 1;
      continue;
    }
    let field = '';
    pos++;
    for (;;) {
      const quote = line.indexOf('"', pos);
      if (quote >= 0) {
        field += line.slice(pos, quote);
        const next = line[quote + 1];
        if (next === '"') {
          field += '"';
          pos = quote + 2;
          continue;
        }
        if (next === ',') {
          pos = quote + 2;
          break;
        }
        if (next === undefined || next === '\n') {
          fields.push(field);
          return fields;
        }
        throw parseError(startLine, lineNumber, quote + 1, EXTRANEOUS_QUOTE);
      }
      field += line.slice(pos);
      index++;
      if (index >= lines.length || lines[index] === '') {
        throw parseError(startLine, lineNumber, line.length + 1, EXTRANEOUS_QUOTE);
      }
      line = lines[index]!;
      lineNumber++;
      pos = 0;
    }
    fields.push(field);
  }
}
