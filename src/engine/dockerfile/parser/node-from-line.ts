// One logical line → one instruction node: split off the keyword and flags, then hand the rest to
// the line parser that instruction uses (BuildKit's dispatch table in `parser/parser.go`).
//
// Keywords are matched case-insensitively (`run` and `RUN` are the same instruction) but kept as
// written. An unknown keyword is not an error yet — it gets an empty argument, and the instruction
// parser reports it later with a suggestion. ONBUILD parses the rest of its line as another
// instruction, its trigger.
import type { InstructionNode } from './ast';
import {
  parseHealthConfig,
  parseMaybeJSON,
  parseMaybeJSONToList,
  parseNameOrNameVal,
  parseNameVal,
  parseString,
  parseStringsWhitespaceDelimited,
  type ParsedArgs,
} from './line-parsers';
import { splitCommand } from './split-command';

/** A node before the parser adds where it came from. */
export type LineNode = Omit<InstructionNode, 'heredocs' | 'startLine' | 'endLine' | 'comments' | 'sub'> & {
  readonly sub?: LineNode;
};

type LineParser = (rest: string, escapeToken: string) => ParsedArgs;

const lineParsers: Record<string, LineParser> = {
  add: parseMaybeJSONToList,
  arg: parseNameOrNameVal,
  cmd: parseMaybeJSON,
  copy: parseMaybeJSONToList,
  entrypoint: parseMaybeJSON,
  env: (rest, escape) => parseNameVal(rest, 'ENV', escape),
  expose: parseStringsWhitespaceDelimited,
  from: parseStringsWhitespaceDelimited,
  healthcheck: parseHealthConfig,
  label: (rest, escape) => parseNameVal(rest, 'LABEL', escape),
  maintainer: parseString,
  run: parseMaybeJSON,
  shell: parseMaybeJSON,
  stopsignal: parseString,
  user: parseString,
  volume: parseMaybeJSONToList,
  workdir: parseString,
};

/** Parse one logical line; throws DockerfileSyntaxError for arguments its instruction cannot read. */
export function nodeFromLine(line: string, escapeToken: string): LineNode {
  const { keyword, flags, rest } = splitCommand(line);
  const lower = keyword.toLowerCase();
  if (lower === 'onbuild') {
    const sub = rest === '' ? undefined : nodeFromLine(rest, escapeToken);
    return { keyword, flags, args: [], json: false, original: line, ...(sub ? { sub } : {}) };
  }
  const parser = Object.hasOwn(lineParsers, lower) ? lineParsers[lower] : undefined;
  // BuildKit keeps unknown instructions with one empty argument, to be rejected by name later.
  const { args, json } = parser ? parser(rest, escapeToken) : { args: [''], json: false };
  return { keyword, flags, args, json, original: line };
}

const heredocKeywords = new Set(['add', 'copy', 'run']);

/** RUN, COPY and ADD in shell form (directly or as an ONBUILD trigger) may carry heredocs. */
export function canContainHeredoc(node: LineNode): boolean {
  const target = node.keyword.toLowerCase() === 'onbuild' && node.sub ? node.sub : node;
  return heredocKeywords.has(target.keyword.toLowerCase()) && !target.json;
}
