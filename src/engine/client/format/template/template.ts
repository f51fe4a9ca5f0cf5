// A `--format` template, parsed once and run over each value, with Go's error texts:
//
//   template: :1: function "nope" not defined                                     (parsing)
//   template: :1:2: executing "" at <.Nope>: can't evaluate field Nope in type …  (running)
//
// The name between `template:` and the position is the template's tag ('' for most commands,
// `version` for `docker version`).
import { executeTemplate, TemplateExecError } from './exec';
import { builtinFunctions, dockerFunctions, headerFunctions, type TemplateFunction } from './funcs';
import { TemplateSyntaxError } from './lex';
import { parseTemplate, type Node } from './parse';

export class TemplateError extends Error {
  override name = 'TemplateError';
}

const allFunctions = new Map<string, TemplateFunction>([...builtinFunctions, ...dockerFunctions]);

export class GoTemplate {
  private constructor(
    private readonly source: string,
    private readonly nodes: Node[],
    readonly name: string,
    private readonly functions: ReadonlyMap<string, TemplateFunction>,
  ) {}

  /** Parse `source`; throws TemplateError (`template: :1: …`). `extra` adds functions. */
  static parse(source: string, name = '', extra: ReadonlyMap<string, TemplateFunction> = new Map()): GoTemplate {
    const functions = new Map([...allFunctions, ...extra]);
    try {
      return new GoTemplate(source, parseTemplate(source, new Set(functions.keys())), name, functions);
    } catch (err) {
      if (err instanceof TemplateSyntaxError) throw new TemplateError(`template: ${name}:${err.line}: ${err.message}`);
      throw err;
    }
  }

  /**
   * Run over `data`. `header` uses docker's header functions (for a table's first line);
   * `missingKeyError` makes a missing map key an error, as `docker inspect`'s raw-JSON retry does.
   */
  execute(data: unknown, options: { header?: boolean; missingKeyError?: boolean } = {}): string {
    try {
      const functions = options.header ? new Map([...this.functions, ...headerFunctions]) : this.functions;
      return executeTemplate(this.nodes, data, functions, options);
    } catch (err) {
      if (!(err instanceof TemplateExecError)) throw err;
      const before = this.source.slice(0, err.pos);
      const line = before.split('\n').length;
      const lastNewline = before.lastIndexOf('\n');
      const column = lastNewline < 0 ? err.pos : err.pos - lastNewline - 1;
      throw new TemplateError(
        `template: ${this.name}:${line}:${column}: executing "${this.name}" at <${err.context}>: ${err.detail}`,
      );
    }
  }
}
