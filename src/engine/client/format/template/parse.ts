// The shape of a Go template (Go's text/template/parse): text, actions holding pipelines
// (`{{.Repository | upper}}`), and the control structures `if`, `range`, `with` with their `else`.
// A pipeline is commands joined by `|`; a command is a function or a value with arguments. Names
// of functions are checked here, as Go checks them: `{{nope}}` fails to parse with
// `function "nope" not defined`.
import { lex, TemplateSyntaxError, type Token } from './lex';

export type Arg =
  | { type: 'field'; pos: number; names: string[] }
  | { type: 'variable'; pos: number; name: string; names: string[] }
  | { type: 'chain'; pos: number; node: Arg; names: string[] }
  | { type: 'dot'; pos: number }
  | { type: 'function'; pos: number; name: string }
  | { type: 'string'; pos: number; value: string; text: string }
  | { type: 'number'; pos: number; value: number; text: string }
  | { type: 'bool'; pos: number; value: boolean }
  | { type: 'nil'; pos: number }
  | { type: 'pipe'; pos: number; pipe: Pipe };

export interface Command {
  pos: number;
  args: Arg[];
}

export interface Pipe {
  pos: number;
  /** Variables it declares (`$v :=`), or assigns with `=`. */
  decl: string[];
  assign: boolean;
  cmds: Command[];
}

export interface ControlNode {
  type: 'if' | 'with' | 'range';
  pos: number;
  pipe: Pipe;
  list: Node[];
  elseList?: Node[];
}

export type Node =
  | { type: 'text'; text: string }
  | { type: 'action'; pos: number; pipe: Pipe }
  | ControlNode
  | { type: 'break' | 'continue'; pos: number };

function unquote(token: Token): string {
  if (token.kind === 'rawString') return token.text.slice(1, -1);
  try {
    return JSON.parse(
      token.text
        .replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')
        .replace(/\\a/g, '\\u0007')
        .replace(/\\v/g, '\\u000b'),
    ) as string;
  } catch {
    throw new TemplateSyntaxError(token.line, `invalid syntax: ${token.text}`);
  }
}

function numberOf(token: Token): number {
  const t = token.text.replace(/_/g, '');
  const value =
    /^[+-]?0[xX]/.test(t) || /^[+-]?0[bB]/.test(t) || /^[+-]?0[oO]/.test(t)
      ? Number(t.replace(/^([+-]?)/, '')) * (t.startsWith('-') ? -1 : 1)
      : Number(t);
  if (t === '' || Number.isNaN(value)) throw new TemplateSyntaxError(token.line, `bad number syntax: "${token.text}"`);
  return value;
}

class Parser {
  private i = 0;
  private readonly vars: string[][] = [['$']];

