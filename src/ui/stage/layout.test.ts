import { describe, expect, it } from 'vitest';
import { contains, overlaps, type Rect } from './geometry';
import { MIN_STAGE, STAGE_HEIGHT, STAGE_WIDTH, layoutStage } from './layout';
import { busyHost, busyView, emptyView } from './stage.fixture';
import type { StageLayout, StageNode } from './types';

/** The innermost node of lower depth that contains `node` — its parent on the stage. */
function parentOf(layout: StageLayout, node: StageNode): StageNode | undefined {
  return layout.nodes.filter((p) => p.depth < node.depth && contains(p, node)).sort((a, b) => b.depth - a.depth)[0];
}

const crossesInside = (points: readonly { x: number; y: number }[], box: Rect) =>
  points.some((p) => p.x > box.x + 1 && p.x < box.x + box.w - 1 && p.y > box.y + 1 && p.y < box.y + box.h - 1);

describe('layoutStage', () => {
  it('is deterministic: the same view gives the same layout', () => {
    expect(layoutStage(busyView())).toEqual(layoutStage(busyView()));
  });

  it("is laid out at 1600×900 (16:9) unless given the stage's size", () => {
    const layout = layoutStage(busyView());
    expect([layout.width, layout.height]).toEqual([STAGE_WIDTH, STAGE_HEIGHT]);
    expect(layout.width / layout.height).toBeCloseTo(16 / 9, 2);
  });

  it('shows a layer several images stack as shared, joined to its twins', () => {
    const view = emptyView();
    view.hosts[0] = busyHost('laptop', 4, 0, 2); // images 0 and 2 share base 0; 1 and 3 share base 1
    const layout = layoutStage(view);
    const shared = layout.nodes.filter((n) => n.kind === 'layer' && n.sharedGroup);
    expect(shared).toHaveLength(4);
    expect(new Set(shared.map((n) => n.sharedGroup)).size).toBe(2);
    expect(layout.connectors).toHaveLength(2);
    const own = layout.nodes.filter((n) => n.kind === 'layer' && !n.sharedGroup);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((n) => n.stroke !== shared[0]!.stroke)).toBe(true);
    expect(shared[0]!.ariaLabel).toMatch(/shared with 1 other image$/);
  });

  it('names every clickable box for screen readers and says what it opens', () => {
    const layout = layoutStage(busyView());
    const image = layout.nodes.find((n) => n.kind === 'image' && n.ariaLabel.includes('app-1:v1'));
    expect(image?.ariaLabel).toBe('image app-1:v1 on laptop, 3 layers');
    expect(image?.selection).toEqual({ kind: 'image', host: 'laptop', id: busyView().hosts[0]!.images[1]!.id });
    const running = layout.nodes.find((n) => n.kind === 'container' && n.state === 'running');
    expect(running?.ariaLabel).toMatch(/^container container_0 \(app-0:v0\) on laptop: Up 5 minutes$/);
    const tag = layout.nodes.find((n) => n.kind === 'tag');
    expect(tag?.selection).toMatchObject({ kind: 'registry', name: 'docker.io', tag: 'latest' });
    for (const node of layout.nodes) expect(node.ariaLabel.length, node.key).toBeGreaterThan(3);
    expect(new Set(layout.nodes.map((n) => n.key)).size).toBe(layout.nodes.length);
  });

  it('colours containers by state', () => {
    const layout = layoutStage(busyView());
    const fill = (state: string) => layout.nodes.find((n) => n.kind === 'container' && n.state === state)?.fill;
    expect(fill('running')).toBe('#e8f5e8');
    expect(fill('exited')).not.toBe(fill('running'));
    expect(fill('paused')).not.toBe(fill('exited'));
  });

  it('greys out a stopped daemon and an unreachable registry', () => {
    const view = busyView();
    view.hosts[1] = { ...view.hosts[1]!, up: false, daemonUp: false };
    view.registries[2] = { ...view.registries[2]!, up: false };
    const layout = layoutStage(view);
    expect(layout.nodes.find((n) => n.key === 'host:cloud-vm')).toMatchObject({ down: true, fill: '#e0e0e0' });
    expect(layout.nodes.find((n) => n.key === 'registry:cr.example.net')?.ariaLabel).toMatch(/unreachable/);
  });

  it.each([
    [900, 420, 900, 420],
    [400, 200, MIN_STAGE.width, MIN_STAGE.height],
    [2400.4, 1100.6, 2400, 1101],
  ])('at %d×%d px is laid out at %d×%d (never below the minimum, whole pixels)', (w, h, width, height) => {
    const layout = layoutStage(busyView(), { width: w, height: h });
    expect([layout.width, layout.height]).toEqual([width, height]);
  });
});

