// What an instruction parser is given (BuildKit's `parseRequest`), and the wording of the errors
// they share: `COPY requires at least two arguments, but only one was provided. Destination could not
// be determined`, `WORKDIR requires exactly one argument`, `ENV names can not be blank`…
import { InstructionError, type LineRange } from '../errors';
import type { Heredoc, InstructionNode } from '../parser/ast';
import { nodeArgs } from '../parser/ast';
import { trimGoSpace } from '../go-text';
import type { CommandBase } from './commands';
import { BuilderFlags } from './flags';

/** One instruction node, ready for its parser. */
export interface ParseRequest {
  readonly keyword: string;
  readonly args: readonly string[];
  readonly heredocs: readonly Heredoc[];
  readonly json: boolean;
  readonly flags: BuilderFlags;
  readonly original: string;
  readonly location: LineRange;
  readonly comments: readonly string[];
}

export function requestFromNode(node: InstructionNode): ParseRequest {
  return {
    keyword: node.keyword,
    args: nodeArgs(node),
    heredocs: node.heredocs,
    json: node.json,
    flags: new BuilderFlags(node.flags),
    original: node.original,
    location: { start: node.startLine, end: node.endLine },
    comments: node.comments,
  };
}

/** The fields every command carries. */
export function commandBase(req: ParseRequest): CommandBase {
  return { name: req.keyword, code: trimGoSpace(req.original), location: req.location };
}

/** Exec form keeps its arguments; shell form joins them into one string. */
export function handleJSONArgs(args: readonly string[], json: boolean): string[] {
  if (args.length === 0) return [];
  return json ? [...args] : [args.join(' ')];
}

/** The text after `name ` in the first comment line that documents `name`. */
export function commentFor(comments: readonly string[], name: string): string {
  if (name === '') return '';
  const line = comments.find((c) => c.startsWith(name + ' '));
  return line === undefined ? '' : line.slice(name.length + 1);
}

export const errAtLeastOneArgument = (command: string) =>
  new InstructionError(`${command} requires at least one argument`);
export const errExactlyOneArgument = (command: string) =>
  new InstructionError(`${command} requires exactly one argument`);
export const errNoDestinationArgument = (command: string) =>
  new InstructionError(
    `${command} requires at least two arguments, but only one was provided. Destination could not be determined`,
  );
export const errBlankCommandNames = (command: string) => new InstructionError(`${command} names can not be blank`);
export const errBadHeredoc = (command: string, option: string) =>
  new InstructionError(`${command} cannot accept a heredoc as ${option}`);
export const errNotJSON = (command: string) =>
  new InstructionError(`${command} requires the arguments to be in JSON form`);