  constructor(
    private readonly tokens: Token[],
    private readonly functions: ReadonlySet<string>,
  ) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }

  private next(): Token {
    return this.tokens[this.i++]!;
  }

  private peekNonSpace(): Token {
    while (this.peek().kind === 'space') this.i++;
    return this.peek();
  }

  private nextNonSpace(): Token {
    this.peekNonSpace();
    return this.next();
  }

  private fail(token: Token, message: string): never {
    throw new TemplateSyntaxError(token.line, message);
  }

  /** Parse until `{{end}}`/`{{else}}` (returning which) or the end of the template. */
  list(inside: string | undefined): { nodes: Node[]; stop: 'end' | 'else' | 'eof'; elseToken?: Token } {
    const nodes: Node[] = [];
    for (;;) {
      const t = this.next();
      if (t.kind === 'eof') {
        if (inside) this.fail(t, 'unexpected EOF');
        return { nodes, stop: 'eof' };
      }
      if (t.kind === 'text') {
        nodes.push({ type: 'text', text: t.text });
        continue;
      }
      // A left delimiter.
      const head = this.peekNonSpace();
      if (head.kind === 'comment') {
        this.next();
        this.expectRight();
        continue;
      }
      if (head.kind === 'keyword') {
        this.next();
        switch (head.text) {
          case 'end':
            if (!inside) this.fail(head, 'unexpected {{end}}');
            this.expectRight();
            return { nodes, stop: 'end' };
          case 'else':
            if (!inside) this.fail(head, 'unexpected {{else}}');
            return { nodes, stop: 'else', elseToken: head };
          case 'if':
          case 'with':
          case 'range':
            nodes.push(this.control(head));
            continue;
          case 'break':
          case 'continue':
            this.expectRight();
            nodes.push({ type: head.text, pos: head.pos });
            continue;
          default:
            this.fail(head, `unexpected <${head.text}> in command`);
        }
      }
      const pipe = this.pipeline('command', true);
      nodes.push({ type: 'action', pos: pipe.pos, pipe });
    }
  }

  private expectRight(): void {
    const t = this.nextNonSpace();
    if (t.kind !== 'right') this.fail(t, `unexpected ${describe(t)} in end`);
  }

  private control(head: Token): Node {
    const kind = head.text as 'if' | 'with' | 'range';
    this.vars.push([]);
    const pipe = this.pipeline(kind, true);
    const body = this.list(kind);
    let elseList: Node[] | undefined;
    if (body.stop === 'else') {
      const after = this.peekNonSpace();
      if ((kind === 'if' || kind === 'with') && after.kind === 'keyword' && after.text === kind) {
        // {{else if …}} is an if inside the else branch, sharing its {{end}}.
        this.next();
        elseList = [this.control(after)];
      } else {
        this.expectRight();
        const rest = this.list(kind);
        if (rest.stop === 'else') this.fail(rest.elseToken!, `expected end; found {{else}}`);
        elseList = rest.nodes;
      }
    }
    this.vars.pop();
    return { type: kind, pos: head.pos, pipe, list: body.nodes, ...(elseList ? { elseList } : {}) };
  }

  /** A pipeline up to `}}` (or `)` inside parentheses). */
  private pipeline(context: string, toRight: boolean): Pipe {
    const start = this.peekNonSpace();
    const decl: string[] = [];
    let assign = false;
    // Declarations: $x := …, $i, $e := … (range), $x = …
    const save = this.i;
    if (start.kind === 'variable') {
      const names = [this.next().text];
      let t = this.peekNonSpace();
      if (t.kind === 'comma' && context === 'range') {
        this.next();
        const second = this.nextNonSpace();
        if (second.kind === 'variable') names.push(second.text);
        t = this.peekNonSpace();
      }
      if (t.kind === 'declare' || t.kind === 'assign') {
        this.next();
        assign = t.kind === 'assign';
        decl.push(...names);
        if (!assign) this.vars[this.vars.length - 1]!.push(...names);
      } else this.i = save;
    }
    const cmds: Command[] = [];
    for (;;) {
      const t = this.peekNonSpace();
      if (t.kind === 'right' && toRight) {
        this.next();
        break;
      }
      if (t.kind === 'rightParen' && !toRight) {
        this.next();
        break;
      }
      if (t.kind === 'eof') this.fail(t, 'unclosed action');
      if (t.kind === 'pipe') {
        if (cmds.length === 0) this.fail(t, `missing command`);
        this.next();
        continue;
      }
      cmds.push(this.command());
    }
    if (cmds.length === 0 && decl.length === 0) this.fail(start, `missing value for ${context}`);
    return { pos: start.pos, decl, assign, cmds };
  }

  private command(): Command {
    const pos = this.peekNonSpace().pos;
    const args: Arg[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'space') {
        this.next();
        continue;
      }
      if (t.kind === 'pipe' || t.kind === 'right' || t.kind === 'rightParen' || t.kind === 'eof') break;
      args.push(this.operand());
      const after = this.peek();
      if (after.kind !== 'space' && after.kind !== 'pipe' && after.kind !== 'right' && after.kind !== 'rightParen') {
        this.fail(after, `unexpected ${describe(after)} in operand`);
      }
    }
    if (args.length === 0) this.fail(this.peek(), 'empty command');
    return { pos, args };
  }

  private operand(): Arg {
    const term = this.term();
    if (this.peek().kind !== 'field') return term;
    const names: string[] = [];
    const chainPos = this.peek().pos;
    while (this.peek().kind === 'field') names.push(this.next().text.slice(1));
    if (term.type === 'field') return { type: 'field', pos: chainPos, names: [...term.names, ...names] };
    if (term.type === 'variable') return { ...term, pos: chainPos, names: [...term.names, ...names] };
    if (
      term.type === 'bool' ||
      term.type === 'string' ||
      term.type === 'number' ||
      term.type === 'nil' ||
      term.type === 'dot'
    ) {
      this.fail(this.peek(), `unexpected . after term "${argText(term)}"`);
    }
    return { type: 'chain', pos: chainPos, node: term, names };
  }

  private term(): Arg {
    const t = this.next();
    switch (t.kind) {
      case 'identifier':
        if (!this.functions.has(t.text)) this.fail(t, `function "${t.text}" not defined`);
        return { type: 'function', pos: t.pos, name: t.text };
      case 'dot':
        return { type: 'dot', pos: t.pos };
      case 'nil':
        return { type: 'nil', pos: t.pos };
      case 'variable':
        if (!this.vars.some((scope) => scope.includes(t.text))) this.fail(t, `undefined variable "${t.text}"`);
        return { type: 'variable', pos: t.pos, name: t.text, names: [] };
      case 'field':
        return { type: 'field', pos: t.pos, names: [t.text.slice(1)] };
      case 'bool':
        return { type: 'bool', pos: t.pos, value: t.text === 'true' };
      case 'number':
        return { type: 'number', pos: t.pos, value: numberOf(t), text: t.text };
      case 'char':
        return {
          type: 'number',
          pos: t.pos,
          value: unquote({ ...t, text: `"${t.text.slice(1, -1)}"` }).codePointAt(0) ?? 0,
          text: t.text,
        };
      case 'string':
      case 'rawString':
        return { type: 'string', pos: t.pos, value: unquote(t), text: t.text };
      case 'leftParen': {
        const pipe = this.pipeline('parenthesized pipeline', false);
        return { type: 'pipe', pos: t.pos, pipe };
      }
      default:
        this.fail(t, `unexpected ${describe(t)} in operand`);
    }
  }
}

