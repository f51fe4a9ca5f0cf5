// Reading a Dockerfile into instruction nodes (BuildKit `frontend/dockerfile/parser.Parse`), which
// the classic builder and BuildKit share. Line by line:
//
//   1. parser directives at the very top (`# escape=``, `# syntax=…`, `# check=…`);
//   2. comments (`#` as the first non-blank character) and blank lines are skipped; the comments
//      directly above an instruction are kept with it;
//   3. a line ending in the escape character (`\`, or `` ` ``) continues on the next line — the
//      pieces are joined without the escape or a newline, leading space of continuation lines is
//      kept, and comment lines and blank lines inside the continuation are skipped (blank ones
//      earn the warning `Empty continuation line found in: …`);
//   4. the joined line becomes a node (see node-from-line.ts); for RUN/COPY/ADD, `<<EOF` markers
//      then consume the following lines as heredoc bodies.
//
// A file with no instruction at all is `file with no instructions`; a line longer than 64 KiB is
// `dockerfile line greater than max allowed size of 65535`.
import { DockerfileSyntaxError, type LineRange } from '../errors';
import { trimGoSpace, trimLeftGoSpace } from '../go-text';
import type { Heredoc, InstructionNode } from './ast';
import { DirectiveParser, checkEscapeToken, type Directive } from './directives';
import { heredocsFromLine } from './heredoc';
import { canContainHeredoc, nodeFromLine, type LineNode } from './node-from-line';

/** A non-fatal problem the parser noticed (BuildKit prints these before the build starts). */
export interface ParseWarning {
  readonly short: string;
  readonly detail: string;
  readonly url: string;
  readonly line: number;
}

/** A parsed Dockerfile: its instructions, the escape character in force, warnings and directives. */
export interface DockerfileAst {
  readonly nodes: readonly InstructionNode[];
  readonly escapeToken: '\\' | '`';
  readonly warnings: readonly ParseWarning[];
  readonly directives: readonly Directive[];
}

const maxLineBytes = 64 * 1024;
const encoder = new TextEncoder();

/** Split into lines that keep their `\n`; stops before a line bufio.Scanner could not hold. */
function scanLines(text: string): { lines: string[]; tooLong: boolean } {
  const lines: string[] = [];
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    const line = text.slice(start, end);
    if (line.length * 3 > maxLineBytes && encoder.encode(line).length > maxLineBytes) return { lines, tooLong: true };
    lines.push(line);
    start = end;
  }
  return { lines, tooLong: false };
}

const trimNewline = (line: string): string => line.replace(/[\r\n]+$/, '');
const isComment = (line: string): boolean => trimLeftGoSpace(line).startsWith('#');
const isEmptyContinuationLine = (line: string): boolean => trimLeftGoSpace(trimNewline(line)) === '';

