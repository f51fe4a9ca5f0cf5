// A new student takes lesson 1 in real Chromium: opens the app, starts the first lesson from the
// course menu, completes it by clicking the command blocks (and typing one command in the
// terminal), sees each step tick and the course menu's progress, reloads, and finds it all kept.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { openBrowser, type OpenBrowser } from './browser';

let browser: OpenBrowser;

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Wait (generously: the world runs at the student's speed) until a step shows its tick. */
async function stepDone(step: string): Promise<void> {
  await browser.page
    .locator(`[data-testid="lesson-step"][data-step="${step}"][data-done="true"]`)
    .waitFor({ timeout: 60_000 });
}

it('a new student completes lesson 1 and finds the progress kept after a reload', { timeout: 240_000 }, async () => {
  const { page, problems } = browser;
  await page.goto(inject('baseUrl'));
  const panel = page.getByTestId('lesson-panel');
  const firstLink = panel.locator('[data-testid="lesson-link"]').first();
  await firstLink.waitFor({ timeout: 60_000 });
  const lessonId = await firstLink.getAttribute('data-lesson');
  expect(lessonId).toBe('first-container');
  await expect(
    panel.locator(`[data-testid="lesson-progress"][data-lesson="${lessonId}"]`).innerText(),
  ).resolves.toContain('0/3');

  await firstLink.click();
  await panel.locator(`[data-testid="lesson"][data-lesson="${lessonId}"]`).waitFor();
  expect(page.url()).toContain(`#/lesson/${lessonId}`);

  // Step 1: click the command block.
  await panel.getByTestId('run-command').filter({ hasText: 'docker run hello-world' }).first().click();
  await stepDone('run-hello');

  // Step 2: one command by click, the other typed in the terminal.
  await panel.getByTestId('run-command').filter({ hasText: 'docker images' }).click();
  await page.getByTestId('terminal').click();
  await page.keyboard.type('docker ps -a');
  await page.keyboard.press('Enter');
  await stepDone('look-around');

  // Step 3: run it again — no registry traffic this time.
  await panel.getByTestId('run-command').filter({ hasText: 'docker run hello-world' }).first().click();
  await stepDone('run-again');
  await panel.getByTestId('lesson-complete').waitFor();
  await browser.screenshot('lesson-1-complete');

  // Reload: the deep link brings the lesson back, complete, and the menu keeps the progress.
  await page.reload();
  await panel.getByTestId('lesson-complete').waitFor({ timeout: 60_000 });
  expect(await panel.locator('[data-testid="lesson-step"][data-done="true"]').count()).toBe(3);
  await panel.getByRole('button', { name: '← Course' }).click();
  const progress = panel.locator(`[data-testid="lesson-progress"][data-lesson="${lessonId}"]`);
  await progress.waitFor();
  // The menu reads the saved progress when it opens: wait for it rather than read it once.
  await expect.poll(() => progress.innerText(), { timeout: 10_000 }).toMatch(/✓\s*3\/3/);
  expect(problems).toEqual([]);
});
