// @vitest-environment jsdom
// The inspector over a real world after `docker run hello-world`: each kind of selection renders
// its own sections (an image's layers, config and history; a container's statechart, namespaces,
// logs and diff; a registry's repositories and blobs; a message's request and response), and the
// panel re-reads as the world changes.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getAllByRole, getByRole } from '@testing-library/dom';
import type { World } from '../../actors/world/world';
import type { TerminalSession as Session } from '../../actors/session/terminal-session';
import type { Selection } from './selection';

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
const { createWorld } = await import('../../actors/world/world');
const { TerminalSession } = await import('../../actors/session/terminal-session');
const { runLine } = await import('../../actors/session/run-line');
const { default: Inspector } = await import('./Inspector.svelte');

let world: World;
let session: Session;
beforeAll(async () => {
  world = await createWorld({ seed: 'inspector-component', speed: 'instant' });
  session = new TerminalSession(world);
  expect((await runLine(session, 'docker run hello-world')).stdout).toContain('Hello from Docker!');
}, 60_000);

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const clean of cleanups.splice(0)) clean();
});

/** Mount the inspector on `selection` and wait until it has read it (the heading appears). */
async function inspect(selection: Selection | undefined) {
  const target = document.body.appendChild(document.createElement('div'));
  const component = mount(Inspector, { target, props: { world, selection } });
  flushSync();
  cleanups.push(() => {
    unmount(component);
    target.remove();
  });
  if (selection) await vi.waitFor(() => expect(target.textContent).not.toContain('Reading…'));
  return target;
}

const headings = (target: HTMLElement, level: number) =>
  getAllByRole(target, 'heading', { level }).map((h) => h.textContent?.replace(/\s+/g, ' ').trim());
const laptop = () => world.daemons.get('laptop')!;