function continuationPattern(escapeToken: string): RegExp {
  const e = escapeToken === '\\' ? '\\\\' : '`';
  return new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`);
}

/** Parse Dockerfile text; throws DockerfileSyntaxError (with the line range) when it cannot. */
export function parseDockerfileAst(text: string): DockerfileAst {
  const { lines, tooLong } = scanLines(text.startsWith('\ufeff') ? text.slice(1) : text);
  const directives = new DirectiveParser();
  let escapeToken: '\\' | '`' = '\\';
  let continuation = continuationPattern(escapeToken);
  const nodes: InstructionNode[] = [];
  const warnings: ParseWarning[] = [];
  let comments: string[] = [];
  let currentLine = 0;
  let next = 0;

  const fail = (error: unknown, location: LineRange): never => {
    if (error instanceof DockerfileSyntaxError) error.location ??= location;
    throw error;
  };
  /** Newline removed, leading space removed on first lines, comments blanked; notes directives. */
  const processLine = (raw: string, stripLeft: boolean): { text: string; directive: boolean } => {
    let token = trimNewline(raw);
    if (stripLeft) token = trimLeftGoSpace(token);
    try {
      const directive = directives.parseLine(token);
      if (directive?.name === 'escape') {
        escapeToken = checkEscapeToken(directive.value);
        continuation = continuationPattern(escapeToken);
      }
      return { text: isComment(token) ? '' : token, directive: directive !== undefined };
    } catch (error) {
      return fail(error, { start: currentLine + 1, end: currentLine + 1 });
    }
  };
  const trimContinuation = (line: string): [string, boolean] =>
    continuation.test(line) ? [line.replace(continuation, '$1'), false] : [line, true];

  while (next < lines.length) {
    const raw = lines[next++]!;
    if (isComment(raw)) {
      const comment = trimGoSpace(raw.slice(1));
      comments = comment === '' ? [] : [...comments, comment];
    }
    const first = processLine(raw, true);
    if (first.directive) comments = comments.slice(0, -1);
    currentLine++;
    const startLine = currentLine;
    let [line, ended] = trimContinuation(first.text);
    if (ended && line === '') continue;

    let hasEmptyContinuationLine = false;
    while (!ended && next < lines.length) {
      const rawNext = lines[next++]!;
      const { text: piece } = processLine(rawNext, false);
      currentLine++;
      if (isComment(rawNext)) continue;
      if (isEmptyContinuationLine(piece)) {
        hasEmptyContinuationLine = true;
        continue;
      }
      const [trimmed, end] = trimContinuation(piece);
      line += trimmed;
      ended = end;
    }
    if (hasEmptyContinuationLine) warnings.push(emptyContinuationWarning(line, currentLine));

    let node: LineNode;
    try {
      node = nodeFromLine(line, escapeToken);
    } catch (error) {
      return fail(error, { start: startLine, end: currentLine });
    }
    const heredocs: Heredoc[] = [];
    if (canContainHeredoc(node) && line.includes('<<')) {
      let markers: ReturnType<typeof heredocsFromLine>;
      try {
        markers = heredocsFromLine(line);
      } catch (error) {
        return fail(error, { start: startLine, end: currentLine });
      }
      for (const marker of markers) {
        let content = '';
        let terminated = false;
        while (next < lines.length) {
          const body = lines[next++]!;
          currentLine++;
          let candidate = trimNewline(body);
          if (marker.chomp) candidate = candidate.replace(/^\t+/, '');
          if (candidate === marker.name) {
            terminated = true;
            break;
          }
          content += body;
        }
        if (!terminated)
          throw new DockerfileSyntaxError('unterminated heredoc', { start: startLine, end: currentLine });
        heredocs.push({ ...marker, content });
      }
    }
    nodes.push(located(node, heredocs, startLine, currentLine, comments));
    comments = [];
  }

  if (nodes.length === 0) {
    throw new DockerfileSyntaxError('file with no instructions', { start: currentLine, end: currentLine });
  }
  if (tooLong) {
    throw new DockerfileSyntaxError(`dockerfile line greater than max allowed size of ${maxLineBytes - 1}`, {
      start: currentLine,
      end: currentLine,
    });
  }
  return { nodes, escapeToken, warnings, directives: directives.found };
}

function located(
  node: LineNode,
  heredocs: Heredoc[],
  startLine: number,
  endLine: number,
  comments: string[],
): InstructionNode {
  const { sub, ...rest } = node;
  return {
    ...rest,
    ...(sub ? { sub: located(sub, [], startLine, endLine, []) } : {}),
    heredocs,
    startLine,
    endLine,
    comments,
  };
}

function emptyContinuationWarning(line: string, currentLine: number): ParseWarning {
  return {
    short: `Empty continuation line found in: ${line}`,
    detail: 'Empty continuation lines will become errors in a future release',
    url: 'https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/',
    line: currentLine,
  };
}

/** The warning lines BuildKit's `Result.PrintWarnings` writes (the classic builder sends them to stderr). */
export function formatWarnings(warnings: readonly ParseWarning[]): string {
  if (warnings.length === 0) return '';
  const lines = warnings.map((w) => `[WARNING]: ${w.short}\n`);
  return lines.join('') + '[WARNING]: Empty continuation lines will become errors in a future release.\n';
}
