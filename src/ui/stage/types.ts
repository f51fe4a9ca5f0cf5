// What the stage draws, as data: boxes (nodes), the links between machines and registries (as
// polylines a packet can travel), connectors between the boxes of a layer that several images share,
// and the anchor point of each endpoint of the trace (`client@laptop`, `daemon@cloud-vm`,
// `registry@docker.io`). layout.ts computes it from a WorldView; Stage.svelte only draws it.
import type { Selection } from '../inspector/selection';
import type { Point, Rect } from './geometry';

export type NodeKind =
  | 'host'
  | 'client'
  | 'daemon'
  | 'section'
  | 'image'
  | 'layer'
  | 'container'
  | 'network'
  | 'volume'
  | 'registry'
  | 'repository'
  | 'tag'
  | 'more';

export interface StageNode extends Rect {
  /** Unique and stable across layouts of the same world (keyed lists, highlighting). */
  key: string;
  kind: NodeKind;
  /** Text drawn in the box (may be shortened). */
  label: string;
  /** Full accessible name: `image nginx:latest on laptop`. */
  ariaLabel: string;
  /** What clicking it opens in the inspector; absent for decorative boxes. */
  selection?: Selection;
  fill: string;
  stroke: string;
  /** Nesting: 0 machines and registries, 1 their parts, 2 items, 3 an item's parts. */
  depth: number;
  /** The layer's chain ID, when several images on the host share this layer. */
  sharedGroup?: string;
  /** Container state, for styling. */
  state?: string;
  /** Whether the thing is down (a stopped daemon, an unreachable registry). */
  down?: boolean;
}

export interface StageLink {
  key: string;
  a: string;
  b: string;
  up: boolean;
  latencyMs: number;
  /** From `a`'s edge to `b`'s edge. */
  points: Point[];
}

export interface SharedConnector {
  key: string;
  group: string;
  points: Point[];
}

export interface StageLayout {
  width: number;
  height: number;
  nodes: StageNode[];
  links: StageLink[];
  connectors: SharedConnector[];
  /** `${role}@${host}` → where messages leave and arrive. */
  anchors: Record<string, Point>;
}
