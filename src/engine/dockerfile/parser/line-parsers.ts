// How each instruction splits its arguments (BuildKit `parser/line_parsers.go`).
//
// Instructions do not share one argument syntax:
//
//   RUN, CMD, ENTRYPOINT, SHELL   a JSON array of strings (exec form), else the whole text (shell form)
//   COPY, ADD, VOLUME             a JSON array, else words split at whitespace
//   FROM, EXPOSE                  words split at whitespace
//   ENV, LABEL                    `KEY=value …` (quotes kept for later expansion), or legacy `KEY value`
//   ARG                           `NAME` or `NAME=value` words
//   MAINTAINER, USER, WORKDIR, STOPSIGNAL   the whole text as one argument
//   HEALTHCHECK                   a type word (`CMD`, `NONE`) then CMD's exec or shell form
//
// Text that starts with `[` but is not valid JSON falls back to the shell form, as Docker does:
// `CMD ['a']` runs `/bin/sh -c "['a']"`. A valid array of non-strings is an error.
import { DockerfileSyntaxError } from '../errors';
import { goQuote, isGoSpace, trimLeftGoSpace } from '../go-text';
import { lineWhitespace } from './split-command';

/** What a line parser makes of an instruction's arguments. */
export interface ParsedArgs {
  readonly args: string[];
  readonly json: boolean;
}

const shell = (args: string[]): ParsedArgs => ({ args, json: false });

/** Split into words at unquoted whitespace, keeping the quotes and escapes for later expansion. */
export function parseWords(rest: string, escapeToken: string): string[] {
  const chars = Array.from(rest);
  const words: string[] = [];
  let word = '';
  let quote = '';
  let blankOK = false;
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  for (let pos = 0; pos <= chars.length; pos++) {
    let ch = chars[pos];
    if (phase === 'spaces') {
      if (ch === undefined) break;
      if (isGoSpace(ch)) continue;
      phase = 'word';
    }
    if (ch === undefined) {
      if (blankOK || word.length > 0) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (isGoSpace(ch)) {
        phase = 'spaces';
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
      }
      if (ch === escapeToken) {
        if (pos + 1 === chars.length) continue; // an escape at the very end is dropped
        word += ch; // the escape and the escaped character are both kept, even a quote
        ch = chars[++pos]!;
      }
      word += ch;
      continue;
    }
    if (ch === quote) phase = 'word';
    if (ch === escapeToken && quote !== "'") {
      if (pos + 1 === chars.length) {
        phase = 'word';
        continue;
      }
      word += ch;
      ch = chars[++pos]!;
    }
    word += ch;
  }
  return words;
}

/** ENV and LABEL: `KEY=value KEY2="v 2"` or the legacy `KEY the value`; args are key, value, separator. */
export function parseNameVal(rest: string, keyword: 'ENV' | 'LABEL', escapeToken: string): ParsedArgs {
  const words = parseWords(rest, escapeToken);
  if (words.length === 0) return shell([]);
  if (!words[0]!.includes('=')) {
    const match = lineWhitespace.exec(rest);
    if (!match) throw new DockerfileSyntaxError(`${keyword} must have two arguments`);
    return shell([rest.slice(0, match.index), rest.slice(match.index + match[0].length), '']);
  }
  const args: string[] = [];
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq < 0) {
      throw new DockerfileSyntaxError(
        `Syntax error - can't find = in ${goQuote(word)}. Must be of the form: name=value`,
      );
    }
    args.push(word.slice(0, eq), word.slice(eq + 1), '=');
  }
  return shell(args);
}

/** ARG: `NAME`, `NAME=`, `NAME=value` words. */
export function parseNameOrNameVal(rest: string, escapeToken: string): ParsedArgs {
  return shell(parseWords(rest, escapeToken));
}

/** FROM, EXPOSE (and COPY/ADD/VOLUME in shell form): words split at whitespace, nothing else. */
export function parseStringsWhitespaceDelimited(rest: string): ParsedArgs {
  if (rest === '') return shell([]);
  return shell(rest.split(lineWhitespace));
}

/** MAINTAINER, USER, WORKDIR, STOPSIGNAL: the whole text. */
export function parseString(rest: string): ParsedArgs {
  return shell(rest === '' ? [] : [rest]);
}

const notStrings = 'when using JSON array syntax, arrays must be comprised of strings only';

/** The exec form: a JSON array of strings; undefined when the text is not a JSON array at all. */
export function parseJSON(rest: string): string[] | undefined {
  const text = trimLeftGoSpace(rest);
  if (!text.startsWith('[')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  if (!value.every((item): item is string => typeof item === 'string')) throw new DockerfileSyntaxError(notStrings);
  return value;
}

/** RUN, CMD, ENTRYPOINT, SHELL: exec form if it is JSON, else the text as one shell-form argument. */
export function parseMaybeJSON(rest: string): ParsedArgs {
  if (rest === '') return shell([]);
  const json = parseJSON(rest);
  return json ? { args: json, json: true } : shell([rest]);
}

/** COPY, ADD, VOLUME: exec form if it is JSON, else whitespace-separated words. */
export function parseMaybeJSONToList(rest: string): ParsedArgs {
  const json = parseJSON(rest);
  return json ? { args: json, json: true } : parseStringsWhitespaceDelimited(rest);
}

/** HEALTHCHECK: the type word, then the command in exec or shell form. */
export function parseHealthConfig(rest: string): ParsedArgs {
  let sep = 0;
  while (sep < rest.length && !isGoSpace(rest[sep]!)) sep++;
  if (sep === 0) return shell([]);
  let next = sep;
  while (next < rest.length && isGoSpace(rest[next]!)) next++;
  const command = parseMaybeJSON(rest.slice(next));
  return { args: [rest.slice(0, sep), ...command.args], json: command.json };
}
