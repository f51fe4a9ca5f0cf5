// The workspace end to end, in Chromium against the built app: a student runs hello-world, reads
// the messages and the sequence diagram, writes a Dockerfile in the editor and builds it, an
// instructor pauses and steps one message, and a reload finds everything where it was. Each step
// leaves a screenshot in artifacts/e2e/.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';

let browser: OpenBrowser;
let page: Page;

/** The terminal's whole buffer (scrollback too: xterm draws only the rows in view). */
const terminalText = () =>
  page.evaluate(
    () => (globalThis as unknown as { dockyard: { terminal?: { text(): string } } }).dockyard.terminal?.text() ?? '',
  );
const logText = () => page.getByTestId('message-log').innerText();
const messageRows = () =>
  page.locator(
    '[data-testid="message-log"] li[data-kind="request"], [data-testid="message-log"] li[data-kind="response"], [data-testid="message-log"] li[data-kind="failure"]',
  );

async function waitForTerminal(text: string, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    (wanted) =>
      (globalThis as unknown as { dockyard: { terminal?: { text(): string } } }).dockyard.terminal
        ?.text()
        .includes(wanted),
    text,
    { timeout, polling: 100 },
  );
}

const PROMPT = 'student@laptop:~$';

/** Runs axe-core in the page (loading it the first time) and lists its serious and critical findings. */
async function seriousAxeViolations(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    await page.addScriptTag({ content: readFileSync(axePath, 'utf8') });
  }
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Type a line in the terminal and wait for the prompt to come back (the command is done). */
async function run(line: string): Promise<void> {
  await page.locator('[data-testid="terminal"] .xterm').click();
  const prompts = (await terminalText()).split(PROMPT).length;
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    ([count, prompt]) =>
      (
        (globalThis as unknown as { dockyard: { terminal?: { text(): string } } }).dockyard.terminal?.text() ?? ''
      ).split(prompt as string).length > (count as number),
    [prompts, PROMPT],
    { timeout: 120_000, polling: 100 },
  );
}

async function openApp(): Promise<void> {
  await page.goto(inject('baseUrl'));
  await page.locator('[data-testid="terminal"] [data-ready="true"]').waitFor({ timeout: 120_000 });
}

beforeAll(async () => {
  browser = await openBrowser({ width: 1280, height: 720 });
  page = browser.page;
  await openApp();
});

afterAll(async () => {
  await browser?.close();
});

