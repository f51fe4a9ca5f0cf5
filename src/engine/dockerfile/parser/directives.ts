// Parser directives: the `# key=value` comments a Dockerfile may start with (BuildKit
// `frontend/dockerfile/parser/directives.go`).
//
//   # syntax=docker/dockerfile:1     which frontend BuildKit should use (the classic builder ignores it)
//   # escape=`                       the escape and line-continuation character: \ (default) or `
//   # check=skip=JSONArgsRecommended BuildKit's lint checks (ignored by the classic builder)
//
// Directives must come first: the first line that is not one — an instruction, an ordinary comment,
// an unknown `# foo=bar`, even an empty line — ends the directive block, and later `# escape=…`
// lines are just comments. Keys are case-insensitive and each may appear once
// (`only one escape parser directive can be used`).
import { DockerfileSyntaxError } from '../errors';

/** The directives the parser recognises. */
export const DIRECTIVE_NAMES = ['syntax', 'escape', 'check'] as const;
export type DirectiveName = (typeof DIRECTIVE_NAMES)[number];

/** One directive found at the top of a Dockerfile. */
export interface Directive {
  readonly name: DirectiveName;
  readonly value: string;
  /** The 1-based line it is on. */
  readonly line: number;
}

// Go's \s is ASCII whitespace only.
const directivePattern = /^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$/s;

/** Reads directives line by line until the first line that is not one. */
export class DirectiveParser {
  private line = 0;
  private done = false;
  private readonly seen = new Set<string>();
  readonly found: Directive[] = [];

  /** Look at the next line (newline and leading space removed); returns the directive it holds, if any. */
  parseLine(text: string): Directive | undefined {
    this.line++;
    if (this.done) return undefined;
    const match = directivePattern.exec(text);
    const name = match?.[1]?.toLowerCase();
    if (!match || !isDirectiveName(name)) {
      this.done = true;
      return undefined;
    }
    if (this.seen.has(name)) throw new DockerfileSyntaxError(`only one ${name} parser directive can be used`);
    this.seen.add(name);
    const directive: Directive = { name, value: match[2]!, line: this.line };
    this.found.push(directive);
    return directive;
  }
}

function isDirectiveName(name: string | undefined): name is DirectiveName {
  return (DIRECTIVE_NAMES as readonly (string | undefined)[]).includes(name);
}

/** Check an `# escape=` value: only a backslash or a backtick may escape. */
export function checkEscapeToken(value: string): '\\' | '`' {
  if (value !== '`' && value !== '\\') {
    throw new DockerfileSyntaxError(`invalid escape token '${value}' does not match \` or \\`);
  }
  return value;
}