// The sizes the stage gets: the design size, a 1920×1080 screen, a 1280×720 projector, the minimum.
const SIZES = [
  [STAGE_WIDTH, STAGE_HEIGHT],
  [1180, 520],
  [900, 420],
  [MIN_STAGE.width, MIN_STAGE.height],
] as const;

describe.each(SIZES)('layoutStage at %d×%d', (width, height) => {
  it('puts every node inside the stage', () => {
    const layout = layoutStage(busyView(), { width, height });
    const stage = { x: 0, y: 0, w: width, h: height };
    for (const node of layout.nodes) expect(contains(stage, node), node.key).toBe(true);
  });

  it('keeps every box inside its machine or registry and apart from its siblings in a busy world', () => {
    const layout = layoutStage(busyView(), { width, height });
    const roots = layout.nodes.filter((n) => n.depth === 0);
    expect(roots.map((n) => n.key)).toEqual([
      'host:laptop',
      'host:cloud-vm',
      'host:onprem-1',
      'registry:docker.io',
      'registry:registry.example.com',
      'registry:cr.example.net',
    ]);
    for (let i = 0; i < roots.length; i++)
      for (let j = i + 1; j < roots.length; j++) expect(overlaps(roots[i]!, roots[j]!)).toBe(false);
    const byParent = new Map<string, StageNode[]>();
    for (const node of layout.nodes.filter((n) => n.depth > 0)) {
      const parent = parentOf(layout, node);
      expect(parent, `${node.key} has no box around it`).toBeDefined();
      const key = `${parent!.key}/${node.depth}`;
      byParent.set(key, [...(byParent.get(key) ?? []), node]);
    }
    for (const [key, siblings] of byParent)
      for (let i = 0; i < siblings.length; i++)
        for (let j = i + 1; j < siblings.length; j++)
          expect(overlaps(siblings[i]!, siblings[j]!), `${key}: ${siblings[i]!.key} overlaps ${siblings[j]!.key}`).toBe(
            false,
          );
  });

  it('counts what does not fit instead of drawing it outside', () => {
    const view = busyView();
    view.hosts[0] = busyHost('laptop', 120, 40);
    const layout = layoutStage(view, { width, height });
    const more = layout.nodes.filter((n) => n.kind === 'more').map((n) => n.ariaLabel);
    expect(more.some((m) => /more images on laptop/.test(m))).toBe(true);
    expect(more.some((m) => /more repositories on docker\.io/.test(m))).toBe(true);
    expect(more.some((m) => /more tags of library\/repository-00 on docker\.io/.test(m))).toBe(true);
  });

  it('routes every link from edge to edge without passing through a box, each in its own lane', () => {
    const layout = layoutStage(busyView(), { width, height });
    expect(layout.links).toHaveLength(12);
    const roots = layout.nodes.filter((n) => n.depth === 0);
    for (const link of layout.links) {
      for (const root of roots) expect(crossesInside(link.points, root), `${link.key} through ${root.key}`).toBe(false);
    }
    const laptop = roots.find((n) => n.key === 'host:laptop')!;
    const channel = (x: number) => x > laptop.x + laptop.w;
    const lanes = layout.links.filter((l) => l.b.includes('.')).map((l) => l.points.find((p) => channel(p.x))!.x);
    expect(new Set(lanes).size).toBe(9);
  });

  it('keeps the client, a layer stack and a container on the laptop at a legible size', () => {
    const layout = layoutStage(busyView(), { width, height });
    const kinds = new Set(layout.nodes.filter((n) => n.key.includes(':laptop')).map((n) => n.kind));
    for (const kind of ['client', 'daemon', 'image', 'layer', 'container', 'network'] as const)
      expect(kinds.has(kind), kind).toBe(true);
    for (const node of layout.nodes.filter((n) => n.kind === 'container' || n.kind === 'repository'))
      expect(node.h, node.key).toBeGreaterThanOrEqual(18);
  });

  it('puts an anchor at each endpoint a message can leave from', () => {
    const { anchors } = layoutStage(busyView(), { width, height });
    for (const key of [
      'client@laptop',
      'client@cloud-vm',
      'daemon@laptop',
      'daemon@cloud-vm',
      'daemon@onprem-1',
      'registry@docker.io',
    ])
      expect(anchors[key], key).toBeDefined();
    expect(anchors['client@onprem-1']).toBeUndefined();
  });
});

