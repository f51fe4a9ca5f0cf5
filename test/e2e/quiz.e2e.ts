// A learner checking themselves, end to end in Chromium against the built app: open the chapter 1
// quiz by its deep link, answer a multiple-choice question partly right (per-option feedback, tries
// left), retry it, watch a prediction question's scenario resume after the answer, finish the quiz,
// start "retry wrong items", reload and find the saved result, and export the results as CSV.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';

let browser: OpenBrowser;
let page: Page;
let quiz: Locator;

const question = () => quiz.getByTestId('quiz-question');

async function tries(): Promise<number> {
  return Number(await question().getAttribute('data-tries'));
}

/** Press "Check answer" and wait until the try has been judged. */
async function check(): Promise<void> {
  const before = await tries();
  await quiz.getByRole('button', { name: 'Check answer' }).click();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="quiz-question"]')?.getAttribute('data-tries')) > n,
    before,
    { timeout: 120_000 },
  );
}

/** Give some answer to whatever question is shown, trying until it closes. */
async function answerUntilClosed(): Promise<void> {
  for (let i = 0; i < 5 && (await question().getAttribute('data-closed')) !== 'true'; i++) {
    const radios = quiz.locator('input[type="radio"]');
    const boxes = quiz.locator('input[type="checkbox"]');
    const selects = quiz.locator('select');
    const text = quiz.locator('input[type="text"]');
    if (await radios.count()) await radios.first().check();
    else if (await boxes.count()) await boxes.first().check();
    else if (await selects.count()) for (const s of await selects.all()) await s.selectOption({ index: 1 });
    else if (await text.count()) await text.fill('docker ps');
    await check();
  }
}

beforeAll(async () => {
  browser = await openBrowser({ width: 1280, height: 720 });
  page = browser.page;
  await page.goto(`${inject('baseUrl')}#/quiz/architecture`);
  quiz = page.getByTestId('quiz');
  await quiz.waitFor({ timeout: 120_000 });
});

afterAll(async () => {
  await browser?.close();
});

describe('a quiz', { timeout: 480_000 }, () => {
  it('gives per-option feedback, retries, saves, reloads and exports', async () => {
    await quiz.getByRole('button', { name: 'Start the quiz' }).click();
    await expect.poll(() => question().getAttribute('data-question')).toBe('arch-three-components');

    // Partly right: only the client ticked. Feedback for the chosen option, tries left, no explanation yet.
    await quiz.getByLabel('The Docker client').check();
    await check();
    const feedback = quiz.getByTestId('quiz-feedback');
    await expect.poll(() => feedback.getAttribute('data-verdict')).toBe('partly');
    expect(await feedback.innerText()).toMatch(/2 correct options are not ticked yet/);
    expect(await feedback.innerText()).toContain('You chose this');
    expect(await quiz.innerText()).toContain('2 tries left');
    await browser.screenshot('quiz-1-partly-right');

    // Retry: all three right. Closed now: every option with its feedback, and the explanation.
    await quiz.getByLabel('The Docker host, running the daemon').check();
    await quiz.getByLabel('A registry').check();
    await check();
    await expect.poll(() => feedback.getAttribute('data-verdict')).toBe('right');
    const closed = await feedback.innerText();
    expect(closed).toContain('Not chosen');
    expect(closed).toContain('Why:');
    await quiz.getByRole('button', { name: 'Next question' }).click();

    // The rest of the quiz, answered as it comes; a prediction question resumes its world once closed.
    let sawPrediction = false;
    for (let n = 0; n < 10; n++) {
      if (await quiz.getByTestId('quiz-results').count()) break;
      await answerUntilClosed();
      if (await quiz.getByTestId('quiz-prediction').count()) {
        await quiz.getByTestId('quiz-prediction-after').waitFor({ timeout: 120_000 });
        expect(await quiz.getByTestId('quiz-prediction-after').innerText()).toMatch(/→/);
        if (!sawPrediction) await browser.screenshot('quiz-2-prediction-resumed');
        sawPrediction = true;
      }
      await quiz.getByRole('button', { name: /Next question|See the results/ }).click();
    }
    expect(sawPrediction).toBe(true);
    const results = quiz.getByTestId('quiz-results');
    await results.waitFor();
    expect(await results.innerText()).toMatch(/You scored [\d.]+ of 6/);
    await browser.screenshot('quiz-3-results');

    // Retry wrong items: a new round with only those.
    await quiz.getByRole('button', { name: /Retry wrong items/ }).click();
    expect(await quiz.innerText()).toContain('retry round 2');

    // Reload: the saved result is there.
    await page.reload();
    quiz = page.getByTestId('quiz');
    await quiz.getByTestId('quiz-saved').waitFor({ timeout: 120_000 });
    expect(await quiz.getByTestId('quiz-saved').innerText()).toMatch(/Your saved result: [\d.]+ of 6/);

    // Export CSV (a text area shows it with plain line feeds; the download keeps CRLF).
    await quiz.getByRole('button', { name: 'Export results (CSV)' }).click();
    const csv = await quiz.getByTestId('quiz-export').inputValue();
    const rows = csv.split(/\r?\n/);
    expect(rows[0]).toBe('quiz,question,type,tries,score,answeredAt');
    expect(rows).toContainEqual(
      expect.stringMatching(/^architecture,arch-three-components,multiple,2,0\.5,\d{4}-\d\d-\d\dT/),
    );
    expect(rows.filter((r) => r.startsWith('architecture,'))).toHaveLength(6);
    await browser.screenshot('quiz-4-export');
    expect(browser.problems.filter((p) => !p.includes('favicon'))).toEqual([]);
  });
});
