// The shell's grammar (XCU 2.10), by recursive descent: a program is a list of and-or lists
// (`a && b || c`) of pipelines (`! a | b`) of commands. Reserved words (`if`, `then`, `done`, `{`…)
// are words that the parser treats as keywords only where a command could start, which is why
// `echo fi` prints "fi" but `fi` alone is a syntax error. On a syntax error the whole script is
// refused before anything runs — or, read a line at a time (nextCommand), before that line runs.

import type {
  AndOr,
  Case,
  Command,
  For,
  FunctionDefinition,
  If,
  List,
  Loop,
  Pipeline,
  Redirect,
  RedirectOp,
  SimpleCommand,
  Word,
} from './ast';
import { assignmentOf, isOp, isWord, plainText, REDIRECT_OPS, RESERVED, TokenStream } from './parser-tokens';
import { Scanner, setNestedParser, setSubstitutionParser, type Token } from './scanner';

export class Parser extends TokenStream {
  constructor(source: string, firstLine = 1) {
    super(new Scanner(source, firstLine));
    this.scanner.parseSubstitution = () => this.substitution();
  }

  /** Use an existing scanner (a `$(…)` inside a fragment). */
  static on(scanner: Scanner): Parser {
    const parser = Object.create(Parser.prototype) as Parser;
    Object.assign(parser, { scanner, ahead: undefined });
    scanner.parseSubstitution = () => parser.substitution();
    return parser;
  }

  /** A whole script: everything up to the end of the input. */
  program(): List {
    const list = this.list(() => false);
    const t = this.peek();
    if (t.kind !== 'eof') throw this.unexpected(t);
    return list;
  }

  /**
   * The next complete command of a script — the and-or lists up to the end of a line — or
   * undefined at the end. Shells read and run a script this way, one line at a time, so a syntax
   * error on line 5 is reported after lines 1–4 have run.
   */
  nextCommand(): List | undefined {
    this.linebreak();
    if (this.peek().kind === 'eof') return undefined;
    const items: List['items'] = [];
    for (;;) {
      const command = this.andOr();
      const sep = this.peek();
      let background = false;
      if (isOp(sep, '&')) {
        this.take();
        background = true;
      } else if (isOp(sep, ';')) this.take();
      else if (sep.kind !== 'newline' && sep.kind !== 'eof') throw this.unexpected(sep);
      items.push({ command, background });
      const next = this.peek();
      if (next.kind === 'newline' || next.kind === 'eof') break;
    }
    return { type: 'list', items };
  }

  /** Nothing but blank lines and comments left. */
  atEnd(): boolean {
    this.linebreak();
    return this.peek().kind === 'eof';
  }

  /** `$(…)`: a list up to the matching `)`. */
  substitution(): List {
    const saved = this.ahead;
    this.ahead = undefined;
    const list = this.list((t) => isOp(t, ')'));
    const t = this.take();
    if (!isOp(t, ')')) throw this.unexpected(t, ')');
    this.ahead = saved;
    return list;
  }