// A busy 2-core machine builds a world in the page in seconds, not milliseconds: generous limits.
describe('the workspace', { timeout: 240_000 }, () => {
  it('runs docker run hello-world: output, message log and sequence diagram', async () => {
    await page.getByRole('radio', { name: 'Instant' }).click();
    await run('docker run hello-world');
    await waitForTerminal('Hello from Docker!');
    await browser.screenshot('workspace-1-hello-world');

    const log = await logText();
    expect(log).toContain('POST /v1.50/containers/create');
    expect(log).toMatch(/GET \/v2\//);
    expect(log).toMatch(/manifests\/latest/);

    await page.getByRole('tab', { name: 'Sequence diagram' }).click();
    const diagram = page.locator('[data-testid="sequence-diagram"] svg');
    await diagram.waitFor({ timeout: 120_000 });
    const svgText = (await diagram.textContent()) ?? '';
    expect(svgText).toContain('POST /v1.50/containers/create');
    expect(svgText).toMatch(/GET \/v2\//);
    await browser.screenshot('workspace-2-sequence-diagram');
    await page.getByRole('tab', { name: 'Inspector' }).click();
  });

  it('edits a Dockerfile in the editor, saves it, and builds it', async () => {
    const editor = page.getByTestId('editor');
    await editor.getByRole('button', { name: 'New file' }).click();
    await editor.getByLabel('New file name').fill('Dockerfile');
    await editor.getByLabel('New file name').press('Enter');
    await editor.locator('.cm-content').click();
    await page.keyboard.type('FROM alpine\nCMD ["echo", "hello from my image"]');
    await page.keyboard.press('Control+s');
    await expect(editor.getByRole('status').textContent()).resolves.toContain('Saved Dockerfile');
    await browser.screenshot('workspace-3-editor');

    await run('cat Dockerfile');
    await waitForTerminal('FROM alpine');
    await run('docker build -t student/web .');
    await waitForTerminal('student/web');
    await run('docker images');
    await waitForTerminal('student/web');
    await browser.screenshot('workspace-4-build');
  });

  it('pause, then step, delivers exactly one message', async () => {
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.locator('[data-testid="terminal"] .xterm').click();
    await page.keyboard.type('docker pull nginx:alpine');
    await page.keyboard.press('Enter');
    // The command's first request waits on its link: nothing more arrives while paused.
    await page.waitForTimeout(500);
    const before = await messageRows().count();
    await page.getByRole('button', { name: 'Step' }).click();
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll(
          '[data-testid="message-log"] li[data-kind="request"], [data-testid="message-log"] li[data-kind="response"], [data-testid="message-log"] li[data-kind="failure"]',
        ).length > n,
      before,
    );
    await page.waitForTimeout(500);
    expect(await messageRows().count()).toBe(before + 1);
    await browser.screenshot('workspace-5-step');
    const prompts = (await terminalText()).split(PROMPT).length;
    await page.getByRole('button', { name: 'Resume' }).click();
    await waitForTerminal('Status: Downloaded newer image for nginx:alpine');
    await page.waitForFunction(
      ([count, prompt]) =>
        (
          (globalThis as unknown as { dockyard: { terminal?: { text(): string } } }).dockyard.terminal?.text() ?? ''
        ).split(prompt as string).length > (count as number),
      [prompts, PROMPT],
      { timeout: 120_000, polling: 100 },
    );
  });

  it('a reload restores the files, the history and the images', async () => {
    await page.evaluate(() =>
      (globalThis as unknown as { dockyard: { whenSaved(): Promise<void> } }).dockyard.whenSaved(),
    );
    await openApp();
    const tree = page.getByTestId('editor').getByRole('navigation');
    await tree.getByRole('button', { name: 'Dockerfile' }).waitFor();
    await page.locator('[data-testid="terminal"] .xterm').click();
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="terminal"] .xterm-rows')?.textContent?.includes('docker pull nginx:alpine'),
    );
    await page.keyboard.press('Control+u');
    await run('docker images');
    const text = await terminalText();
    for (const repository of ['hello-world', 'student/web', 'nginx']) expect(text).toContain(repository);
    await browser.screenshot('workspace-6-reloaded');
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    expect(await seriousAxeViolations()).toEqual([]);
  });

  it('fits a 1280×720 projector: a legible stage, a wide sequence diagram, an 80-column terminal', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    // The instructor folds the lesson panel away; the stage and the terminal take its room.
    await page.getByRole('button', { name: 'Hide the lesson panel' }).click();
    await expect(page.getByTestId('lesson-panel').isHidden()).resolves.toBe(true);

    const stage = (await page.getByTestId('stage').boundingBox())!;
    expect(stage.width).toBeGreaterThanOrEqual(850);
    expect(stage.height).toBeGreaterThanOrEqual(380);
    // The stage's text, as rendered (its font size times the SVG's scale), is never under 11px.
    const smallest = (await page.evaluate(
      `(() => {
        const svg = document.querySelector('[data-testid="stage-canvas"] svg[role="group"]');
        const box = svg.getBoundingClientRect();
        const view = svg.viewBox.baseVal;
        const scale = Math.min(box.width / view.width, box.height / view.height);
        const texts = document.querySelectorAll('[data-testid="stage-canvas"] text'); // the map's and the packets'
        const sizes = [...texts].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
        return { count: sizes.length, min: Math.min(...sizes) };
      })()`,
    )) as { count: number; min: number };
    expect(smallest.count).toBeGreaterThan(10);
    expect(smallest.min).toBeGreaterThanOrEqual(11);

    // At least 80 columns and 12 rows: the screen's width over the width of one character.
    const terminal = (await page.evaluate(
      `(() => {
        const rows = document.querySelector('[data-testid="terminal"] .xterm-rows');
        const style = getComputedStyle(rows);
        const context = document.createElement('canvas').getContext('2d');
        context.font = style.fontSize + ' ' + style.fontFamily;
        const charWidth = context.measureText('W'.repeat(100)).width / 100;
        const screen = document.querySelector('[data-testid="terminal"] .xterm-screen').getBoundingClientRect();
        return { columns: Math.floor(screen.width / charWidth), rows: rows.children.length };
      })()`,
    )) as { columns: number; rows: number };
    expect(terminal.columns).toBeGreaterThanOrEqual(80);
    expect(terminal.rows).toBeGreaterThanOrEqual(12);

    // The sequence diagram is drawn at its own size and scrolls inside its panel, never squeezed.
    await page.getByRole('tab', { name: 'Sequence diagram' }).click();
    const diagram = page.locator('[data-testid="sequence-diagram"] .diagram svg');
    await diagram.waitFor({ timeout: 120_000 });
    const panel = (await page.getByTestId('sequence-diagram').boundingBox())!;
    expect(panel.width).toBeGreaterThanOrEqual(270);
    expect(panel.height).toBeGreaterThanOrEqual(250);
    const drawn = await diagram.evaluate((svg) => ({
      width: svg.getBoundingClientRect().width,
      natural: (svg as SVGSVGElement).viewBox.baseVal.width,
    }));
    expect(drawn.width).toBeGreaterThanOrEqual(drawn.natural * 0.99);

    for (const region of ['stage', 'terminal', 'editor', 'sequence-diagram', 'message-log', 'controls']) {
      const box = await page.getByTestId(region).boundingBox();
      expect(box, region).not.toBeNull();
      expect(box!.x, region).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, region).toBeLessThanOrEqual(1280);
      expect(box!.y + box!.height, region).toBeLessThanOrEqual(720);
    }
    const page720 = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.scrollHeight,
    ]);
    expect(page720).toEqual([1280, 720]);
    await browser.screenshot('workspace-projector-720p');

    // Expanded over the stage for the class; Escape folds it back and focus returns to the button.
    await page.getByRole('button', { name: 'Expand' }).click();
    const overlay = page.getByRole('dialog', { name: 'Sequence diagram, expanded' });
    await overlay.locator('svg').waitFor();
    expect((await overlay.boundingBox())!.width).toBeGreaterThanOrEqual(1200);
    expect(await seriousAxeViolations()).toEqual([]);
    await browser.screenshot('workspace-projector-720p-sequence');
    await page.keyboard.press('Escape');
    await expect(overlay.count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Expand');

    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.getByRole('button', { name: 'Show the lesson panel' }).click();
    await page.getByTestId('lesson-panel').waitFor();

    // The narrow editor stacks its files above the code, which keeps the pane's width.
    expect((await page.locator('[data-testid="editor"] .code').boundingBox())!.width).toBeGreaterThanOrEqual(150);
    // Alt+L folds and unfolds the lesson panel, as its button does.
    await page.keyboard.press('Alt+KeyL');
    await page.getByRole('button', { name: 'Show the lesson panel' }).waitFor();
    await page.keyboard.press('Alt+KeyL');
    await page.getByRole('button', { name: 'Hide the lesson panel' }).waitFor();
    await page.getByTestId('lesson-panel').waitFor();
  });

  it('fits a 1920×1080 screen and the dark theme', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    for (const region of ['stage', 'terminal', 'editor', 'message-log', 'controls', 'lesson-panel']) {
      const box = await page.getByTestId(region).boundingBox();
      expect(box, region).not.toBeNull();
      expect(box!.x + box!.width, region).toBeLessThanOrEqual(1920);
      expect(box!.y + box!.height, region).toBeLessThanOrEqual(1080);
    }
    await browser.screenshot('workspace-7-dark-1080p');
    expect(browser.problems.join('\n')).toBe('');
  });
});
