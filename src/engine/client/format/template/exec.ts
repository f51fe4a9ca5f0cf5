// Running a Go template over a value, as Go's text/template does for `docker … --format`: fields
// are looked up on structs, maps and the CLI's formatter contexts; `{{if}}`, `{{range}}`,
// `{{with}}` follow Go's truth; variables live in their block. A failure names where it happened,
// in Go's words: `template: :1:2: executing "" at <.Nope>: can't evaluate field Nope in type …`.
import { GoMap, GoNil, GoPointerNil, GoStruct, NO_VALUE, goSprint, goTruth, type GoMethod } from '../go-values';
import { argText, commandText, type Arg, type Command, type ControlNode, type Node, type Pipe } from './parse';
import { typeNameOf, type TemplateFunction } from './funcs';

export class TemplateExecError extends Error {
  override name = 'TemplateExecError';
  constructor(
    readonly pos: number,
    readonly context: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Something the formatter hands a template: its Go type name and its fields or methods. */
export interface GoContext {
  readonly goType: string;
}

class Break {}
class Continue {}

interface State {
  vars: [string, unknown][];
  missingKeyError: boolean;
  functions: ReadonlyMap<string, TemplateFunction>;
}

function isContext(value: unknown): value is GoContext & Record<string, unknown> {
  return typeof value === 'object' && value !== null && 'goType' in value;
}

function fieldOf(receiver: unknown, name: string, args: unknown[], state: State, at: () => [number, string]): unknown {
  const fail = (detail: string): never => {
    const [pos, context] = at();
    throw new TemplateExecError(pos, context, detail);
  };
  if (receiver === NO_VALUE || receiver === null || receiver === undefined) {
    return fail(`nil pointer evaluating interface {}.${name}`);
  }
  if (receiver instanceof GoPointerNil) return fail(`nil pointer evaluating ${receiver.typeName}.${name}`);
  let value: unknown;
  let found = false;
  if (receiver instanceof GoStruct) {
    found = receiver.has(name);
    value = receiver.get(name);
  } else if (isContext(receiver)) {
    found = Object.hasOwn(receiver, name) && name !== 'goType' && name !== 'toGoJson';
    value = receiver[name];
  } else if (receiver instanceof GoMap) {
    if (args.length > 0) fail(`${name} is not a method but has arguments`);
    if (receiver.has(name)) return receiver.get(name);
    if (state.missingKeyError) fail(`map has no entry for key "${name}"`);
    return receiver.typeName === 'map[string]string' ? '' : NO_VALUE;
  } else if (receiver instanceof GoNil && receiver.kind === 'map') {
    if (state.missingKeyError) fail(`map has no entry for key "${name}"`);
    return NO_VALUE;
  }
  if (!found) return fail(`can't evaluate field ${name} in type ${typeNameOf(receiver)}`);
  if (typeof value === 'function') return (value as GoMethod).call(receiver, ...args);
  if (args.length > 0) fail(`${name} has arguments but cannot be invoked as function`);
  return value;
}

class Executor {
  out = '';

  constructor(private readonly state: State) {}

  run(nodes: readonly Node[], dot: unknown): void {
    for (const node of nodes) this.node(node, dot);
  }

  private node(node: Node, dot: unknown): void {
    switch (node.type) {
      case 'text':
        this.out += node.text;
        return;
      case 'action': {
        const value = this.pipe(node.pipe, dot);
        if (node.pipe.decl.length === 0) this.out += printable(value);
        return;
      }
      case 'if':
      case 'with': {
        const mark = this.state.vars.length;
        const value = this.pipe(node.pipe, dot);
        if (goTruth(value === NO_VALUE ? undefined : value)) this.run(node.list, node.type === 'with' ? value : dot);
        else if (node.elseList) this.run(node.elseList, dot);
        this.state.vars.length = mark;
        return;
      }
      case 'range':
        return this.range(node, dot);
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
    }
  }

  private range(node: ControlNode, dot: unknown): void {
    const mark = this.state.vars.length;
    const decl = node.pipe.decl;
    const value = this.pipe({ ...node.pipe, decl: [] }, dot);
    let items: [unknown, unknown][];
    if (Array.isArray(value)) items = value.map((v, i) => [i, v]);
    else if (value instanceof GoMap) items = value.sorted();
    else if (typeof value === 'number' && Number.isInteger(value))
      items = Array.from({ length: Math.max(0, value) }, (_, i) => [i, i]);
    else if (value instanceof GoNil || value === null || value === NO_VALUE || value === undefined) items = [];
    else
      throw new TemplateExecError(
        node.pos,
        `range ${node.pipe.cmds.map(commandText).join(' | ')}`,
        `range can't iterate over ${goSprint(value)}`,
      );
    if (items.length === 0) {
      if (node.elseList) this.run(node.elseList, dot);
      return;
    }
    for (const [key, item] of items) {
      this.state.vars.length = mark;
      if (decl.length === 1) this.state.vars.push([decl[0]!, item]);
      if (decl.length === 2) this.state.vars.push([decl[0]!, key], [decl[1]!, item]);
      try {
        this.run(node.list, item);
      } catch (signal) {
        if (signal instanceof Break) break;
        if (!(signal instanceof Continue)) throw signal;
      }
    }
    this.state.vars.length = mark;
  }

  pipe(pipe: Pipe, dot: unknown): unknown {
    let value: unknown = NO_VALUE;
    let first = true;
    for (const cmd of pipe.cmds) {
      value = this.command(cmd, dot, first ? undefined : value);
      first = false;
    }
    for (const name of pipe.decl) {
      if (pipe.assign) {
        const slot = [...this.state.vars].reverse().find(([n]) => n === name);
        if (slot) slot[1] = value;
      } else this.state.vars.push([name, value]);
    }
    return value;
  }

  private command(cmd: Command, dot: unknown, piped: unknown): unknown {
    const [head, ...rest] = cmd.args;
    const extra = piped === undefined ? [] : [piped];
    if (head!.type === 'function') {
      const fn = this.state.functions.get(head!.name)!;
      const at = () => [head!.pos, commandText(cmd)] as [number, string];
      if (head!.name === 'and' || head!.name === 'or') return this.logic(head!.name, [...rest], extra, dot, at);
      const args = [...rest.map((a) => this.arg(a, dot)), ...extra];
      try {
        return fn(...args);
      } catch (err) {
        const [pos, context] = at();
        throw new TemplateExecError(pos, context, `error calling ${head!.name}: ${(err as Error).message}`);
      }
    }
    const args = rest.map((a) => this.arg(a, dot));
    if (head!.type === 'field' || head!.type === 'variable' || head!.type === 'chain') {
      return this.chain(head!, dot, [...args, ...extra]);
    }
    if (rest.length > 0 || extra.length > 0) {
      throw new TemplateExecError(head!.pos, commandText(cmd), `can't give argument to non-function ${argText(head!)}`);
    }
    return this.arg(head!, dot);
  }

  private logic(name: 'and' | 'or', args: Arg[], extra: unknown[], dot: unknown, at: () => [number, string]): unknown {
    const values: (() => unknown)[] = [...args.map((a) => () => this.arg(a, dot)), ...extra.map((v) => () => v)];
    if (values.length === 0) {
      const [pos, context] = at();
      throw new TemplateExecError(pos, context, `wrong number of args for ${name}: want at least 1 got 0`);
    }
    let value: unknown;
    for (const get of values) {
      value = get();
      const truth = goTruth(value === NO_VALUE ? undefined : value);
      if (name === 'and' ? !truth : truth) return value;
    }
    return value;
  }

  private chain(arg: Arg, dot: unknown, finalArgs: unknown[]): unknown {
    let receiver: unknown;
    let names: string[];
    if (arg.type === 'field') [receiver, names] = [dot, arg.names];
    else if (arg.type === 'variable') {
      receiver = [...this.state.vars].reverse().find(([n]) => n === arg.name)?.[1];
      if (arg.name === '$' && receiver === undefined) receiver = this.state.vars[0]?.[1];
      names = arg.names;
    } else if (arg.type === 'chain') [receiver, names] = [this.arg(arg.node, dot), arg.names];
    else return this.arg(arg, dot);
    const at = () => [arg.pos, argText(arg)] as [number, string];
    names.forEach((name, i) => {
      receiver = fieldOf(receiver, name, i === names.length - 1 ? finalArgs : [], this.state, at);
    });
    return receiver;
  }

  arg(arg: Arg, dot: unknown): unknown {
    switch (arg.type) {
      case 'dot':
        return dot;
      case 'string':
      case 'number':
      case 'bool':
        return arg.value;
      case 'nil':
        return null;
      case 'pipe':
        return this.pipe(arg.pipe, dot);
      case 'function':
        return this.command({ pos: arg.pos, args: [arg] }, dot, undefined);
      default:
        return this.chain(arg, dot, []);
    }
  }
}

function printable(value: unknown): string {
  if (value === NO_VALUE || value === undefined) return '<no value>';
  return goSprint(value);
}

/** Run parsed `nodes` over `data`; throws TemplateExecError. */
export function executeTemplate(
  nodes: readonly Node[],
  data: unknown,
  functions: ReadonlyMap<string, TemplateFunction>,
  options: { missingKeyError?: boolean } = {},
): string {
  const executor = new Executor({ vars: [['$', data]], missingKeyError: options.missingKeyError ?? false, functions });
  executor.run(nodes, data);
  return executor.out;
}
