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
