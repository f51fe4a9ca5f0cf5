// The shell's syntax tree, in the vocabulary of POSIX ("Shell Command Language", XCU 2.9): a
// script is a list of and-or lists of pipelines of commands; a command is simple (words, variable
// assignments, redirections) or compound (`if`, `while`, `for`, `case`, `{ }`, `( )`), or a
// function definition. Words keep how they were quoted, because quoting decides what expansion
// does to them: `$x` is split into fields and globbed, `"$x"` is not.

/** One piece of a word. `quoted` parts came from '…', "…" or a backslash: no splitting, no globbing. */
export type WordPart =
  | { type: 'literal'; value: string; quoted: boolean }
  | { type: 'tilde'; user: string }
  | { type: 'param'; name: string; op?: ParamOp; colon?: boolean; arg?: Word; arg2?: Word; quoted: boolean }
  | { type: 'command'; body: List; quoted: boolean }
  | { type: 'arith'; expr: Word; quoted: boolean };

/**
 * `${x-default}` `${x=assign}` `${x?error}` `${x+alternate}` (with `:` they also treat empty as
 * unset), `${#x}` length, `${x#pat}` `${x##pat}` `${x%pat}` `${x%%pat}` removal, `${x/a/b}`
 * `${x//a/b}` replacement and `${x:offset:length}` (ash and bash extensions).
 */
export type ParamOp = '-' | '=' | '?' | '+' | 'length' | '#' | '##' | '%' | '%%' | '/' | '//' | 'substring';

export interface Word {
  parts: WordPart[];
  /** The source text, for `set -x`, error messages and the exec optimisation. */
  text: string;
}

export type RedirectOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '<<' | '<<-' | '&>';

export interface Redirect {
  /** The descriptor redirected; defaults to 0 for input and 1 for output operators. */
  fd: number;
  op: RedirectOp;
  target: Word;
  /** A here-document's body, filled in when the parser reaches the end of the line. */
  heredoc?: { body: Word; quoted: boolean };
}

export interface Assignment {
  name: string;
  value: Word;
}

export interface SimpleCommand {
  type: 'simple';
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
  line: number;
}

export interface Pipeline {
  type: 'pipeline';
  negate: boolean;
  commands: Command[];
  line: number;
}

export interface AndOr {
  type: 'and-or';
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface List {
  type: 'list';
  items: { command: AndOr; background: boolean }[];
}

interface Compound {
  redirects: Redirect[];
  line: number;
}

export interface Group extends Compound {
  type: 'group';
  body: List;
}

export interface Subshell extends Compound {
  type: 'subshell';
  body: List;
}

export interface If extends Compound {
  type: 'if';
  clauses: { condition: List; body: List }[];
  otherwise?: List;
}

export interface Loop extends Compound {
  type: 'loop';
  until: boolean;
  condition: List;
  body: List;
}

export interface For extends Compound {
  type: 'for';
  name: string;
  /** `undefined` without `in`: the loop runs over "$@". */
  words?: Word[];
  body: List;
}

export interface Case extends Compound {
  type: 'case';
  word: Word;
  items: { patterns: Word[]; body: List; fallthrough: boolean }[];
}

export interface FunctionDefinition {
  type: 'function';
  name: string;
  body: Command;
  line: number;
}

export type Command = SimpleCommand | Group | Subshell | If | Loop | For | Case | FunctionDefinition;

export function emptyList(): List {
  return { type: 'list', items: [] };
}
