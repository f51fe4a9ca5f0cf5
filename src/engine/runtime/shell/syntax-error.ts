// A script the shell cannot parse. The facts are kept apart from the words, because each shell
// words them its own way (./dialect.ts): for a stray `fi`, BusyBox ash says
// `syntax error: unexpected "fi"`, dash `Syntax error: "fi" unexpected`, bash
// `syntax error near unexpected token `fi'`.

/** What the parser met: a token (`fi`, `)`, `;;`), or one of the token classes ash names. */
export type Found = { token: string } | { end: 'end of file' | 'newline' | 'word' };

export type SyntaxProblem =
  | { kind: 'unexpected'; found: Found; expecting?: string }
  | { kind: 'unterminated-quote'; quote: "'" | '"' }
  | { kind: 'unterminated-backquote' }
  | { kind: 'missing-brace' }
  | { kind: 'bad-substitution'; text: string };

export class ShellSyntaxError extends Error {
  override name = 'ShellSyntaxError';

  constructor(
    readonly problem: SyntaxProblem,
    /** The line of the script where the problem was found (1-based). */
    readonly line: number,
  ) {
    super(describe(problem));
  }
}

function describe(p: SyntaxProblem): string {
  switch (p.kind) {
    case 'unexpected':
      return `unexpected ${'token' in p.found ? p.found.token : p.found.end}`;
    case 'unterminated-quote':
      return 'unterminated quoted string';
    case 'unterminated-backquote':
      return 'EOF in backquote substitution';
    case 'missing-brace':
      return "missing '}'";
    case 'bad-substitution':
      return 'bad substitution';
  }
}

/** True when more input could complete the script (an interactive shell then asks for more). */
export function needsMoreInput(err: ShellSyntaxError): boolean {
  const p = err.problem;
  if (p.kind === 'unterminated-quote' || p.kind === 'unterminated-backquote' || p.kind === 'missing-brace') return true;
  return p.kind === 'unexpected' && 'end' in p.found && p.found.end === 'end of file';
}