function describe(t: Token): string {
  if (t.kind === 'right') return '"}}"';
  if (t.kind === 'eof') return 'EOF';
  if (t.kind === 'rightParen') return '")"';
  return `<${t.text}>`;
}

/** A node as Go's String() shows it in error messages (`.Config.Nope`, `index .RepoTags 5`). */
export function argText(arg: Arg): string {
  switch (arg.type) {
    case 'field':
      return '.' + arg.names.join('.');
    case 'variable':
      return [arg.name, ...arg.names].join('.');
    case 'chain':
      return `${argText(arg.node)}.${arg.names.join('.')}`;
    case 'dot':
      return '.';
    case 'function':
      return arg.name;
    case 'string':
    case 'number':
      return arg.text;
    case 'bool':
      return String(arg.value);
    case 'nil':
      return 'nil';
    case 'pipe':
      return `(${pipeText(arg.pipe)})`;
  }
}

export function commandText(cmd: Command): string {
  return cmd.args.map(argText).join(' ');
}

export function pipeText(pipe: Pipe): string {
  const decl = pipe.decl.length ? `${pipe.decl.join(', ')} ${pipe.assign ? '=' : ':='} ` : '';
  return decl + pipe.cmds.map(commandText).join(' | ');
}

/** Parse a template; throws TemplateSyntaxError. `functions` are the names it may call. */
export function parseTemplate(source: string, functions: ReadonlySet<string>): Node[] {
  return new Parser(lex(source), functions).list(undefined).nodes;
}
