// The import rules of ../shared/ARCHITECTURE.md ("Layers and the direction of imports") as code.
// `findViolations` is pure over a list of files so that fixtures can prove each rule fires.
import ts from 'typescript';
import { builtinModules } from 'node:module';
import { posix } from 'node:path';

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes (`src/engine/digest.ts`). */
  path: string;
  text: string;
}

export interface Violation {
  path: string;
  rule: string;
  detail: string;
}

const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const domGlobals = /\b(document|window|navigator|localStorage|sessionStorage|HTMLElement|customElements)\b\s*[.[(]/;

/** The module specifiers a file imports, statically or dynamically. */
export function importsOf(file: SourceFile): string[] {
  const code = file.path.endsWith('.svelte') ? svelteScripts(file.text) : file.text;
  const info = ts.preProcessFile(code, true, true);
  return info.importedFiles.map((f) => f.fileName);
}

function svelteScripts(text: string): string {
  return [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/** Which layer of src/ a path belongs to, or undefined outside src/. */
function layerOf(path: string): string | undefined {
  const m = /^src\/([^/]+)\//.exec(path);
  return m?.[1];
}

function resolveRelative(from: string, spec: string): string {
  return posix.normalize(posix.join(posix.dirname(from), spec));
}

function isTest(path: string): boolean {
  return /\.test\.ts$/.test(path);
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

export function findViolations(files: SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const file of files) {
    const layer = layerOf(file.path);
    const flag = (rule: string, detail: string) => out.push({ path: file.path, rule, detail });

    for (const spec of importsOf(file)) {
      const relative = spec.startsWith('.');
      const target = relative ? resolveRelative(file.path, spec) : undefined;
      const targetLayer = target ? layerOf(target + (target.includes('/') ? '' : '/')) : undefined;

      if (target?.startsWith('src/ui/') && layer !== 'ui' && file.path !== 'src/main.ts') {
        flag('nothing imports src/ui', spec);
      }
      if (!relative && /^svelte(\/|$)/.test(spec) && layer !== 'ui' && file.path !== 'src/main.ts') {
        flag(`src/${layer ?? '?'} must not import Svelte`, spec);
      }
      if (spec.endsWith('.svelte') && layer !== 'ui' && file.path !== 'src/main.ts') {
        flag('only src/ui holds Svelte components', spec);
      }
      if (layer === 'engine') {
        if (relative && !target?.startsWith('src/engine/')) flag('src/engine imports only itself', spec);
        if (!relative && /^(xstate|@xstate\/)/.test(spec)) flag('src/engine must not import XState', spec);
        if (!relative && nodeBuiltins.has(spec) && !isTest(file.path)) {
          flag('src/engine must not import Node built-ins', spec);
        }
      }
      if ((layer === 'actors' || layer === 'lessons') && relative) {
        if (targetLayer !== 'engine' && targetLayer !== 'actors' && targetLayer !== layer) {
          flag(`src/${layer} imports only src/engine, src/actors and itself`, spec);
        }
      }
      if (layer === 'actors' && !relative && nodeBuiltins.has(spec) && !isTest(file.path)) {
        flag('src/actors must not import Node built-ins', spec);
      }
      if (layer === 'ui' && !relative && nodeBuiltins.has(spec)) flag('src/ui must not import Node built-ins', spec);
      if (layer === 'ui' && target?.startsWith('src/node/')) flag('src/ui must not import src/node', spec);
    }

    if ((layer === 'engine' || layer === 'actors' || layer === 'lessons') && !isTest(file.path)) {
      const m = domGlobals.exec(stripComments(file.text));
      if (m) flag(`src/${layer} must not touch the DOM`, m[1] ?? m[0]);
    }
  }
  return out;
}