describe('Inspector', { timeout: 60_000 }, () => {
  it('invites a click when nothing is selected', async () => {
    const target = await inspect(undefined);
    expect(target.textContent).toContain('Click an image, a layer, a container, a registry or a message');
  });

  it('an image: its layers with digests and sizes, then config, manifest and history', async () => {
    const image = laptop().store.list()[0]!;
    const target = await inspect({ kind: 'image', host: 'laptop', id: image.id });
    expect(headings(target, 3)).toEqual(['Image hello-world:latest on laptop']);
    expect(headings(target, 4)).toEqual(['Layers (base first)']);
    const layerRows = target.querySelectorAll('tbody tr');
    expect(layerRows).toHaveLength(image.layers.length);
    expect(layerRows[0]!.querySelector('code')!.getAttribute('title')).toBe(image.layers[0]!.diffId);
    const summaries = [...target.querySelectorAll('summary')].map((s) => s.textContent);
    expect(summaries[0]).toBe('Config');
    expect(summaries[1]).toMatch(/^Manifest \(docker\.io\/library\/hello-world@sha256:[0-9a-f]{64}\)$/);
    expect(summaries[2]).toBe('History');
    const config = JSON.parse(target.querySelector('details[open] pre')!.textContent!);
    expect(config.rootfs.diff_ids).toEqual(image.layers.map((l) => l.diffId));
  });

  it('a layer: which images stack it', async () => {
    const image = laptop().store.list()[0]!;
    const target = await inspect({ kind: 'layer', host: 'laptop', diffId: image.layers[0]!.diffId });
    expect(headings(target, 4)).toEqual(['Stacked by 1 image']);
    expect(getByRole(target, 'list').textContent).toBe('hello-world:latest (layer 1)');
  });

  it('a container: its state on the statechart, namespaces, logs and filesystem changes', async () => {
    const container = laptop().ctx.containers!.store.list()[0]!;
    const target = await inspect({ kind: 'container', host: 'laptop', id: container.id });
    expect(headings(target, 3)[0]).toMatch(/^Container \w+_\w+ on laptop$/);
    expect(headings(target, 4)).toEqual(['Logs', 'Filesystem changes (docker diff)']);
    expect(target.querySelector('svg')!.getAttribute('aria-label')).toBe('Container lifecycle; current state: exited');
    const terms = [...target.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(terms).toEqual([
      'Command',
      'PID 1 (host PID)',
      'Hostname (UTS namespace)',
      'IP address (network namespace)',
      'Mounts',
    ]);
    expect(target.querySelector('dd code')!.textContent).toBe('/hello');
    expect(target.querySelector('pre.logs')!.textContent).toContain('Hello from Docker!');
  });

  it('a registry repository: its tag, manifest, blobs and the registry’s repositories', async () => {
    const target = await inspect({
      kind: 'registry',
      name: 'docker.io',
      repository: 'library/hello-world',
      tag: 'latest',
    });
    expect(headings(target, 3)).toEqual(['Registry docker.io']);
    expect(headings(target, 4).slice(0, 2)).toEqual(['Repository library/hello-world', 'Blobs']);
    expect(headings(target, 4)[2]).toMatch(/^Repositories \(\d+\)$/);
    expect(JSON.parse(target.querySelector('details[open] pre')!.textContent!).manifests.length).toBeGreaterThan(1);
    expect(target.textContent).toContain('library/hello-world: latest');
  });

  it('a message: the full request and response, headers and body', async () => {
    const create = world.trace.entries().find((e) => e.kind === 'request' && e.url === '/v1.50/containers/create')!;
    const target = await inspect({ kind: 'message', seq: create.seq });
    expect(headings(target, 3)).toEqual([`Message ${create.seq}`]);
    expect(headings(target, 4)).toEqual(['Request', 'Response']);
    const lines = [...target.querySelectorAll('p.line code')].map((c) => c.textContent);
    expect(lines).toEqual(['POST /v1.50/containers/create', '404 No such image: hello-world:latest']);
    const requestHeaders = [...target.querySelectorAll('section')[0]!.querySelectorAll('th')].map(
      (th) => th.textContent,
    );
    expect(requestHeaders).toContain('Content-Type');
    expect(JSON.parse(target.querySelector('section pre')!.textContent!).Image).toBe('hello-world');
  });

  it('a streamed answer: its chunks decoded, progress for a pull and frames for an attach', async () => {
    const requestTo = (part: string) =>
      world.trace.entries().find((e) => e.kind === 'request' && e.url.includes(part))!;
    const pull = await inspect({ kind: 'message', seq: requestTo('/images/create?').seq });
    const pullSummary = pull.querySelector('[data-testid="stream-summary"]')!.textContent!.replace(/\s+/g, ' ');
    expect(pullSummary).toMatch(/^streamed: \d+ chunks, [\d.]+k?B; ended by the sender$/);
    expect(pull.querySelector('pre.stream')!.textContent).toContain(
      'Status: Downloaded newer image for hello-world:latest',
    );
    const attach = await inspect({ kind: 'message', seq: requestTo('/attach?').seq });
    const frame = attach.querySelector('pre.stream span.stdout')!.textContent!;
    expect(frame).toMatch(/^stdout \d+ bytes: \\nHello from Docker!/);
  });

  it('something gone: Docker’s own words', async () => {
    const target = await inspect({ kind: 'container', host: 'laptop', id: 'nope' });
    expect(target.textContent?.trim()).toBe('No such container: nope');
  });

  it('re-reads a host as the world changes', async () => {
    const target = await inspect({ kind: 'host', name: 'laptop' });
    const images = laptop().store.list().length;
    expect(target.textContent).toContain(`${images} images · 1 containers`);
    await runLine(session, 'docker rm $(docker ps -aq)');
    await vi.waitFor(() => expect(target.textContent).toContain(`${images} images · 0 containers`));
  });

  it('re-reads a streamed answer as its chunks pass (`docker logs -f`)', async () => {
    await runLine(session, `docker run -d --name ticker alpine sh -c 'while true; do echo tick; sleep 1; done'`);
    const ctrlC = new AbortController();
    const follow = runLine(session, 'docker logs -f ticker', { signal: ctrlC.signal });
    await vi.waitFor(() => expect(world.trace.entries().at(-1)).toMatchObject({ kind: 'response', streamed: true }));
    const target = await inspect({ kind: 'message', seq: world.trace.entries().at(-1)!.seq });
    const frames = () => target.querySelectorAll('pre.stream span.stdout').length;
    const seen = frames();
    await vi.waitFor(() => expect(frames()).toBeGreaterThan(seen + 1));
    ctrlC.abort();
    await follow;
    expect(target.querySelector('pre.stream span.stdout')!.textContent).toBe('stdout 5 bytes: tick\\n');
  });
});
