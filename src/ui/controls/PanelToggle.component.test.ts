// @vitest-environment jsdom
// The lesson panel's fold button: it says what it will do, tells assistive technology whether the
// panel is shown (aria-expanded, aria-controls), and the next page load starts from the choice
// remembered in this browser. (The bound value hiding the panel is checked end to end.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getByRole } from '@testing-library/dom';

// As in Controls.component.test.ts: mount with Svelte's client API under Vitest.
// @ts-expect-error Svelte's client entry has no declaration file of its own (its types are svelte's).
vi.mock('svelte', async () => await import('../../../node_modules/svelte/src/index-client.js'));
const { flushSync, mount, unmount } = await import('svelte');
const { default: PanelToggle } = await import('./PanelToggle.svelte');

const KEY = 'dockyard:test-panel';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const clean of cleanups.splice(0)) clean();
  localStorage.clear();
});

function show() {
  const target = document.body.appendChild(document.createElement('div'));
  const component = mount(PanelToggle, {
    target,
    props: {
      controls: 'lesson-body',
      name: 'lesson panel',
      storageKey: KEY,
    },
  });
  flushSync();
  cleanups.push(() => {
    void unmount(component);
    target.remove();
  });
  const expanded = () => target.querySelector('button')!.getAttribute('aria-expanded');
  return { target, expanded };
}

describe('PanelToggle', () => {
  it('hides and shows the panel, saying which it will do', () => {
    const { target, expanded } = show();
    const hide = getByRole(target, 'button', { name: 'Hide the lesson panel' });
    expect(expanded()).toBe('true');
    expect(hide.getAttribute('aria-controls')).toBe('lesson-body');
    hide.click();
    flushSync();
    expect(expanded()).toBe('false');
    getByRole(target, 'button', { name: 'Show the lesson panel' }).click();
    flushSync();
    expect(expanded()).toBe('true');
    expect(getByRole(target, 'button', { name: 'Hide the lesson panel' })).toBeTruthy();
  });

  it('starts from the choice remembered in this browser', () => {
    show().target.querySelector('button')!.click();
    flushSync();
    expect(localStorage.getItem(KEY)).toBe('collapsed');
    const { target, expanded } = show();
    expect(expanded()).toBe('false');
    expect(getByRole(target, 'button', { name: 'Show the lesson panel' })).toBeTruthy();
  });
});
