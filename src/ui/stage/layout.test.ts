import { describe, expect, it } from 'vitest';
import { contains, overlaps, type Rect } from './geometry';
import { STAGE_HEIGHT, STAGE_WIDTH, layoutStage } from './layout';
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

  it('fits a 16:9 viewBox, every node inside it', () => {
    const layout = layoutStage(busyView());
    expect(layout.width / layout.height).toBeCloseTo(16 / 9, 2);
    const stage = { x: 0, y: 0, w: STAGE_WIDTH, h: STAGE_HEIGHT };
    for (const node of layout.nodes) expect(contains(stage, node), node.key).toBe(true);
  });

  it('keeps every box inside its machine or registry and apart from its siblings in a busy world', () => {
    const layout = layoutStage(busyView());
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
    const layout = layoutStage(busyView());
    const more = layout.nodes.filter((n) => n.kind === 'more').map((n) => n.ariaLabel);
    expect(more.some((m) => /more images on laptop/.test(m))).toBe(true);
    expect(more.some((m) => /more repositories on docker\.io/.test(m))).toBe(true);
    expect(more.some((m) => /more tags of library\/repository-00 on docker\.io/.test(m))).toBe(true);
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

  it('routes every link from edge to edge without passing through a box, each in its own lane', () => {
    const layout = layoutStage(busyView());
    expect(layout.links).toHaveLength(12);
    const roots = layout.nodes.filter((n) => n.depth === 0);
    for (const link of layout.links) {
      for (const root of roots) expect(crossesInside(link.points, root), `${link.key} through ${root.key}`).toBe(false);
    }
    const lanes = layout.links.filter((l) => l.b.includes('.')).map((l) => l.points.find((p) => p.x > 980)!.x);
    expect(new Set(lanes).size).toBe(9);
  });

  it('puts an anchor at each endpoint a message can leave from', () => {
    const { anchors } = layoutStage(busyView());
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

  it('greys out a stopped daemon and an unreachable registry', () => {
    const view = busyView();
    view.hosts[1] = { ...view.hosts[1]!, up: false, daemonUp: false };
    view.registries[2] = { ...view.registries[2]!, up: false };
    const layout = layoutStage(view);
    expect(layout.nodes.find((n) => n.key === 'host:cloud-vm')).toMatchObject({ down: true, fill: '#e0e0e0' });
    expect(layout.nodes.find((n) => n.key === 'registry:cr.example.net')?.ariaLabel).toMatch(/unreachable/);
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
