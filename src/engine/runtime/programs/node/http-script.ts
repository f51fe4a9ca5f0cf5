// Dockyard's miniature Node.js recognises one kind of program: a plain HTTP server written with the
// `http` module, like the acme/hello-api image's server.js —
//
//   const port = process.env.PORT || 3000;
//   http.createServer((req, res) => { res.setHeader(…); res.end(JSON.stringify({ … })); })
//       .listen(port, () => console.log(`listening on port ${port}`));
//
// It evaluates the simple top-level declarations, reads the handler's `res.setHeader`,
// `res.writeHead`, `res.statusCode =`, `res.write` and `res.end` calls as the response to build,
// and the `.listen` call for the port and the callback. Each request runs those calls with `req`
// bound to the request's url, method and headers. Anything else in the handler makes the script
// "beyond the miniature": it is recognised honestly or not at all.
import type { Expr } from '../mini/ast';
import { Evaluator } from '../mini/eval';
import { parseExpression, parseProgram } from '../mini/parse';
import { dict, jsString, str, type Value } from '../mini/values';

export interface HttpScript {
  declarations: string[];
  req: string;
  res: string;
  handler: string[];
  port: string;
  callback: string[];
}

/** Split `text` on `sep` at bracket depth 0, outside strings and template literals. */
export function splitTopLevel(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** The text between the bracket at `open` and its match. */
function balanced(text: string, open: number): string | undefined {
  const pairs: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
  const close = pairs[text[open]!];
  if (!close) return undefined;
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === text[open]) depth++;
    else if (c === close && --depth === 0) return text.slice(open + 1, i);
  }
  return undefined;
}

function arrowBody(fnText: string): { params: string[]; body: string[] } | undefined {
  const m =
    /^(?:\(([^)]*)\)|([A-Za-z_$][\w$]*))\s*=>\s*/.exec(fnText) ?? /^function\s*[\w$]*\s*\(([^)]*)\)\s*/.exec(fnText);
  if (!m) return undefined;
  const params = (m[1] ?? m[2] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const rest = fnText.slice(m[0].length).trim();
  if (rest.startsWith('{')) {
    const inner = balanced(rest, 0);
    return inner === undefined ? undefined : { params, body: splitTopLevel(inner, ';') };
  }
  return { params, body: [rest] };
}

/** Recognise the pattern; undefined when the script is not a plain http server. */
export function recogniseHttpScript(source: string): HttpScript | undefined {
  const code = source.replace(/^#!.*\n/, '').replace(/^\s*\/\/.*$/gm, '');
  const create = code.indexOf('createServer(');
  if (create < 0) return undefined;
  const handlerText = balanced(code, create + 'createServer'.length);
  const handler = handlerText === undefined ? undefined : arrowBody(handlerText.trim());
  if (!handler || handler.params.length < 2) return undefined;
  const listenAt = code.indexOf('.listen(', create);
  const listenArgs = listenAt < 0 ? undefined : balanced(code, listenAt + '.listen'.length);
  if (listenArgs === undefined) return undefined;
  const [port = '0', ...others] = splitTopLevel(listenArgs, ',');
  const cb = others.map((o) => arrowBody(o)).find((x) => x !== undefined);
  const declarations = splitTopLevel(code.slice(0, code.lastIndexOf('\n', create) + 1), ';')
    .flatMap((s) => s.split('\n'))
    .map((s) => s.trim())
    .filter((s) => /^(const|let|var)\s+[\w$]+\s*=/.test(s) && !s.includes('=>') && !s.includes('createServer'));
  return {
    declarations,
    req: handler.params[0]!,
    res: handler.params[1]!,
    handler: handler.body,
    port,
    callback: cb?.body ?? [],
  };
}

/** One response call from the handler: what it does to the response being built. */
export type ResponseStep =
  | { op: 'setHeader'; name: Expr; value: Expr }
  | { op: 'writeHead'; status: Expr; headers?: Expr }
  | { op: 'status'; value: Expr }
  | { op: 'write' | 'end'; body?: Expr };

/** Parse the handler's statements; undefined when one is not a response call. */
export function responseSteps(script: HttpScript): ResponseStep[] | undefined {
  const steps: ResponseStep[] = [];
  const res = script.res.replace(/[$]/g, '\\$');
  for (const s of script.handler) {
    const status = new RegExp(`^${res}\\.statusCode\\s*=\\s*(.+)$`, 's').exec(s);
    if (status) {
      steps.push({ op: 'status', value: parseExpression(status[1]!, 'js') });
      continue;
    }
    const call = new RegExp(`^${res}\\.(setHeader|writeHead|write|end)\\s*\\(`).exec(s);
    if (!call || !s.endsWith(')')) return undefined;
    const args = splitTopLevel(s.slice(call[0].length, -1), ',').map((a) => parseExpression(a, 'js'));
    const op = call[1] as 'setHeader' | 'writeHead' | 'write' | 'end';
    if (op === 'setHeader' && args.length === 2) steps.push({ op, name: args[0]!, value: args[1]! });
    else if (op === 'writeHead' && args.length >= 1)
      steps.push({
        op,
        status: args[0]!,
        headers: args[args.length - 1] === args[0] ? undefined : args[args.length - 1],
      });
    else if (op === 'write' || op === 'end') steps.push({ op, body: args[0] });
    else return undefined;
  }
  return steps;
}

export interface BuiltResponse {
  status: number;
  headers: [string, string][];
  body: string;
}

/** Run the steps for one request. */
export function buildResponse(
  steps: readonly ResponseStep[],
  evaluator: Evaluator,
  req: string,
  request: { url: string; method: string; headers: Record<string, string> },
): BuiltResponse {
  const headers = new Map<string, [string, string]>();
  const lower = Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), str(v)] as [string, Value]);
  evaluator.scope.set(
    req,
    dict([
      ['url', str(request.url)],
      ['method', str(request.method)],
      ['headers', dict(lower)],
    ]),
  );
  let status = 200;
  let body = '';
  const text = (e: Expr | undefined) => (e === undefined ? '' : jsString(evaluator.eval(e)));
  for (const s of steps) {
    if (s.op === 'setHeader') headers.set(text(s.name).toLowerCase(), [text(s.name), text(s.value)]);
    else if (s.op === 'status') status = Number(text(s.value));
    else if (s.op === 'writeHead') {
      status = Number(text(s.status));
      const h = s.headers ? evaluator.eval(s.headers) : undefined;
      if (h?.t === 'dict') for (const [k, v] of h.v) headers.set(k.toLowerCase(), [k, jsString(v)]);
    } else body += text(s.body);
  }
  return { status, headers: [...headers.values()], body };
}

/** Evaluate the top-level declarations into the evaluator's scope (skipping `require` of http). */
export function declare(evaluator: Evaluator, declarations: readonly string[]): void {
  for (const d of declarations) {
    if (/require\(\s*['"](node:)?https?['"]\s*\)/.test(d)) continue;
    evaluator.run(parseProgram(d, 'js'));
  }
}
