// @vitest-environment jsdom
// The top bar's controls over a real Workspace and World: Pause turns into Resume and enables
// Step, Step delivers exactly one message of a pull, the speed buttons are one radio group that
// sets the world's pace, and Reset only happens after the dialog's confirmation.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getByRole } from '@testing-library/dom';
import { createWorld, restoreWorld } from '../../actors/world/world';
import { pullRequest } from '../../actors/world/world.fixture';
import { TerminalSession } from '../../actors/session/terminal-session';
import type { WorkspaceEngine } from '../workspace/contracts';
import { Workspace } from '../workspace/workspace.svelte';

// Without @testing-library/svelte's vite plugin, `svelte` resolves to its server build under
// Vitest; the component itself is compiled for the client, so mount with the client API.
// @ts-expect-error Svelte's client entry has no declaration file of its own (its types are svelte's).
vi.mock('svelte', async () => await import('../../../node_modules/svelte/src/index-client.js'));
const { flushSync, mount, unmount } = await import('svelte');
const { default: Controls } = await import('./Controls.svelte');

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods; give it the minimum the Dialog component uses.
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>;
  proto.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

const engine: WorkspaceEngine = { createWorld, restoreWorld, createSession: (world) => new TerminalSession(world) };
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const clean of cleanups.splice(0)) clean();
});

function show(workspace: Workspace, dark = false) {
  const target = document.body.appendChild(document.createElement('div'));
  const ontheme = vi.fn();
  const onhelp = vi.fn();
  const component = mount(Controls, { target, props: { workspace, dark, ontheme, onhelp } });
  flushSync();
  cleanups.push(() => {
    unmount(component);
    target.remove();
  });
  const button = (name: string | RegExp) => getByRole(target, 'button', { name }) as HTMLButtonElement;
  const radio = (name: string | RegExp) => getByRole(target, 'radio', { name }) as HTMLButtonElement;
  return { target, button, radio, ontheme, onhelp };
}

async function booted(): Promise<Workspace> {
  const workspace = new Workspace({ seed: 'controls-test', speed: 'normal', schedule: (flush) => flush() });
  await workspace.boot(engine);
  cleanups.push(() => workspace.dispose());
  return workspace;
}

describe('Controls', { timeout: 60_000 }, () => {
  it('offers nothing that needs a world before the world is there', () => {
    const { button } = show(new Workspace({}));
    expect(button(/Pause/).disabled).toBe(true);
    expect(button(/Step/).disabled).toBe(true);
    expect(button('Reset world').disabled).toBe(true);
  });

  it('pause enables step; step delivers exactly one message; resume disables step again', async () => {
    const workspace = await booted();
    const world = workspace.world!;
    const { button } = show(workspace);
    expect(button(/Pause/).disabled).toBe(false);
    expect(button(/Step/).disabled).toBe(true);

    button(/Pause/).click();
    flushSync();
    expect(world.driver.paused).toBe(true);
    expect(button(/Resume/).getAttribute('aria-pressed')).toBe('true');
    expect(button(/Step/).disabled).toBe(false);

    const pull = world.run(pullRequest('docker.io/library/alpine'), { line: 'docker pull alpine' });
    await vi.waitFor(() => expect(world.network.inFlight).toBeGreaterThan(0));
    const messages = () => world.trace.entries().filter((e) => e.kind !== 'event').length;
    const before = messages();
    button(/Step/).click();
    await vi.waitFor(() => expect(messages()).toBeGreaterThan(before));
    await vi.waitFor(() => expect(world.network.inFlight).toBeGreaterThan(0));
    expect(messages()).toBe(before + 1);

    button(/Resume/).click();
    flushSync();
    expect(world.driver.paused).toBe(false);
    expect(button(/Pause/).getAttribute('aria-pressed')).toBe('false');
    expect(button(/Step/).disabled).toBe(true);
    workspace.setSpeed('instant');
    await pull;
  });

  it('the speed buttons are one radio group that sets the world’s pace', async () => {
    const workspace = await booted();
    const { radio, target } = show(workspace);
    const checked = () =>
      [...target.querySelectorAll('[role="radio"][aria-checked="true"]')].map((r) => r.textContent?.trim());
    expect(checked()).toEqual(['Normal']);
    expect(workspace.world!.driver.speed).toBe('realtime');

    radio(/Slow/).click();
    flushSync();
    expect(checked()).toEqual(['Slow ×4']);
    expect(workspace.world!.driver.speed).toEqual({ slow: 4 });

    radio('Instant').click();
    flushSync();
    expect(checked()).toEqual(['Instant']);
    expect(workspace.world!.driver.speed).toBe('instant');
  });

  it('reset asks first: Cancel keeps the world, confirming starts a new one', async () => {
    const workspace = await booted();
    const first = workspace.world;
    const { button, target } = show(workspace);
    const dialog = target.querySelector('dialog')!;
    expect(dialog.open).toBe(false);

    button('Reset world').click();
    flushSync();
    expect(dialog.open).toBe(true);
    expect(getByRole(dialog, 'heading').textContent).toBe('Reset the world?');
    getByRole(dialog, 'button', { name: 'Cancel' }).click();
    flushSync();
    expect(dialog.open).toBe(false);
    expect(workspace.world).toBe(first);

    button('Reset world').click();
    flushSync();
    getByRole(dialog, 'button', { name: 'Reset the world' }).click();
    flushSync();
    expect(dialog.open).toBe(false);
    await vi.waitFor(() => expect(workspace.world).not.toBe(first));
    expect(workspace.generation).toBe(2);
    await vi.waitFor(() => expect(button('Reset world').disabled).toBe(false));
  });

  it('the theme and help buttons call back, and the theme button says whether dark is on', async () => {
    const { button, ontheme, onhelp } = show(new Workspace({}), true);
    expect(button('Dark theme').getAttribute('aria-pressed')).toBe('true');
    button('Dark theme').click();
    button('Help').click();
    expect(ontheme).toHaveBeenCalledOnce();
    expect(onhelp).toHaveBeenCalledOnce();
  });
});
