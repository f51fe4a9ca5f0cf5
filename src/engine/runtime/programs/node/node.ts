// `node`: Dockyard's miniature Node.js. It answers `node --version` with the image's NODE_VERSION,
// runs `node -e`/`-p` one-liners and simple scripts made of declarations and console.log calls,
// serves plain `http.createServer` scripts (see ./http-script.ts), runs the npm and yarn launcher
// scripts for `--version`, and offers a small REPL on a terminal. It is not a JavaScript engine:
// what it cannot do, it says so (./errors.ts) rather than guess.
import { utf8 } from '../../../bytes';
import { node22 } from '../../../image/official/node';
import type { Program, ProcessContext } from '../../contract';
import { Evaluator, MiniExit, MiniRuntimeError } from '../mini/eval';
import { jsGlobals } from '../mini/js-env';
import { parseExpression, parseProgram } from '../mini/parse';
import { MiniSyntaxError } from '../mini/tokens';
import { display, repr, UNDEF } from '../mini/values';
import { installedVersion } from '../installed-version';
import { httpDate } from '../log-time';
import { beyondMiniature, moduleNotFound, UNMODELLED_GLOBALS, uncaught } from './errors';
import { buildResponse, declare, recogniseHttpScript, responseSteps } from './http-script';
import { launcherOf, runLauncher } from './launchers';

function evaluator(ctx: ProcessContext, version: string, argv: string[]): Evaluator {
  const globals = jsGlobals({
    out: (t) => ctx.stdout.write(t),
    err: (t) => ctx.stderr.write(t),
    env: ctx.env,
    version,
    hostname: ctx.hostname,
    arch: ctx.architecture === 'arm64' ? 'arm64' : 'x64',
    pid: ctx.pid,
    argv,
    cwd: ctx.cwd,
  });
  return new Evaluator('js', globals);
}

/** Run source; report errors as node would, or the miniature's limits. */
function runSource(
  ctx: ProcessContext,
  version: string,
  source: string,
  where: string,
  print: boolean,
  argv: string[],
  ev = evaluator(ctx, version, argv),
): number {
  try {
    const result = ev.run(parseProgram(source, 'js'));
    if (print) ctx.stdout.write(`${display(result, 'js')}\n`);
    return 0;
  } catch (err) {
    if (err instanceof MiniExit) return err.code;
    if (err instanceof MiniSyntaxError)
      return beyondMiniature(ctx, `this JavaScript (${err.message} at offset ${err.pos})`);
    if (err instanceof MiniRuntimeError) {
      const name = /^(\S+) is not defined$/.exec(err.message)?.[1];
      if (name && UNMODELLED_GLOBALS.has(name)) return beyondMiniature(ctx, `\`${name}\``);
      if (err.kind === 'Error' && err.message.startsWith('Cannot find module')) {
        return moduleNotFound(
          ctx,
          err.message.slice("Cannot find module '".length, -1),
          where === '[eval]' ? undefined : where,
          version,
        );
      }
      return uncaught(ctx, { where, source, pos: err.pos, kind: err.kind, message: err.message, version });
    }
    throw err;
  }
}

async function serve(ctx: ProcessContext, version: string, source: string, path: string): Promise<number | undefined> {
  const script = recogniseHttpScript(source);
  if (!script) return undefined;
  const steps = responseSteps(script);
  if (!steps) return beyondMiniature(ctx, `the request handler in ${path}`);
  const ev = evaluator(ctx, version, ['/usr/local/bin/node', path]);
  try {
    declare(ev, script.declarations);
  } catch (err) {
    if (err instanceof MiniRuntimeError && err.message.startsWith('Cannot find module')) {
      return moduleNotFound(ctx, err.message.slice("Cannot find module '".length, -1), path, version);
    }
    return beyondMiniature(ctx, `the top of ${path}`);
  }
  let port: number;
  try {
    port = Number(display(ev.eval(parseExpression(script.port, 'js')), 'js'));
  } catch {
    return beyondMiniature(ctx, `the port given to listen() in ${path}`);
  }
  const listener = ctx.net.listen(port, async (req) => {
    const built = buildResponse(steps, ev, script.req, { url: req.url, method: req.method, headers: req.headers });
    const body = utf8(built.body);
    const headers: Record<string, string> = Object.fromEntries(built.headers);
    headers['Date'] = httpDate(ctx.clock.now());
    headers['Connection'] = 'keep-alive';
    headers['Keep-Alive'] = 'timeout=5';
    headers['Content-Length'] = String(body.length);
    return { status: built.status, headers, body: req.method === 'HEAD' ? undefined : body };
  });
  for (const line of script.callback) runSource(ctx, version, line, path, false, [], ev);
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) resolve();
    ctx.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  listener.close();
  return ctx.signal.reason === 'SIGTERM' ? 143 : ctx.signal.reason === 'SIGINT' ? 130 : 137;
}

