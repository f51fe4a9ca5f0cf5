// @vitest-environment jsdom
// The message log over a real Workspace: one line per trace entry in the trace's own words
// (formatTraceLine), in an ARIA live region; message lines are buttons that open the message in the
// inspector; a log that let old entries go says how many.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getByRole } from '@testing-library/dom';
import type { TerminalSession as Session } from '../../actors/session/terminal-session';
import type { WorkspaceEngine } from '../workspace/contracts';

// Without @testing-library/svelte's vite plugin, `svelte` resolves to its server build under
// Vitest; the component itself is compiled for the client, so mount with the client API.
// @ts-expect-error Svelte's client entry has no declaration file of its own (its types are svelte's).
vi.mock('svelte', async () => await import('../../../node_modules/svelte/src/index-client.js'));
// Vitest's jsdom environment puts jsdom's own Uint8Array on globalThis, while TextEncoder (and so
// the engine's `utf8`) still makes Node's: the engine's `body instanceof Uint8Array` then takes a
// request body for a stream (a 400). The page has one realm; give the test one too, Node's, before
// the world's modules load (so they are imported below, not hoisted above this line).
Object.assign(globalThis, { Uint8Array: Object.getPrototypeOf(Buffer.prototype).constructor as Uint8ArrayConstructor });
const { flushSync, mount, unmount } = await import('svelte');
const { createWorld, restoreWorld } = await import('../../actors/world/world');
const { formatTraceLine } = await import('../../actors/trace/format');
const { TerminalSession } = await import('../../actors/session/terminal-session');
const { runLine } = await import('../../actors/session/run-line');
const { Workspace } = await import('../workspace/workspace.svelte');
const { appendToLog, EMPTY_LOG } = await import('./log-window');
const { default: MessageLog } = await import('./MessageLog.svelte');

const engine: WorkspaceEngine = { createWorld, restoreWorld, createSession: (world) => new TerminalSession(world) };
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const clean of cleanups.splice(0)) clean();
});

async function shown() {
  const workspace = new Workspace({ seed: 'message-log-test', speed: 'instant', schedule: (flush) => flush() });
  await workspace.boot(engine);
  const target = document.body.appendChild(document.createElement('div'));
  const component = mount(MessageLog, { target, props: { workspace } });
  flushSync();
  cleanups.push(() => {
    unmount(component);
    target.remove();
    workspace.dispose();
  });
  const log = getByRole(target, 'log');
  const rows = () => [...log.querySelectorAll('li')];
  return { workspace, world: workspace.world!, session: workspace.session as Session, log, rows };
}

describe('MessageLog', { timeout: 60_000 }, () => {
  it('is a polite live region with a name, and says when there is nothing yet', async () => {
    const { log, rows } = await shown();
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(log.getAttribute('aria-label')).toBe('Messages between client, daemons and registries');
    expect(rows().map((r) => r.textContent)).toEqual(['No messages yet. Run a docker command in the terminal.']);
  });

  it('shows every entry of `docker run hello-world` as its trace line, in order', async () => {
    const { world, session, rows } = await shown();
    expect((await runLine(session, 'docker run hello-world')).stdout).toContain('Hello from Docker!');
    flushSync();
    const entries = world.trace.entries();
    expect(entries.length).toBeGreaterThan(10);
    expect(rows().map((r) => r.textContent)).toEqual(entries.map(formatTraceLine));
    expect(rows().map((r) => r.dataset['seq'])).toEqual(entries.map((e) => String(e.seq)));
    const lines = rows().map((r) => r.textContent ?? '');
    expect(lines.some((l) => /laptop client → laptop daemon\s+POST \/v1\.50\/containers\/create/.test(l))).toBe(true);
    expect(lines.some((l) => /(HEAD|GET) \/v2\/library\/hello-world\/manifests\/latest/.test(l))).toBe(true);
    // Messages are buttons (they open in the inspector); state changes are plain text.
    for (const row of rows()) {
      expect(row.querySelector('button') !== null, row.textContent ?? '').toBe(row.dataset['kind'] !== 'event');
    }
  });

  it('a message line selects that message, and shows it pressed', async () => {
    const { workspace, world, session, rows } = await shown();
    expect((await runLine(session, 'docker run hello-world')).stdout).toContain('Hello from Docker!');
    flushSync();
    const create = world.trace.entries().find((e) => e.kind === 'request' && e.url === '/v1.50/containers/create')!;
    const button = rows()
      .find((r) => r.dataset['seq'] === String(create.seq))!
      .querySelector('button')!;
    expect(button.getAttribute('aria-pressed')).toBe('false');
    button.click();
    flushSync();
    expect(workspace.selection).toEqual({ kind: 'message', seq: create.seq });
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(rows().filter((r) => r.querySelector('button[aria-pressed="true"]'))).toHaveLength(1);
  });

  it('says how many older entries it let go', async () => {
    const { workspace, world, session, rows } = await shown();
    expect((await runLine(session, 'docker run hello-world')).stdout).toContain('Hello from Docker!');
    const entries = world.trace.entries();
    workspace.log = appendToLog(EMPTY_LOG, entries, 5);
    flushSync();
    expect(rows()[0]!.textContent).toBe(`${entries.length - 5} older entries compacted (the trace keeps them)`);
    expect(
      rows()
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(entries.slice(-5).map(formatTraceLine));
  });
});
