// The stage's colours: the three regions in the colours of the seed's diagrams (client #e1f5fe,
// host #fff3e0, registry #f3e5f5, containers #e8f5e8), containers by Docker state, layers by a
// stable hue from their chain ID so the same layer looks the same wherever it appears.
import type { ContainerState } from '../../actors/view/types';

export const REGION = {
  client: '#e1f5fe',
  host: '#fff3e0',
  registry: '#f3e5f5',
  container: '#e8f5e8',
  daemon: '#fffaf2',
  down: '#e0e0e0',
} as const;

export const STROKE = {
  client: '#0277bd',
  host: '#e65100',
  registry: '#6a1b9a',
  item: '#8d6e63',
  shared: '#d81b60',
} as const;

/** A container's fill and outline by its Docker state. */
export const CONTAINER_STATE_COLOURS: Record<ContainerState, { fill: string; stroke: string }> = {
  running: { fill: REGION.container, stroke: '#2e7d32' },
  paused: { fill: '#fff9c4', stroke: '#f9a825' },
  restarting: { fill: '#ffe0b2', stroke: '#ef6c00' },
  created: { fill: '#e3f2fd', stroke: '#1565c0' },
  exited: { fill: '#eeeeee', stroke: '#757575' },
  dead: { fill: '#ffcdd2', stroke: '#c62828' },
  removing: { fill: '#f5f5f5', stroke: '#9e9e9e' },
};

const LAYER_HUES = ['#ffe0b2', '#ffccbc', '#d7ccc8', '#fff59d', '#c5e1a5', '#b2dfdb', '#b3e5fc', '#d1c4e9'];

/** A layer's fill, the same for the same chain ID on every layout. */
export function layerFill(chainId: string): string {
  const hex = chainId.replace(/^sha256:/, '');
  const n = Number.parseInt(hex.slice(0, 6), 16);
  return LAYER_HUES[(Number.isNaN(n) ? 0 : n) % LAYER_HUES.length]!;
}
