// `python3`: Dockyard's miniature Python, behind /usr/local/bin/python3.13 (python3.12) in the
// python images. `python3 --version` is the image's PYTHON_VERSION; `-c` runs one-liners and small
// scripts of assignments and print() (../mini); `-m http.server` serves the working directory;
// the pip launcher answers `pip --version`. It is not a Python interpreter: what it cannot do, it
// says so plainly instead of guessing.
import { python312, python313, type PythonRelease } from '../../../image/official/python';
import type { Program, ProcessContext } from '../../contract';
import { machineOf } from '../../kernel';
import { installedVersion } from '../installed-version';
import { Evaluator, MiniExit, MiniRuntimeError } from '../mini/eval';
import { parseProgram } from '../mini/parse';
import { pyGlobals } from '../mini/py-env';
import { MiniSyntaxError } from '../mini/tokens';
import { repr } from '../mini/values';
import { catchSignals } from '../stop';
import { SimpleHttpServer } from './http-server';
import { PythonStdout } from './output';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Names real Python has that the miniature does not: using one is a limit, not a NameError. */
const UNMODELLED = new Set(
  `open input dict set tuple enumerate zip map filter any all isinstance hasattr getattr setattr id hex oct bin ord chr
  reversed iter next format divmod pow hash help dir vars globals locals exec eval compile __import__ object super
  property staticmethod classmethod Exception ValueError TypeError KeyError frozenset bytes bytearray memoryview
  datetime time random re subprocess pathlib collections itertools functools typing socket urllib http threading
  asyncio logging argparse shutil glob csv sqlite3 hashlib base64 uuid decimal fractions statistics string textwrap
  pprint copy pickle struct io tempfile signal unittest venv ensurepip pip`.split(/\s+/),
);

/** Which Python this is: the marker of its executable names the minor version (python3.12). */
function release(ctx: ProcessContext, minor: string): { version: string; build: string } {
  const known: PythonRelease = minor === '3.12' ? python312 : python313;
  const fromEnv = ctx.env.get('PYTHON_VERSION');
  const fallback = minor === '3.11' ? '3.11.2' : minor === known.minor ? known.version : `${minor}.0`;
  const version = fromEnv?.startsWith(`${minor}.`) ? fromEnv : installedVersion(ctx, '', 'python3', fallback);
  const d = new Date(known.created.bookworm);
  const pad = (n: number) => String(n).padStart(2, '0');
  const build = `main, ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}) [GCC 12.2.0]`;
  return { version: version.startsWith(`${minor}.`) ? version : fallback, build };
}

function beyond(ctx: ProcessContext, what: string): number {
  ctx.stderr.write(
    `python3: ${what} is beyond Dockyard's miniature Python, which runs print() of simple expressions, ` +
      `assignments and \`python3 -m http.server\` — not a full Python interpreter\n`,
  );
  return 1;
}

function run(
  ctx: ProcessContext,
  out: PythonStdout,
  rel: { version: string; build: string },
  source: string,
  where: string,
  argv: string[],
): number {
  const { globals, modules } = pyGlobals({
    out: (t) => out.write(t),
    err: (t) => ctx.stderr.write(t),
    env: ctx.env,
    version: rel.version,
    build: rel.build,
    machine: machineOf(ctx.architecture),
    argv,
    cwd: ctx.cwd,
    pid: ctx.pid,
  });
  try {
    new Evaluator('py', globals, modules).run(parseProgram(source, 'py'));
    return 0;
  } catch (err) {
    if (err instanceof MiniExit) return err.code;
    if (err instanceof MiniSyntaxError) return beyond(ctx, `this Python (${err.message} at offset ${err.pos})`);
    if (err instanceof MiniRuntimeError) {
      const name =
        /^name '(.+)' is not defined$/.exec(err.message)?.[1] ?? /^No module named '(.+)'$/.exec(err.message)?.[1];
      if (name && UNMODELLED.has(name)) return beyond(ctx, `\`${name}\``);
      const line = source.slice(0, err.pos).split('\n').length;
      const text = where === '<string>' ? '' : `    ${source.split('\n')[line - 1]!.trim()}\n`;
      ctx.stderr.write(
        `Traceback (most recent call last):\n  File "${where}", line ${line}, in <module>\n${text}${err.kind}: ${err.message}\n`,
      );
      return 1;
    }
    throw err;
  }
}

async function httpServer(ctx: ProcessContext, out: PythonStdout, version: string, args: string[]): Promise<number> {
  let port = 8000;
  let bind = '0.0.0.0';
  let dir = ctx.cwd;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if ((a === '-b' || a === '--bind') && args[i + 1]) bind = args[++i]!;
    else if ((a === '-d' || a === '--directory') && args[i + 1]) dir = args[++i]!;
    else if (/^\d+$/.test(a)) port = Number(a);
    else {
      ctx.stderr.write(
        `usage: server.py [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [port]\nserver.py: error: argument port: invalid int value: '${a}'\n`,
      );
      return 2;
    }
  }
  const root = dir.startsWith('/') ? dir : `${ctx.cwd.replace(/\/$/, '')}/${dir}`;
  const server = new SimpleHttpServer(ctx, root, version);
  const listener = ctx.net.listen(port, (req, conn) => server.handle(req, conn));
  out.write(`Serving HTTP on ${bind} port ${port} (http://${bind}:${port}/) ...\n`);
  const signals = catchSignals(ctx, ['SIGINT']);
  try {
    const s = await signals.next();
    if (s !== 'SIGINT') return s === 'SIGTERM' ? 143 : 137; // killed: what Python held is lost
    out.write('\nKeyboard interrupt received, exiting.\n');
    out.flush();
    return 0;
  } finally {
    listener.close();
    signals.dispose();
  }
}

