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
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    await page.addScriptTag({ content: readFileSync(axePath, 'utf8') });
    const violations = await page.evaluate(async () => {
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
    expect(violations).toEqual([]);
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
