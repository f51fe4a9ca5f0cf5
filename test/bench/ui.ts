// Issue 10: the workspace in the browser.
//
//   P1   cold load of the built app to an interactive terminal: the page is navigated to with the
//        HTTP cache disabled, in headless Chromium, and the time from navigation start to the
//        terminal accepting keys (the `dockyard:terminal-interactive` mark) is taken; median of 5.
//   P1w  the same loads, to the prompt: the simulated world (engine, registries, the hub's
//        catalogue) has loaded and started and the shell is ready. Reported, no target.
//   P1s  initial JavaScript, gzipped: the entry chunk and what it preloads — Mermaid, CodeMirror,
//        xterm and the world are separate chunks fetched after the first paint.
//
// The app is built into a temporary directory (dist/ is left alone) and served by `vite preview`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { openBrowser } from '../e2e/browser';
import type { BenchRow } from './table';

const RUNS = 5;

/** The JS the browser must fetch before the page can run: the entry script and its preloads. */
export function initialScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set([...scripts, ...preloads])];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function coldLoads(url: string): Promise<{ interactive: number[]; prompt: number[] }> {
  const browser = await openBrowser({ width: 1280, height: 720 });
  const interactive: number[] = [];
  const prompt: number[] = [];
  try {
    const { page, context } = browser;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    for (let i = 0; i < RUNS; i++) {
      await page.goto('about:blank');
      await cdp.send('Storage.clearDataForOrigin', { origin: new URL(url).origin, storageTypes: 'all' });
      await page.goto(url);
      await page.locator('[data-testid="terminal"] [data-ready="true"]').waitFor({ timeout: 120_000 });
      const marks = await page.evaluate(() => ({
        interactive: performance.getEntriesByName('dockyard:terminal-interactive')[0]?.startTime ?? NaN,
        prompt: performance.getEntriesByName('dockyard:prompt')[0]?.startTime ?? NaN,
      }));
      interactive.push(marks.interactive);
      prompt.push(marks.prompt);
    }
  } finally {
    await browser.close();
  }
  return { interactive, prompt };
}

export async function uiBenchRows(): Promise<BenchRow[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'dockyard-bench-'));
  try {
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const initialBytes = initialScripts(html).reduce(
      (sum, src) => sum + gzipSync(readFileSync(join(outDir, src.replace(/^\//, ''))), { level: 9 }).length,
      0,
    );
    const server = await preview({
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
      logLevel: 'error',
    });
    let loads: { interactive: number[]; prompt: number[] };
    try {
      const url = server.resolvedUrls?.local[0];
      if (!url) throw new Error('vite preview did not report a local URL');
      loads = await coldLoads(url);
    } finally {
      await server.close();
    }
    const p1 = median(loads.interactive);
    const kb = initialBytes / 1024;
    return [
      {
        id: 'P1',
        what: `cold load to an interactive terminal (built app, headless Chromium, cache off, median of ${RUNS})`,
        value: p1,
        unit: 'ms',
        target: '<= 600 ms',
        met: p1 <= 600,
      },
      {
        id: 'P1w',
        what: 'cold load until the world has started and the prompt shows (same loads)',
        value: median(loads.prompt),
        unit: 'ms',
      },
      {
        id: 'P1s',
        what: 'initial JavaScript, gzip -9 (entry + modulepreloads; Mermaid, CodeMirror, xterm, world lazy)',
        value: kb,
        unit: 'KiB',
        target: '<= 150 KB',
        met: initialBytes <= 150_000,
      },
    ];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
