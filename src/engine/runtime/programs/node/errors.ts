// How Node.js reports a script that fails: the file and line, the source line with a caret under
// the spot, the error, a stack frame, and the version — then exit status 1. And how Dockyard says
// honestly that a script is beyond its miniature Node.js, instead of pretending.
import type { ProcessContext } from '../../contract';

/** 1-based line and column of an offset. */
export function lineColumn(source: string, pos: number): { line: number; column: number; text: string } {
  const before = source.slice(0, pos);
  const line = before.split('\n').length;
  const start = before.lastIndexOf('\n') + 1;
  const end = source.indexOf('\n', pos);
  return { line, column: pos - start + 1, text: source.slice(start, end < 0 ? undefined : end) };
}

/** An uncaught error: `[eval]:1` (or the file), the line, a caret, `ReferenceError: …`, a frame. */
export function uncaught(
  ctx: ProcessContext,
  o: { where: string; source: string; pos: number; kind: string; message: string; version: string },
): number {
  const at = lineColumn(o.source, o.pos);
  const frame =
    o.where === '[eval]' ? `[eval]:${at.line}:${at.column}` : `Object.<anonymous> (${o.where}:${at.line}:${at.column})`;
  ctx.stderr.write(
    `${o.where}:${at.line}\n${at.text}\n${' '.repeat(at.column - 1)}^\n\n${o.kind}: ${o.message}\n    at ${frame}\n\nNode.js v${o.version}\n`,
  );
  return 1;
}

/** `Error: Cannot find module '…'` as the CommonJS loader throws it. */
export function moduleNotFound(
  ctx: ProcessContext,
  name: string,
  requiredBy: string | undefined,
  version: string,
): number {
  const stack = requiredBy ? `\nRequire stack:\n- ${requiredBy}` : '';
  ctx.stderr.write(
    `node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${name}'${stack}\n` +
      `    at Function._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n` +
      `    at Function._load (node:internal/modules/cjs/loader:1055:27)\n` +
      `    at node:internal/main/run_main_module:36:49 {\n  code: 'MODULE_NOT_FOUND',\n` +
      `  requireStack: [${requiredBy ? ` '${requiredBy}' ` : ''}]\n}\n\nNode.js v${version}\n`,
  );
  return 1;
}

/** What Dockyard's miniature Node.js cannot do, said plainly. */
export function beyondMiniature(ctx: ProcessContext, what: string): number {
  ctx.stderr.write(
    `node: ${what} is beyond Dockyard's miniature Node.js, which runs console.log of simple expressions ` +
      `and plain http.createServer servers — not a full JavaScript engine\n`,
  );
  return 1;
}

/** Names real Node.js has that the miniature does not model: using one is a limit, not an error. */
export const UNMODELLED_GLOBALS = new Set(
  `Date setTimeout setInterval setImmediate clearTimeout clearInterval Array Object Promise Buffer fetch globalThis
  Symbol Map Set WeakMap RegExp Error TypeError Intl module exports __dirname __filename async await function class
  new this for while if do switch try throw return queueMicrotask structuredClone URL URLSearchParams TextEncoder
  TextDecoder crypto performance BigInt`.split(/\s+/),
);
