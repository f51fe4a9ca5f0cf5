// The whole journey of issue 10, end to end in Chromium against the built app: a fresh student
// writes a Dockerfile and a page in the editor, builds the image, logs in to Docker Hub and pushes
// it, points the client at the cloud VM through a docker context, pulls the image there and runs
// it. After every step the test reads what the student sees — the terminal, the stage, the message
// log, the sequence diagram — and saves a screenshot (artifacts/e2e/flow-*.png). On the way an
// instructor pauses the network during the pull and steps exactly one message; at the end a reload
// finds the files, the history and the images on both hosts, and axe-core finds nothing serious.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';

/** What the page exposes as `globalThis.dockyard` (the Workspace), as far as this test reads it. */
interface PageWorkspace {
  terminal?: { text(): string };
  world?: { network: { inFlight: number }; trace: { entries(): readonly { kind: string }[] } };
  whenSaved(): Promise<void>;
}

let browser: OpenBrowser;
let page: Page;

const PROMPT = 'student@laptop:~$';
const DOCKERFILE = 'FROM alpine\nCOPY index.html /srv/\nCMD ["cat","/srv/index.html"]';
const PAGE = '<h1>Hello from my web image</h1>';

const terminalText = () =>
  page.evaluate(() => (globalThis as unknown as { dockyard: PageWorkspace }).dockyard.terminal?.text() ?? '');
const logText = () => page.getByTestId('message-log').innerText();
const stageNode = (described: string) => page.locator(`[data-testid="stage"] [aria-label*="${described}"]`).first();

/** Wire messages (not state changes) in the world's trace, counted in the page. */
const tracedMessages = () =>
  page.evaluate(
    () =>
      (globalThis as unknown as { dockyard: PageWorkspace }).dockyard
        .world!.trace.entries()
        .filter((e) => e.kind !== 'event').length,
  );
const LOG_MESSAGE_ROWS =
  '[data-testid="message-log"] li[data-kind="request"], [data-testid="message-log"] li[data-kind="response"], [data-testid="message-log"] li[data-kind="failure"]';

/**
 * Type a line in the terminal, wait for the prompt to come back, and return what the command
 * printed (the text between the two prompts, without the typed line).
 */
async function run(line: string): Promise<string> {
  await page.locator('[data-testid="terminal"] .xterm').click();
  const prompts = (await terminalText()).split(PROMPT).length;
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    ([count, prompt]) =>
      ((globalThis as unknown as { dockyard: PageWorkspace }).dockyard.terminal?.text() ?? '').split(prompt as string)
        .length > (count as number),
    [prompts, PROMPT],
    { timeout: 120_000, polling: 100 },
  );
  const segment = (await terminalText()).split(PROMPT).at(-2) ?? '';
  // The next prompt may begin with the current context's name: `(cloud) student@laptop:~$`.
  return segment.slice(segment.indexOf(line) + line.length).replace(/\(\S+\) $/, '');
}

async function openApp(): Promise<void> {
  await page.goto(inject('baseUrl'));
  await page.locator('[data-testid="terminal"] [data-ready="true"]').waitFor({ timeout: 120_000 });
}

/** Create a file with the editor's New file, type its text as a student would, and save it (Ctrl+S). */
async function writeFile(name: string, text: string): Promise<void> {
  const editor = page.getByTestId('editor');
  await editor.getByRole('button', { name: 'New file' }).click();
  await editor.getByLabel('New file name').fill(name);
  await editor.getByLabel('New file name').press('Enter');
  await editor.locator('.cm-content').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Control+s');
  await expect(editor.getByRole('status').textContent()).resolves.toContain(`Saved ${name}`);
}

/** Show the sequence diagram and wait until the drawing contains `wanted` (it redraws as messages come). */
async function diagramText(wanted: string): Promise<string> {
  await page.getByRole('tab', { name: 'Sequence diagram' }).click();
  await page.waitForFunction(
    (w) => document.querySelector('[data-testid="sequence-diagram"] svg')?.textContent?.includes(w),
    wanted,
    { timeout: 120_000, polling: 200 },
  );
  return (await page.locator('[data-testid="sequence-diagram"] svg').first().textContent()) ?? '';
}

