// Splitting an instruction line into keyword, builder flags and the rest (BuildKit
// `parser/split_command.go`).
//
//   COPY --from=build --chown="app user" ./bin /usr/local/bin
//   ^^^^ keyword  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ flags        ^^^^^^^^^^^^^^^^^^^^^^^ rest
//
// Flags are the leading words that start with `--`; the first word that does not ends them, and a
// bare `--` ends them explicitly (`RUN -- --not-a-flag`). Inside a flag, quotes group and are removed
// and a backslash escapes the next character — always a backslash here, whatever `# escape=` says.
// Every instruction goes through this, so `ENV --x=1 …` yields a flag that ENV then rejects.
import { isGoSpace, trimGoSpace } from '../go-text';

/** The three parts of an instruction line. */
export interface SplitCommand {
  readonly keyword: string;
  readonly flags: string[];
  readonly rest: string;
}

/** Go's `[\t\v\f\r ]+`, the separator between an instruction keyword and its arguments. */
export const lineWhitespace = /[\t\v\f\r ]+/;

/** Split a logical line into its keyword (case kept), flags and trimmed arguments. */
export function splitCommand(line: string): SplitCommand {
  const trimmed = trimGoSpace(line);
  const match = lineWhitespace.exec(trimmed);
  if (!match) return { keyword: trimmed, flags: [], rest: '' };
  const keyword = trimmed.slice(0, match.index);
  const { rest, flags } = extractBuilderFlags(trimmed.slice(match.index + match[0].length));
  return { keyword, flags, rest: trimGoSpace(rest) };
}

/** Take the leading `--flag` words off a line; returns them (unquoted) and what follows. */
export function extractBuilderFlags(line: string): { rest: string; flags: string[] } {
  const flags: string[] = [];
  let word = '';
  let blankOK = false;
  let quote = '';
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  for (let pos = 0; pos <= line.length; pos++) {
    const ch = line[pos];
    if (phase === 'spaces') {
      if (ch === undefined) break;
      if (isGoSpace(ch)) continue;
      if (ch !== '-' || line[pos + 1] !== '-') return { rest: line.slice(pos), flags };
      phase = 'word';
    }
    if (ch === undefined) {
      if (word !== '--' && (blankOK || word.length > 0)) flags.push(word);
      break;
    }
    if (phase === 'word') {
      if (isGoSpace(ch)) {
        phase = 'spaces';
        if (word === '--') return { rest: line.slice(pos), flags };
        if (blankOK || word.length > 0) flags.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
        continue;
      }
      word += escapedAt(line, pos);
      if (ch === '\\' && pos + 1 < line.length) pos++;
      continue;
    }
    if (ch === quote) {
      phase = 'word';
      continue;
    }
    if (ch === '\\' && pos + 1 === line.length) {
      phase = 'word';
      continue;
    }
    word += escapedAt(line, pos);
    if (ch === '\\') pos++;
  }
  return { rest: '', flags };
}

/** The character at `pos`, or the one after it when `pos` holds a backslash (a trailing `\` is dropped). */
function escapedAt(line: string, pos: number): string {
  if (line[pos] !== '\\') return line[pos]!;
  return line[pos + 1] ?? '';
}
