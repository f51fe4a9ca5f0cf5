// Issue 10, P6 in the browser: the stage's frame time with 100 messages in flight, in headless
// Chromium against the built app — Svelte's DOM updates, style, layout and the SVG's paint included.
//
// The page runs the real workspace at 1280×720, the projector size. The world is slowed down (×200)
// so every packet takes its longest trip (4 s); then 100
// messages are appended to the world's trace between machines and registries, as a busy `docker
// pull` would, and the stage replays them as packets. A requestAnimationFrame loop in the page
// records the interval between frames and how many packets the stage drew in each; only frames
// drawn with 100 packets on screen count. Several rounds; the p95 of those intervals is row P6.
// (With vsync at 60 Hz an interval is ~16.7 ms when the frame's work fits, 33 ms when one is missed.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { openBrowser } from '../e2e/browser';

export interface StageFrames {
  /** Intervals (ms) between frames drawn with `packets` packets on the stage. */
  intervals: number[];
  packets: number;
}

const ROUNDS = 4;

/**
 * In the page: slow the world down, append `count` messages, and time the frames for `ms`.
 * A string, not a function: the bench runs under tsx, whose helpers do not exist in the page.
 */
const measureInPage = (count: number, ms: number) => `(async () => {
  const world = globalThis.dockyard.world;
  world.driver.setSpeed({ slow: 200 });
  const routes = [
    ['laptop', 'daemon', 'docker.io', 'registry'],
    ['laptop', 'daemon', 'cr.example.net', 'registry'],
    ['onprem-1', 'daemon', 'docker.io', 'registry'],
    ['onprem-1', 'daemon', 'cr.example.net', 'registry'],
    ['cloud-vm', 'daemon', 'registry.example.com', 'registry'],
    ['laptop', 'daemon', 'cloud-vm', 'daemon'],
    ['cloud-vm', 'daemon', 'onprem-1', 'daemon'],
  ];
  const base = world.trace.lastSeq + 1000;
  for (let i = 0; i < ${count}; i++) {
    const [a, ra, b, rb] = routes[i % routes.length];
    const out = i % 2 === 0;
    const from = out ? { host: a, role: ra } : { host: b, role: rb };
    const to = out ? { host: b, role: rb } : { host: a, role: ra };
    world.trace.append(
      out
        ? { kind: 'request', exchange: base + i, time: 0, from, to, method: 'GET',
            url: '/v2/library/alpine/blobs/sha256:' + String(i).padStart(64, '0'), summary: '' }
        : { kind: 'response', exchange: base + i, time: 0, from, to, status: 200, summary: '200 OK',
            streamed: false },
    );
  }
  const frames = [];
  const start = performance.now();
  let last;
  await new Promise((done) => {
    const tick = (now) => {
      const packets = document.querySelectorAll('[data-testid="stage-canvas"] .packets .packet').length;
      if (last !== undefined) frames.push([now - last, packets]);
      last = now;
      if (now - start < ${ms}) requestAnimationFrame(tick);
      else done();
    };
    requestAnimationFrame(tick);
  });
  return frames;
})()`;

/** Build the app, open it in Chromium at `viewport`, and collect frames with 100 packets in flight. */
export async function stageFramesInChromium(viewport = { width: 1280, height: 720 }): Promise<StageFrames> {
  const outDir = mkdtempSync(join(tmpdir(), 'dockyard-bench-stage-'));
  try {
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const server = await preview({
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
      logLevel: 'error',
    });
    const browser = await openBrowser(viewport);
    try {
      const url = server.resolvedUrls?.local[0];
      if (!url) throw new Error('vite preview did not report a local URL');
      const { page } = browser;
      await page.goto(url);
      await page.locator('[data-testid="terminal"] [data-ready="true"]').waitFor({ timeout: 120_000 });
      await page.locator('[data-testid="stage-canvas"] svg[role="group"]').waitFor({ timeout: 120_000 });
      const intervals: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // 100 packets leave within 1.5 s and each travels 4 s: all are on the stage from 1.5 s to 4 s.
        const frames = (await page.evaluate(measureInPage(100, 4_500))) as [number, number][];
        intervals.push(...frames.filter(([, packets]) => packets === 100).map(([dt]) => dt));
        await page.waitForTimeout(500); // the last packets arrive
      }
      return { intervals, packets: 100 };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