beforeAll(async () => {
  // A new browser profile every run: no saved world, no history, no files — a first visit.
  browser = await openBrowser({ width: 1280, height: 720 });
  page = browser.page;
  await openApp();
  await page.getByRole('radio', { name: 'Instant' }).click();
});

afterAll(async () => {
  await browser?.close();
});

describe('a student builds, pushes, and runs an image on the cloud VM', { timeout: 240_000 }, () => {
  it('starts from nothing: no files, no images', async () => {
    expect(
      await page.getByTestId('editor').getByRole('navigation').getByRole('button', { name: 'Dockerfile' }).count(),
    ).toBe(0);
    expect(await page.locator('[data-testid="stage"] g.node.image').count()).toBe(0);
    expect(await run('docker images')).toMatch(/^\s*REPOSITORY\s+TAG\s+IMAGE ID\s+CREATED\s+SIZE\s*$/);
  });

  it('writes a Dockerfile and a page in the editor and saves them', async () => {
    await writeFile('index.html', PAGE);
    await writeFile('Dockerfile', DOCKERFILE);
    const tree = page.getByTestId('editor').getByRole('navigation');
    for (const name of ['Dockerfile', 'index.html']) await tree.getByRole('button', { name }).waitFor();
    expect((await run('cat Dockerfile')).trim().split(/\r?\n/)).toEqual(DOCKERFILE.split('\n'));
    expect((await run('cat index.html')).trim()).toBe(PAGE);
    await browser.screenshot('flow-1-editor');
  });

  it('builds student/web:v1: the image appears on the laptop', async () => {
    const out = await run('docker build -t student/web:v1 .');
    expect(out).toContain('Step 2/3 : COPY index.html /srv/');
    expect(out).toContain('Successfully tagged student/web:v1');
    await stageNode('image student/web:v1 on laptop').waitFor();
    expect(await logText()).toContain('POST /v1.50/build');
    expect(await diagramText('POST /v1.50/build')).toContain('POST /v1.50/build');
    await browser.screenshot('flow-2-build');
    await page.getByRole('tab', { name: 'Inspector' }).click();
  });

  it('logs in and pushes: the repository and its tag appear on docker.io', async () => {
    expect(await run('echo dockyard | docker login -u student --password-stdin')).toContain('Login Succeeded');
    const out = await run('docker push student/web:v1');
    expect(out).toContain('The push refers to repository [docker.io/student/web]');
    expect(out).toMatch(/v1: digest: sha256:[0-9a-f]{64} size: \d+/);
    await stageNode('repository student/web on docker.io').waitFor();
    await stageNode('tag student/web:v1 on docker.io').waitFor();
    expect(await logText()).toContain('PUT /v2/student/web/manifests/v1');
    expect(await diagramText('PUT /v2/student/web/manifests/v1')).toContain('PUT /v2/student/web/manifests/v1');
    await browser.screenshot('flow-3-push');
    await page.getByRole('tab', { name: 'Inspector' }).click();
  });

  it('creates a context for the cloud VM and uses it: the prompt says (cloud)', async () => {
    expect(await run('docker context create cloud --docker host=tcp://cloud-vm:2376')).toContain(
      'Successfully created context "cloud"',
    );
    expect(await run('docker context use cloud')).toContain('Current context is now "cloud"');
    expect((await terminalText()).trimEnd().endsWith(`(cloud) ${PROMPT}`)).toBe(true);
    await browser.screenshot('flow-4-context');
  });

  it('pulls on cloud-vm, paused and stepped one message at a time', async () => {
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.locator('[data-testid="terminal"] .xterm').click();
    const prompts = (await terminalText()).split(PROMPT).length;
    const before = await tracedMessages();
    await page.keyboard.type('docker pull student/web:v1');
    await page.keyboard.press('Enter');
    // The pull's first request is on its link; the clock stands still, so it stays there.
    await page.waitForFunction(
      () => ((globalThis as unknown as { dockyard: PageWorkspace }).dockyard.world?.network.inFlight ?? 0) > 0,
    );
    expect(await tracedMessages()).toBe(before);
    const rowsBefore = await page.locator(LOG_MESSAGE_ROWS).count();

    await page.getByRole('button', { name: 'Step' }).click();
    // Delivered, and the work it set off is waiting on its next message: the world is still again.
    await page.waitForFunction((n) => {
      const world = (globalThis as unknown as { dockyard: PageWorkspace }).dockyard.world!;
      const messages = world.trace.entries().filter((e) => e.kind !== 'event').length;
      return messages > n && world.network.inFlight > 0;
    }, before);
    expect(await tracedMessages()).toBe(before + 1);
    await page.waitForFunction(
      ([selector, n]) => document.querySelectorAll(selector as string).length > (n as number),
      [LOG_MESSAGE_ROWS, rowsBefore],
    );
    expect(await page.locator(LOG_MESSAGE_ROWS).count()).toBe(rowsBefore + 1);
    expect(await page.locator(LOG_MESSAGE_ROWS).last().innerText()).toContain('laptop client → cloud-vm daemon');
    await browser.screenshot('flow-5-step');

    await page.getByRole('button', { name: 'Resume' }).click();
    await page.waitForFunction(
      ([count, prompt]) =>
        ((globalThis as unknown as { dockyard: PageWorkspace }).dockyard.terminal?.text() ?? '').split(prompt as string)
          .length > (count as number),
      [prompts, PROMPT],
      { timeout: 120_000, polling: 100 },
    );
    expect(await terminalText()).toContain('Status: Downloaded newer image for student/web:v1');
    await stageNode('image student/web:v1 on cloud-vm').waitFor();
    const log = await logText();
    expect(log).toMatch(/laptop client → cloud-vm daemon\s+POST \/v1\.50\/images\/create/);
    expect(log).toMatch(/cloud-vm daemon → docker\.io registry\s+(HEAD|GET) \/v2\/student\/web\/manifests\/v1/);
    await browser.screenshot('flow-6-pull');
  });

  it('runs the image on cloud-vm and prints the page', async () => {
    expect((await run('docker run --rm student/web:v1')).trim()).toBe(PAGE);
    expect(await logText()).toMatch(/laptop client → cloud-vm daemon\s+POST \/v1\.50\/containers\/create/);
    expect(await diagramText('POST /v1.50/containers/create')).toContain('cloud-vm');
    await browser.screenshot('flow-7-run');
    await page.getByRole('tab', { name: 'Inspector' }).click();
  });

  it('a reload restores the files, the history, the context and the images on both hosts', async () => {
    await page.evaluate(() => (globalThis as unknown as { dockyard: PageWorkspace }).dockyard.whenSaved());
    await openApp();
    const tree = page.getByTestId('editor').getByRole('navigation');
    for (const name of ['Dockerfile', 'index.html']) await tree.getByRole('button', { name }).waitFor();
    await stageNode('image student/web:v1 on laptop').waitFor();
    await stageNode('image student/web:v1 on cloud-vm').waitFor();
    await stageNode('tag student/web:v1 on docker.io').waitFor();

    await page.locator('[data-testid="terminal"] .xterm').click();
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="terminal"] .xterm-rows')
        ?.textContent?.includes('docker run --rm student/web:v1'),
    );
    await page.keyboard.press('Control+u');
    const images = await run('docker images');
    expect(images).toMatch(/student\/web\s+v1/);
    expect((await terminalText()).trimEnd().endsWith(`(cloud) ${PROMPT}`)).toBe(true);
    expect(await run('docker --context default images')).toMatch(/student\/web\s+v1/);
    await browser.screenshot('flow-8-reloaded');
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
    expect(browser.problems.join('\n')).toBe('');
  });
});
