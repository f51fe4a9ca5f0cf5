import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { openBrowser, type OpenBrowser } from './browser';

let browser: OpenBrowser;

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('mounts the workspace with every region and no console errors', async () => {
  const { page, problems } = browser;
  await page.goto(inject('baseUrl'));
  await page.getByTestId('app').waitFor();
  await expect(page.title()).resolves.toBe('Dockyard');
  for (const region of ['controls', 'lesson-panel', 'stage', 'terminal', 'editor', 'inspector', 'message-log']) {
    expect(await page.getByTestId(region).count(), region).toBe(1);
  }
  await browser.screenshot('smoke');
  expect(problems).toEqual([]);
});

it('keeps the keys typed as soon as the terminal says it is interactive, and runs them at the prompt', async () => {
  const { page, problems } = browser;
  await page.goto(inject('baseUrl') + '?early');
  await page.waitForFunction(() => performance.getEntriesByName('dockyard:terminal-interactive').length > 0, null, {
    timeout: 60_000,
    polling: 5,
  });
  await page.locator('[data-testid="terminal"] .xterm-helper-textarea').focus();
  await page.keyboard.type('echo typed-early\n');
  await page.waitForFunction(
    () =>
      /^typed-early$/m.test(
        (globalThis as { dockyard?: { terminal?: { text(): string } } }).dockyard?.terminal?.text() ?? '',
      ),
    null,
    { timeout: 60_000 },
  );
  expect(problems).toEqual([]);
});
