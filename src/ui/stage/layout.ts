// The stage's map, computed from a WorldView: the seed's architecture diagram with the student's
// own world in it. All machines on the left — the laptop large (its client, its daemon's images,
// containers, networks, volumes), the cloud VM and the on-prem server compact beneath it — and the
// registries on the right, the hub largest. Between them runs a channel where every machine↔registry
// link has its own lane, so links never pass through a box and packets can be told apart.
//
//   ┌ laptop ──────────────────────────┐ ║║║ ┌ docker.io ───────────┐
//   │ client                           │═╬╬╬═│ library/alpine latest │
//   │ dockerd: images │ containers     │ ║║║ └──────────────────────┘
//   └──────────────────────────────────┘ ║║║ ┌ registry.example.com ┐
//   ┌ cloud-vm ───────┐┌ onprem-1 ─────┐═╬╬╬═└──────────────────────┘
//   └─────────────────┘└───────────────┘ ║║║ ┌ cr.example.net ──────┐
//
// One fixed 1600×900 viewBox (16:9) scales to a 1280×720 projector and a 1920×1080 screen. The same
// view always gives the same layout.
import type { HostView, LinkView, WorldView } from '../../actors/view/types';
import type { Point, Rect } from './geometry';
import { COMPACT_SCALE, FULL_SCALE, placeHost } from './host-layout';
import { placeRegistry } from './registry-layout';
import type { StageLayout, StageLink } from './types';

export const STAGE_WIDTH = 1600;
export const STAGE_HEIGHT = 900;

const MACHINE_BOXES: Record<string, Rect> = {
  laptop: { x: 20, y: 20, w: 960, h: 580 },
  'cloud-vm': { x: 20, y: 640, w: 470, h: 240 },
  'onprem-1': { x: 510, y: 640, w: 470, h: 240 },
};

const REGISTRY_BOXES: Record<string, Rect> = {
  'docker.io': { x: 1120, y: 20, w: 460, h: 440 },
  'registry.example.com': { x: 1120, y: 480, w: 460, h: 190 },
  'cr.example.net': { x: 1120, y: 690, w: 460, h: 190 },
};

const MACHINES = Object.keys(MACHINE_BOXES);
const REGISTRIES = Object.keys(REGISTRY_BOXES);
const CHANNEL_X = 992;
const LANE = 13;

export interface LayoutOptions {
  /** Per registry, repositories to list first (the ones the last commands used). */
  recentRepositories?: Record<string, readonly string[]>;
}

/** Where a machine's link to registry number `r` leaves the machine's box. */
function exitPoints(machine: string, r: number): Point[] {
  const box = MACHINE_BOXES[machine]!;
  if (machine === 'cloud-vm') {
    // Up out of the top edge into the gap below the laptop, then right along it.
    const x = box.x + box.w * 0.55 + r * 18;
    const gapY = box.y - 30 + r * 9;
    return [
      { x, y: box.y },
      { x, y: gapY },
    ];
  }
  const y = machine === 'laptop' ? box.y + 120 + r * 24 : box.y + 60 + r * 24;
  return [{ x: box.x + box.w, y }];
}

function registryLinkPoints(machine: string, registry: string): Point[] {
  const m = MACHINES.indexOf(machine);
  const r = REGISTRIES.indexOf(registry);
  const laneX = CHANNEL_X + (m * REGISTRIES.length + r) * LANE;
  const target = REGISTRY_BOXES[registry]!;
  const entryY = target.y + 30 + m * 16;
  const exits = exitPoints(machine, r);
  const last = exits[exits.length - 1]!;
  return [...exits, { x: laneX, y: last.y }, { x: laneX, y: entryY }, { x: target.x, y: entryY }];
}

function machineLinkPoints(a: string, b: string): Point[] {
  const pair = [a, b].sort().join('|');
  const laptop = MACHINE_BOXES.laptop!;
  const cloud = MACHINE_BOXES['cloud-vm']!;
  const onprem = MACHINE_BOXES['onprem-1']!;
  const points: Record<string, Point[]> = {
    'cloud-vm|laptop': [
      { x: cloud.x + 120, y: laptop.y + laptop.h },
      { x: cloud.x + 120, y: cloud.y },
    ],
    'laptop|onprem-1': [
      { x: onprem.x + 120, y: laptop.y + laptop.h },
      { x: onprem.x + 120, y: onprem.y },
    ],
    'cloud-vm|onprem-1': [
      { x: cloud.x + cloud.w, y: cloud.y + cloud.h - 40 },
      { x: onprem.x, y: onprem.y + onprem.h - 40 },
    ],
  };
  const found = points[pair] ?? [];
  // Stored from the alphabetically first host; turn round to run from `a` to `b`.
  return [a, b].sort()[0] === a ? found : [...found].reverse();
}

function stageLink(link: LinkView): StageLink | undefined {
  const { a, b } = link;
  let points: Point[] | undefined;
  if (MACHINE_BOXES[a] && REGISTRY_BOXES[b]) points = registryLinkPoints(a, b);
  else if (MACHINE_BOXES[b] && REGISTRY_BOXES[a]) points = [...registryLinkPoints(b, a)].reverse();
  else if (MACHINE_BOXES[a] && MACHINE_BOXES[b]) points = machineLinkPoints(a, b);
  if (!points || points.length < 2) return undefined;
  return { key: `link:${a}|${b}`, a, b, up: link.up, latencyMs: link.latencyMs, points };
}

/** Lay out the whole stage for `view`. Deterministic: the same view gives the same layout. */
export function layoutStage(view: WorldView, options: LayoutOptions = {}): StageLayout {
  const layout: StageLayout = {
    width: STAGE_WIDTH,
    height: STAGE_HEIGHT,
    nodes: [],
    links: [],
    connectors: [],
    anchors: {},
  };
  const withTerminal = new Set(view.terminals.map((t) => t.host));
  withTerminal.add('laptop');
  const hosts = new Map<string, HostView>(view.hosts.map((h) => [h.name, h]));
  for (const name of MACHINES) {
    const host = hosts.get(name);
    if (!host) continue;
    const placed = placeHost(
      host,
      MACHINE_BOXES[name]!,
      name === 'laptop' ? FULL_SCALE : COMPACT_SCALE,
      withTerminal.has(name),
    );
    layout.nodes.push(...placed.nodes);
    layout.connectors.push(...placed.connectors);
    Object.assign(layout.anchors, placed.anchors);
  }
  for (const registry of view.registries) {
    const box = REGISTRY_BOXES[registry.name];
    if (!box) continue;
    const placed = placeRegistry(registry, box, options.recentRepositories?.[registry.name]);
    layout.nodes.push(...placed.nodes);
    Object.assign(layout.anchors, placed.anchors);
  }
  for (const link of view.links) {
    const placed = stageLink(link);
    if (placed) layout.links.push(placed);
  }
  return layout;
}
