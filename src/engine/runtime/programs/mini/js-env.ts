// The globals a JavaScript one-liner in Dockyard's miniature Node.js can use: console, Math, JSON,
// process (env, version, platform, arch, exit), require('os'), String/Number/parseInt. Values come
// from the container: process.env is the process's environment, os.hostname() its UTS hostname.
import { BuiltinError, MiniExit } from './eval';
import { bool, dict, display, fn, jsString, list, NONE, num, str, toJson, UNDEF, type Value } from './values';

export interface JsHost {
  out(text: string): void;
  err(text: string): void;
  env: ReadonlyMap<string, string>;
  version: string;
  hostname: string;
  arch: string;
  pid: number;
  argv: string[];
  cwd: string;
}

const toNum = (v: Value | undefined) =>
  v?.t === 'num' ? v.v : v?.t === 'str' ? Number(v.v) : v?.t === 'bool' ? Number(v.v) : NaN;

function fromJson(x: unknown): Value {
  if (x === null) return NONE;
  if (typeof x === 'number') return num(x);
  if (typeof x === 'string') return str(x);
  if (typeof x === 'boolean') return bool(x);
  if (Array.isArray(x)) return list(x.map(fromJson));
  return dict(Object.entries(x as object).map(([k, v]) => [k, fromJson(v)]));
}

export function jsGlobals(host: JsHost): Map<string, Value> {
  const line = (write: (t: string) => void) =>
    fn('log', (args) => (write(args.map((a) => display(a, 'js')).join(' ') + '\n'), UNDEF));
  const os = dict([
    ['hostname', fn('hostname', () => str(host.hostname))],
    ['platform', fn('platform', () => str('linux'))],
    ['type', fn('type', () => str('Linux'))],
    ['arch', fn('arch', () => str(host.arch))],
    ['EOL', str('\n')],
  ]);
  const modules: Record<string, Value> = { os, 'node:os': os };
  const math = (f: (...n: number[]) => number) => fn('math', (args) => num(f(...args.map(toNum))));
  return new Map<string, Value>([
    [
      'console',
      dict([
        ['log', line(host.out)],
        ['info', line(host.out)],
        ['debug', line(host.out)],
        ['error', line(host.err)],
        ['warn', line(host.err)],
      ]),
    ],
    [
      'Math',
      dict([
        ['PI', num(Math.PI)],
        ['E', num(Math.E)],
        ['max', math(Math.max)],
        ['min', math(Math.min)],
        ['abs', math(Math.abs)],
        ['floor', math(Math.floor)],
        ['ceil', math(Math.ceil)],
        ['round', math(Math.round)],
        ['sqrt', math(Math.sqrt)],
        ['pow', math(Math.pow)],
        ['trunc', math(Math.trunc)],
      ]),
    ],
    [
      'JSON',
      dict([
        [
          'stringify',
          fn('stringify', ([v]) => {
            const j = v === undefined ? undefined : toJson(v);
            return j === undefined ? UNDEF : str(j);
          }),
        ],
        [
          'parse',
          fn('parse', ([v]) => {
            try {
              return fromJson(JSON.parse(v?.t === 'str' ? v.v : jsString(v ?? UNDEF)));
            } catch (err) {
              throw new BuiltinError('SyntaxError', (err as Error).message);
            }
          }),
        ],
      ]),
    ],
    [
      'process',
      dict([
        ['env', dict([...host.env].map(([k, v]) => [k, str(v)]))],
        ['version', str(`v${host.version}`)],
        ['versions', dict([['node', str(host.version)]])],
        ['platform', str('linux')],
        ['arch', str(host.arch)],
        ['pid', num(host.pid)],
        ['argv', list(host.argv.map(str))],
        ['cwd', fn('cwd', () => str(host.cwd))],
        [
          'exit',
          fn('exit', ([code]) => {
            throw new MiniExit(code?.t === 'num' ? code.v : 0);
          }),
        ],
      ]),
    ],
    [
      'require',
      fn('require', ([name]) => {
        const key = name?.t === 'str' ? name.v : '';
        const m = modules[key];
        if (!m) throw new BuiltinError('Error', `Cannot find module '${key}'`);
        return m;
      }),
    ],
    ['String', fn('String', ([v]) => str(v === undefined ? '' : jsString(v)))],
    ['Number', fn('Number', ([v]) => num(v === undefined ? 0 : toNum(v)))],
    [
      'Boolean',
      fn('Boolean', ([v]) =>
        bool(
          v !== undefined &&
            !(v.t === 'num' && v.v === 0) &&
            !(v.t === 'str' && v.v === '') &&
            v.t !== 'none' &&
            v.t !== 'undef' &&
            !(v.t === 'bool' && !v.v),
        ),
      ),
    ],
    ['parseInt', fn('parseInt', ([v]) => num(parseInt(v?.t === 'str' ? v.v : jsString(v ?? UNDEF), 10)))],
    ['parseFloat', fn('parseFloat', ([v]) => num(parseFloat(v?.t === 'str' ? v.v : jsString(v ?? UNDEF))))],
    ['NaN', num(NaN)],
    ['Infinity', num(Infinity)],
  ]);
}
