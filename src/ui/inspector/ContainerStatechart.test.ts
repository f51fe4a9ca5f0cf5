// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';

// Without @testing-library/svelte's vite plugin, `svelte` resolves to its server build under
// Vitest; the component itself is compiled for the client, so mount with the client API.
// @ts-expect-error Svelte's client entry has no declaration file of its own (its types are svelte's).
vi.mock('svelte', async () => await import('../../../node_modules/svelte/src/index-client.js'));
const { flushSync, mount, unmount } = await import('svelte');
const { default: ContainerStatechart } = await import('./ContainerStatechart.svelte');

describe('ContainerStatechart', () => {
  it.each(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'] as const)(
    'highlights %s and only it',
    (state) => {
      const target = document.createElement('div');
      const component = mount(ContainerStatechart, { target, props: { current: state } });
      flushSync();
      const current = [...target.querySelectorAll('g.current')].map((g) => g.getAttribute('data-state'));
      expect(current).toEqual([state]);
      expect(target.querySelectorAll('g[data-state]')).toHaveLength(7);
      expect(target.querySelector('svg')?.getAttribute('aria-label')).toBe(
        `Container lifecycle; current state: ${state}`,
      );
      unmount(component);
    },
  );
});