async function repl(ctx: ProcessContext, version: string): Promise<number> {
  ctx.stdout.write(`Welcome to Node.js v${version}.\nType ".help" for more information.\n> `);
  const ev = evaluator(ctx, version, ['/usr/local/bin/node']);
  let buffer = '';
  for (;;) {
    const chunk = await ctx.stdin.read();
    if (chunk === undefined) return 0;
    buffer += new TextDecoder().decode(chunk);
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line === '.exit') return 0;
      if (line !== '') {
        try {
          const v = ev.run(parseProgram(line, 'js'));
          ctx.stdout.write(`${v === UNDEF ? 'undefined' : repr(v, 'js')}\n`);
        } catch (err) {
          if (err instanceof MiniExit) return err.code;
          if (err instanceof MiniRuntimeError) ctx.stdout.write(`Uncaught ${err.kind}: ${err.message}\n`);
          else if (err instanceof MiniSyntaxError)
            ctx.stdout.write(`(beyond Dockyard's miniature Node.js: ${err.message})\n`);
          else throw err;
        }
      }
      ctx.stdout.write('> ');
    }
  }
}

export const node: Program = async (ctx) => {
  const version = installedVersion(ctx, 'NODE_VERSION', 'nodejs', node22.version);
  const args = ctx.argv.slice(1);
  const first = args[0];
  if (first === '-v' || first === '--version') {
    ctx.stdout.write(`v${version}\n`);
    return 0;
  }
  if (first === '-e' || first === '--eval' || first === '-p' || first === '--print') {
    if (args[1] === undefined) {
      ctx.stderr.write(`${ctx.argv[0] ?? 'node'}: ${first} requires an argument\n`);
      return 9;
    }
    return runSource(ctx, version, args[1], '[eval]', first === '-p' || first === '--print', [
      '/usr/local/bin/node',
      ...args.slice(2),
    ]);
  }
  if (first !== undefined && first.startsWith('-')) return beyondMiniature(ctx, `the option ${first}`);
  if (first === undefined) {
    if (ctx.isatty?.(0)) return repl(ctx, version);
    const chunks: Uint8Array[] = [];
    for (let c = await ctx.stdin.read(); c !== undefined; c = await ctx.stdin.read()) chunks.push(c);
    const source = chunks.map((c) => new TextDecoder().decode(c)).join('');
    return source.trim() === '' ? 0 : runSource(ctx, version, source, '[stdin]', false, ['/usr/local/bin/node']);
  }
  const path = first.startsWith('/') ? first : `${ctx.cwd.replace(/\/$/, '')}/${first}`;
  let resolved = path;
  if (!ctx.fs.exists(resolved) && ctx.fs.exists(`${path}.js`)) resolved = `${path}.js`;
  if (!ctx.fs.exists(resolved) || ctx.fs.stat(resolved).type !== 'file')
    return moduleNotFound(ctx, path, undefined, version);
  const tool = launcherOf(ctx.fs.realpath(resolved));
  if (tool) return runLauncher(ctx, tool, ctx.fs.realpath(resolved), args.slice(1));
  const source = ctx.fs.readText(resolved).replace(/^#!.*\n/, '\n');
  const served = await serve(ctx, version, source, resolved);
  if (served !== undefined) return served;
  return runSource(ctx, version, source, resolved, false, ['/usr/local/bin/node', resolved, ...args.slice(1)]);
};