/** pip, the version bundled with the image's Python (by ensurepip); installing is not simulated. */
function pip(ctx: ProcessContext, version: string, args: string[]): number {
  if (args[0] === '--version' || args[0] === '-V') {
    const minor = version.split('.').slice(0, 2).join('.');
    ctx.stdout.write(`pip 24.3.1 from /usr/local/lib/python${minor}/site-packages/pip (python ${minor})\n`);
    return 0;
  }
  return beyond(ctx, `\`pip ${args.join(' ')}\` (the Python package index is not simulated)`);
}

async function readStdin(ctx: ProcessContext): Promise<string> {
  let text = '';
  for (let c = await ctx.stdin.read(); c !== undefined; c = await ctx.stdin.read()) text += new TextDecoder().decode(c);
  return text;
}

async function repl(ctx: ProcessContext, out: PythonStdout, rel: { version: string; build: string }): Promise<number> {
  out.write(
    `Python ${rel.version} (${rel.build} on linux\nType "help", "copyright", "credits" or "license" for more information.\n>>> `,
  );
  const { globals, modules } = pyGlobals({
    out: (t) => out.write(t),
    err: (t) => ctx.stderr.write(t),
    env: ctx.env,
    version: rel.version,
    build: rel.build,
    machine: machineOf(ctx.architecture),
    argv: [''],
    cwd: ctx.cwd,
    pid: ctx.pid,
  });
  const ev = new Evaluator('py', globals, modules);
  let buffer = '';
  for (;;) {
    const chunk = await ctx.stdin.read();
    if (chunk === undefined) return 0;
    buffer += new TextDecoder().decode(chunk);
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (/^\s*(exit|quit)(\(\))?\s*$/.test(line)) return 0;
      if (line.trim() !== '') {
        try {
          const stmts = parseProgram(line, 'py');
          const v = ev.run(stmts);
          if (stmts.at(-1)?.k === 'expr' && v.t !== 'none') out.write(`${repr(v, 'py')}\n`);
        } catch (err) {
          if (err instanceof MiniExit) return err.code;
          if (err instanceof MiniRuntimeError)
            ctx.stderr.write(
              `Traceback (most recent call last):\n  File "<python-input-0>", line 1, in <module>\n${err.kind}: ${err.message}\n`,
            );
          else if (err instanceof MiniSyntaxError)
            ctx.stderr.write(`(beyond Dockyard's miniature Python: ${err.message})\n`);
          else throw err;
        }
      }
      out.write('>>> ');
    }
  }
}

/** The interpreter behind the executable marked `python<minor>`. */
export function pythonFor(minor: string): Program {
  return (ctx) => runPython(ctx, minor);
}

async function runPython(ctx: ProcessContext, minor: string): Promise<number> {
  const rel = release(ctx, minor);
  const args = [...ctx.argv.slice(1)];
  let dashU = false;
  while (args[0] === '-u' || args[0] === '-B' || args[0] === '-q') dashU = args.shift() === '-u' || dashU;
  const out = PythonStdout.for(ctx, dashU);
  const finish = (code: number) => (out.flush(), code);
  const first = args[0];
  if (first === '-V' || first === '--version') {
    ctx.stdout.write(`Python ${rel.version}\n`);
    return 0;
  }
  if (first === '-VV') {
    ctx.stdout.write(`Python ${rel.version} (${rel.build}\n`);
    return 0;
  }
  if (first === '-c') {
    if (args[1] === undefined) {
      ctx.stderr.write(
        "Argument expected for the -c option\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n",
      );
      return 2;
    }
    return finish(run(ctx, out, rel, args[1], '<string>', ['-c', ...args.slice(2)]));
  }
  if (first === '-m') {
    const module = args[1];
    if (module === 'http.server') return httpServer(ctx, out, rel.version, args.slice(2));
    if (module === 'pip') return pip(ctx, rel.version, args.slice(2));
    if (module !== undefined && UNMODELLED.has(module.split('.')[0]!)) return beyond(ctx, `\`-m ${module}\``);
    ctx.stderr.write(`${ctx.argv[0] ?? 'python3'}: No module named ${module ?? ''}\n`);
    return 1;
  }
  if (first !== undefined && first.startsWith('-') && first !== '-') return beyond(ctx, `the option ${first}`);
  if (first === undefined || first === '-') {
    if (first === undefined && ctx.isatty?.(0)) return repl(ctx, out, rel);
    return finish(run(ctx, out, rel, await readStdin(ctx), '<stdin>', ['']));
  }
  const path = first.startsWith('/') ? first : `${ctx.cwd.replace(/\/$/, '')}/${first}`;
  if (!ctx.fs.exists(path) || ctx.fs.stat(path).type !== 'file') {
    ctx.stderr.write(`${ctx.argv[0] ?? 'python3'}: can't open file '${path}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  const source = ctx.fs.readText(path);
  if (/from pip\._internal\.cli\.main import main/.test(source)) return pip(ctx, rel.version, args.slice(1));
  return finish(run(ctx, out, rel, source.replace(/^#!.*\n/, '\n'), path, [first, ...args.slice(1)]));
}

/** `python3` of the python:3.13 image. */
export const python = pythonFor('3.13');