  private list(stop: (t: Token) => boolean, required = false): List {
    const items: List['items'] = [];
    this.linebreak();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof' || stop(t)) break;
      const command = this.andOr();
      const sep = this.peek();
      let background = false;
      if (isOp(sep, '&')) {
        this.take();
        background = true;
      } else if (isOp(sep, ';')) this.take();
      else if (sep.kind !== 'newline' && sep.kind !== 'eof' && !stop(sep)) throw this.unexpected(sep);
      items.push({ command, background });
      this.linebreak();
    }
    if (required && items.length === 0) throw this.unexpected(this.peek());
    return { type: 'list', items };
  }

  /** A compound list ending before one of `keywords` (required to be non-empty, as POSIX says). */
  private compound(...keywords: string[]): List {
    return this.list((t) => keywords.some((k) => isWord(t, k) || isOp(t, k)), true);
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (!isOp(t, '&&') && !isOp(t, '||')) break;
      this.take();
      this.linebreak();
      rest.push({ op: isOp(t, '&&') ? '&&' : '||', pipeline: this.pipeline() });
    }
    return { type: 'and-or', first, rest };
  }

  private pipeline(): Pipeline {
    const line = this.peek().line;
    let negate = false;
    if (isWord(this.peek(), '!')) {
      this.take();
      negate = true;
    }
    const commands = [this.command()];
    while (isOp(this.peek(), '|')) {
      this.take();
      this.linebreak();
      commands.push(this.command());
    }
    return { type: 'pipeline', negate, commands, line };
  }

  private command(): Command {
    const t = this.peek();
    const line = t.line;
    let command: Exclude<Command, SimpleCommand | FunctionDefinition>;
    if (isOp(t, '(')) {
      this.take();
      const body = this.compound(')');
      const close = this.take();
      if (!isOp(close, ')')) throw this.unexpected(close, ')');
      command = { type: 'subshell', body, redirects: [], line };
    } else if (t.kind === 'word' && plainText(t.word) !== undefined && RESERVED.has(plainText(t.word) as string)) {
      command = this.keywordCommand(plainText(t.word) as string, t);
    } else if (t.kind === 'word' && plainText(t.word) === 'function') {
      return this.bashFunction();
    } else {
      return this.simple();
    }
    this.redirects(command.redirects);
    return command;
  }

  private keywordCommand(keyword: string, t: Token): Exclude<Command, SimpleCommand | FunctionDefinition> {
    const line = t.line;
    switch (keyword) {
      case '{': {
        this.take();
        const body = this.compound('}');
        this.expectWord('}');
        return { type: 'group', body, redirects: [], line };
      }
      case 'if':
        return this.ifCommand();
      case 'while':
      case 'until': {
        this.take();
        const condition = this.compound('do');
        this.expectWord('do');
        const body = this.compound('done');
        this.expectWord('done');
        return { type: 'loop', until: keyword === 'until', condition, body, redirects: [], line } satisfies Loop;
      }
      case 'for':
        return this.forCommand();
      case 'case':
        return this.caseCommand();
      default:
        throw this.unexpected(t);
    }
  }

  private ifCommand(): If {
    const line = this.take().line;
    const clauses: If['clauses'] = [];
    let otherwise: List | undefined;
    for (;;) {
      const condition = this.compound('then');
      this.expectWord('then');
      const body = this.compound('elif', 'else', 'fi');
      clauses.push({ condition, body });
      const t = this.take();
      if (isWord(t, 'elif')) continue;
      if (isWord(t, 'else')) {
        otherwise = this.compound('fi');
        this.expectWord('fi');
      } else if (!isWord(t, 'fi')) throw this.unexpected(t, 'fi');
      break;
    }
    const node: If = { type: 'if', clauses, redirects: [], line };
    if (otherwise !== undefined) node.otherwise = otherwise;
    return node;
  }

  private forCommand(): For {
    const line = this.take().line;
    const nameToken = this.take();
    const name = nameToken.kind === 'word' ? plainText(nameToken.word) : undefined;
    if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw this.unexpected(nameToken);
    this.linebreak();
    let words: Word[] | undefined;
    if (isWord(this.peek(), 'in')) {
      this.take();
      words = [];
      for (let t = this.peek(); t.kind === 'word'; t = this.peek()) words.push((this.take() as { word: Word }).word);
      const sep = this.take();
      if (!isOp(sep, ';') && sep.kind !== 'newline') throw this.unexpected(sep, 'do');
    } else if (isOp(this.peek(), ';')) this.take();
    this.linebreak();
    this.expectWord('do');
    const body = this.compound('done');
    this.expectWord('done');
    const node: For = { type: 'for', name, body, redirects: [], line };
    if (words !== undefined) node.words = words;
    return node;
  }

  private caseCommand(): Case {
    const line = this.take().line;
    const subject = this.take();
    if (subject.kind !== 'word') throw this.unexpected(subject);
    this.linebreak();
    this.expectWord('in');
    this.linebreak();
    const items: Case['items'] = [];
    while (!isWord(this.peek(), 'esac')) {
      if (isOp(this.peek(), '(')) this.take();
      const patterns: Word[] = [];
      for (;;) {
        const p = this.take();
        if (p.kind !== 'word') throw this.unexpected(p, ')');
        patterns.push(p.word);
        if (!isOp(this.peek(), '|')) break;
        this.take();
      }
      const close = this.take();
      if (!isOp(close, ')')) throw this.unexpected(close, ')');
      const body = this.list((t) => isOp(t, ';;') || isOp(t, ';&') || isWord(t, 'esac'));
      const end = this.peek();
      let fallthrough = false;
      if (isOp(end, ';;') || isOp(end, ';&')) {
        this.take();
        fallthrough = isOp(end, ';&');
      } else if (!isWord(end, 'esac')) throw this.unexpected(end, 'esac');
      items.push({ patterns, body, fallthrough });
      this.linebreak();
    }
    this.take();
    return { type: 'case', word: subject.word, items, redirects: [], line };
  }

  /** bash's and ash's `function name { …; }` (and `function name() { …; }`). */
  private bashFunction(): Command {
    const line = this.take().line;
    const t = this.take();
    const name = t.kind === 'word' ? plainText(t.word) : undefined;
    if (name === undefined) throw this.unexpected(t);
    if (isOp(this.peek(), '(')) {
      this.take();
      const close = this.take();
      if (!isOp(close, ')')) throw this.unexpected(close, ')');
    }
    this.linebreak();
    return { type: 'function', name, body: this.command(), line };
  }

  private simple(): Command {
    const line = this.peek().line;
    const node: SimpleCommand = { type: 'simple', assignments: [], words: [], redirects: [], line };
    for (;;) {
      const t = this.peek();
      if (t.kind === 'io' || (t.kind === 'op' && REDIRECT_OPS.has(t.op))) {
        this.redirect(node.redirects);
        continue;
      }
      if (t.kind !== 'word') break;
      this.take();
      const assignment = node.words.length === 0 ? assignmentOf(t.word) : undefined;
      if (assignment !== undefined) node.assignments.push(assignment);
      else node.words.push(t.word);
      if (
        node.words.length === 1 &&
        node.assignments.length === 0 &&
        node.redirects.length === 0 &&
        isOp(this.peek(), '(')
      ) {
        return this.functionDefinition(t.word, line);
      }
    }
    if (node.words.length === 0 && node.assignments.length === 0 && node.redirects.length === 0) {
      throw this.unexpected(this.peek());
    }
    return node;
  }

  private functionDefinition(nameWord: Word, line: number): Command {
    const open = this.take();
    const name = plainText(nameWord);
    if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) throw this.unexpected(open);
    const close = this.take();
    if (!isOp(close, ')')) throw this.unexpected(close, ')');
    this.linebreak();
    const body = this.command();
    if (body.type === 'simple' || body.type === 'function') throw this.unexpected(this.peek());
    return { type: 'function', name, body, line };
  }

  private redirects(into: Redirect[]): void {
    for (let t = this.peek(); t.kind === 'io' || (t.kind === 'op' && REDIRECT_OPS.has(t.op)); t = this.peek()) {
      this.redirect(into);
    }
  }

  private redirect(into: Redirect[]): void {
    let t = this.take();
    let fd: number | undefined;
    if (t.kind === 'io') {
      fd = t.fd;
      t = this.take();
      if (t.kind !== 'op' || !REDIRECT_OPS.has(t.op)) throw this.unexpected(t);
    }
    const op = (t as { op: string }).op as RedirectOp;
    const target = this.take();
    if (target.kind !== 'word') throw this.unexpected(target);
    const redirect: Redirect = { fd: fd ?? (op.startsWith('<') ? 0 : 1), op, target: target.word };
    if (op === '<<' || op === '<<-') this.scanner.queueHeredoc(redirect, target.word.text, op === '<<-');
    into.push(redirect);
  }
}

/** Parse a whole script. Throws `ShellSyntaxError`. */
export function parseScript(source: string, firstLine = 1): List {
  return new Parser(source, firstLine).program();
}

setNestedParser((source, line) => parseScript(source, line));
setSubstitutionParser((scanner) => Parser.on(scanner).substitution());
