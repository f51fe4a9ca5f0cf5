import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findViolations, type SourceFile } from './boundaries/rules';

const root = join(import.meta.dirname, '..');

function sources(dir: string): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    if (!/\.(ts|svelte|js|mjs)$/.test(name)) return [];
    return [{ path: relative(root, full).split('\\').join('/'), text: readFileSync(full, 'utf8') }];
  });
}

describe('import boundaries', () => {
  it('hold for every file in src/', () => {
    expect(findViolations(sources(join(root, 'src')))).toEqual([]);
  });

  // Each row is a file that breaks one rule; the check must name it.
  const fixtures: [string, SourceFile][] = [
    ['engine imports XState', { path: 'src/engine/a.ts', text: "import { setup } from 'xstate';" }],
    ['engine imports Svelte', { path: 'src/engine/a.ts', text: "import { mount } from 'svelte';" }],
    ['engine imports a Node built-in', { path: 'src/engine/a.ts', text: "import { readFile } from 'node:fs';" }],
    ['engine imports bare fs', { path: 'src/engine/a.ts', text: "import fs from 'fs';" }],
    ['engine imports the actors', { path: 'src/engine/a.ts', text: "import { w } from '../actors/world';" }],
    ['engine imports dynamically', { path: 'src/engine/a/b.ts', text: "await import('../../lessons/x');" }],
    ['engine touches the DOM', { path: 'src/engine/a.ts', text: "document.createElement('div');" }],
    ['actors touch the DOM', { path: 'src/actors/a.ts', text: 'window.addEventListener("x", f);' }],
    ['actors import Svelte', { path: 'src/actors/a.ts', text: "import { writable } from 'svelte/store';" }],
    ['lessons import a component', { path: 'src/lessons/a.ts', text: "import X from './X.svelte';" }],
    ['lessons import the UI', { path: 'src/lessons/a.ts', text: "import { x } from '../ui/bridge.svelte';" }],
    ['node imports the UI', { path: 'src/node/serve.ts', text: "import '../ui/App.svelte';" }],
    [
      'ui imports a Node built-in',
      { path: 'src/ui/A.svelte', text: '<script lang="ts">import fs from \'node:fs\';</script>' },
    ],
  ];

  it.each(fixtures)('fail when %s', (_name, file) => {
    expect(findViolations([file])).not.toEqual([]);
  });

  const allowed: [string, SourceFile][] = [
    ['engine imports itself', { path: 'src/engine/image/a.ts', text: "import { d } from '../digest';" }],
    ['engine imports a small library', { path: 'src/engine/a.ts', text: "import { gzipSync } from 'fflate';" }],
    ['engine test uses Node', { path: 'src/engine/a.test.ts', text: "import { createHash } from 'node:crypto';" }],
    [
      'actors import engine and xstate',
      { path: 'src/actors/a.ts', text: "import { setup } from 'xstate';\nimport { d } from '../engine/digest';" },
    ],
    [
      'main mounts the UI',
      { path: 'src/main.ts', text: "import { mount } from 'svelte';\nimport App from './ui/App.svelte';" },
    ],
    [
      'a comment that mentions document.body',
      { path: 'src/engine/a.ts', text: '// unlike document.body, this is pure' },
    ],
  ];

  it.each(allowed)('pass when %s', (_name, file) => {
    expect(findViolations([file])).toEqual([]);
  });
});