describe('recentRepositories', () => {
  it('lists the repositories of the newest registry requests first, once each', async () => {
    const { recentRepositories } = await import('./recent');
    const req = (seq: number, host: string, url: string) =>
      ({
        kind: 'request',
        seq,
        exchange: seq,
        time: seq,
        from: { host: 'laptop', role: 'daemon' },
        to: { host, role: 'registry' },
        method: 'GET',
        url,
        summary: '',
      }) as const;
    const entries = [
      req(1, 'docker.io', '/v2/library/alpine/manifests/latest'),
      req(2, 'docker.io', '/v2/library/nginx/blobs/sha256:abc'),
      req(3, 'docker.io', '/v2/library/alpine/blobs/sha256:def'),
      req(4, 'registry.example.com', '/v2/team/app/blobs/uploads/?mount=x'),
      req(5, 'docker.io', '/v2/'),
    ];
    expect(recentRepositories(entries)).toEqual({
      'docker.io': ['library/alpine', 'library/nginx'],
      'registry.example.com': ['team/app'],
    });
    const view = busyView();
    const layout = layoutStage(view, { recentRepositories: { 'docker.io': ['library/repository-29'] } });
    const first = layout.nodes.find((n) => n.kind === 'repository' && n.key.startsWith('repository:docker.io:'));
    expect(first?.label).toBe('library/repository-29');
  });
});

describe('a short stage (a 1280×720 projector)', () => {
  it('still draws an image pulled onto a remote host, its stack shortened to fit', () => {
    const view = emptyView();
    const cloud = busyHost('cloud-vm', 8, 0); // image 0 has 16 layers
    view.hosts[1] = { ...cloud, images: cloud.images.slice(0, 1) };
    const layout = layoutStage(view, { width: MIN_STAGE.width, height: MIN_STAGE.height });
    const image = layout.nodes.find((n) => n.kind === 'image' && n.key.startsWith('image:cloud-vm:'));
    expect(image?.ariaLabel).toMatch(/^image app-0:v0 on cloud-vm, 16 layers \(\d+ not drawn\)$/);
    const drawn = layout.nodes.filter((n) => n.kind === 'layer' && n.key.startsWith('layer:cloud-vm:'));
    expect(drawn.length).toBeGreaterThanOrEqual(1);
    expect(drawn.length).toBeLessThan(6);
  });
});

describe('repositoriesOnHosts', () => {
  it('lists next the repositories the daemons hold images of, so they stay in view after a reload', async () => {
    const { repositoriesOnHosts } = await import('./recent');
    const view = busyView();
    const image = view.hosts[1]!.images[0]!;
    view.hosts[1]!.images[0] = {
      ...image,
      repoTags: ['repository-27:v1', 'registry.example.com/library/repository-05:1'],
      repoDigests: ['localhost:5000/team/app@sha256:' + '0'.repeat(64)],
    };
    expect(repositoriesOnHosts(view)['docker.io']?.[0]).toBe('library/app-0');
    expect(repositoriesOnHosts(view)).toMatchObject({
      'registry.example.com': ['library/repository-05'],
      'localhost:5000': ['team/app'],
    });
    expect(repositoriesOnHosts(view)['docker.io']).toContain('library/repository-27');
    view.hosts[0] = { ...view.hosts[0]!, images: [] };
    const layout = layoutStage(view, { width: MIN_STAGE.width, height: MIN_STAGE.height });
    const first = (registry: string) =>
      layout.nodes.find((n) => n.kind === 'repository' && n.key.startsWith(`repository:${registry}:`))?.key;
    expect(first('docker.io')).toBe('repository:docker.io:library/repository-27');
    expect(first('registry.example.com')).toBe('repository:registry.example.com:library/repository-05');
  });
});

describe('registry titles', () => {
  it.each([
    [STAGE_WIDTH, 'registry.example.com registry'],
    [900, 'registry.example.com'],
  ])('on a %d px wide stage read %s', (width, label) => {
    const layout = layoutStage(busyView(), { width, height: 480 });
    expect(layout.nodes.find((n) => n.key === 'registry:registry.example.com')?.label).toBe(label);
  });
});
