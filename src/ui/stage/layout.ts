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
// The map is laid out at the stage's own size in CSS pixels (Stage.svelte measures it), so text keeps
// its size — 12px labels stay 12px on a 1280×720 projector — and a smaller stage shows fewer boxes
// (counted as `+N more`) instead of shrinking them. Below MIN_STAGE the whole map scales down.
// The same view at the same size always gives the same layout.
import type { HostView, LinkView, WorldView } from '../../actors/view/types';
import type { Point, Rect } from './geometry';
import { COMPACT_SCALE, FULL_SCALE, MEDIUM_SCALE, placeHost } from './host-layout';
import { placeRegistry } from './registry-layout';
import { repositoriesOnHosts } from './recent';
import type { StageLayout, StageLink } from './types';

/** The size the stage is designed at (a 16:9 screen); the default when no size is given. */
export const STAGE_WIDTH = 1600;
export const STAGE_HEIGHT = 900;
/** Below this the map is laid out at this size and scaled down to fit. */
export const MIN_STAGE = { width: 760, height: 400 } as const;

const MARGIN = 20;
/** Between the laptop and the compact hosts beneath it: cloud-vm's links run up through it. */
const MACHINE_GAP = 40;
const REGISTRY_GAP = 20;
const CHANNEL_X_OFFSET = 128;
const LANE = 13;
const MACHINES = ['laptop', 'cloud-vm', 'onprem-1'];
const REGISTRIES = ['docker.io', 'registry.example.com', 'cr.example.net'];

/** Where every machine and registry sits on a stage of `width` × `height`. */
interface Frame {
  machines: Record<string, Rect>;
  registries: Record<string, Rect>;
  channelX: number;
  /** Width of one link's lane in the channel. */
  lane: number;
}

function frameFor(width: number, height: number): Frame {
  const registryW = Math.round(Math.min(460, Math.max(240, width * 0.29)));
  const registryX = width - MARGIN - registryW;
  // Narrower lanes on a narrow stage, so the laptop keeps its room.
  const lane = width >= 1200 ? LANE : LANE - 4;
  const channelX = registryX - CHANNEL_X_OFFSET + 9 * (LANE - lane);
  const machinesW = channelX - 12 - MARGIN;
  const compactH = Math.round(Math.min(240, Math.max(104, height * 0.267)));
  const compactY = height - MARGIN - compactH;
  const compactW = Math.round((machinesW - 20) / 2);
  const registriesH = height - 2 * MARGIN - 2 * REGISTRY_GAP;
  const hubH = Math.round(registriesH * 0.5366);
  const otherH = Math.round((registriesH - hubH) / 2);
  return {
    machines: {
      laptop: { x: MARGIN, y: MARGIN, w: machinesW, h: compactY - MACHINE_GAP - MARGIN },
      'cloud-vm': { x: MARGIN, y: compactY, w: compactW, h: compactH },
      'onprem-1': { x: MARGIN + compactW + 20, y: compactY, w: machinesW - compactW - 20, h: compactH },
    },
    registries: {
      'docker.io': { x: registryX, y: MARGIN, w: registryW, h: hubH },
      'registry.example.com': { x: registryX, y: MARGIN + hubH + REGISTRY_GAP, w: registryW, h: otherH },
      'cr.example.net': {
        x: registryX,
        y: MARGIN + hubH + otherH + 2 * REGISTRY_GAP,
        w: registryW,
        h: height - MARGIN - (MARGIN + hubH + otherH + 2 * REGISTRY_GAP),
      },
    },
    channelX,
    lane,
  };
}

export interface LayoutOptions {
  /** Per registry, repositories to list first (the ones the last commands used); then come
   *  the repositories the daemons hold images of, then the rest by name. */
  recentRepositories?: Record<string, readonly string[]>;
  /** The stage's size in CSS pixels (default 1600×900); never laid out smaller than MIN_STAGE. */
  width?: number;
  height?: number;
}

/** Where a machine's link to registry number `r` leaves the machine's box. */
function exitPoints(frame: Frame, machine: string, r: number): Point[] {
  const box = frame.machines[machine]!;
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

function registryLinkPoints(frame: Frame, machine: string, registry: string): Point[] {
  const m = MACHINES.indexOf(machine);
  const r = REGISTRIES.indexOf(registry);
  const laneX = frame.channelX + (m * REGISTRIES.length + r) * frame.lane;
  const target = frame.registries[registry]!;
  const entryY = target.y + 30 + m * 16;
  const exits = exitPoints(frame, machine, r);
  const last = exits[exits.length - 1]!;
  return [...exits, { x: laneX, y: last.y }, { x: laneX, y: entryY }, { x: target.x, y: entryY }];
}

function machineLinkPoints(frame: Frame, a: string, b: string): Point[] {
  const pair = [a, b].sort().join('|');
  const laptop = frame.machines.laptop!;
  const cloud = frame.machines['cloud-vm']!;
  const onprem = frame.machines['onprem-1']!;
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

function stageLink(frame: Frame, link: LinkView): StageLink | undefined {
  const { a, b } = link;
  const { machines, registries } = frame;
  let points: Point[] | undefined;
  if (machines[a] && registries[b]) points = registryLinkPoints(frame, a, b);
  else if (machines[b] && registries[a]) points = [...registryLinkPoints(frame, b, a)].reverse();
  else if (machines[a] && machines[b]) points = machineLinkPoints(frame, a, b);
  if (!points || points.length < 2) return undefined;
  return { key: `link:${a}|${b}`, a, b, up: link.up, latencyMs: link.latencyMs, points };
}

/** Lay out the whole stage for `view`. Deterministic: the same view gives the same layout. */
export function layoutStage(view: WorldView, options: LayoutOptions = {}): StageLayout {
  const width = Math.round(Math.max(MIN_STAGE.width, options.width ?? STAGE_WIDTH));
  const height = Math.round(Math.max(MIN_STAGE.height, options.height ?? STAGE_HEIGHT));
  const frame = frameFor(width, height);
  const layout: StageLayout = {
    width,
    height,
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
    const box = frame.machines[name]!;
    const placed = placeHost(
      host,
      box,
      name !== 'laptop' ? COMPACT_SCALE : box.h >= 400 ? FULL_SCALE : MEDIUM_SCALE,
      withTerminal.has(name),
    );
    layout.nodes.push(...placed.nodes);
    layout.connectors.push(...placed.connectors);
    Object.assign(layout.anchors, placed.anchors);
  }
  const onHosts = repositoriesOnHosts(view);
  for (const registry of view.registries) {
    const box = frame.registries[registry.name];
    if (!box) continue;
    const first = [...(options.recentRepositories?.[registry.name] ?? []), ...(onHosts[registry.name] ?? [])];
    const placed = placeRegistry(registry, box, first);
    layout.nodes.push(...placed.nodes);
    Object.assign(layout.anchors, placed.anchors);
  }
  for (const link of view.links) {
    const placed = stageLink(frame, link);
    if (placed) layout.links.push(placed);
  }
  return layout;
}
