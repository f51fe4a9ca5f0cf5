// Inside one machine's box: the client (when a terminal is on it), its daemon with the images
// (each a stack of layer boxes, base at the bottom; a layer several images stack is outlined and
// joined to its twins), the containers (coloured by state), and the networks and volumes. Boxes
// wrap into rows; what does not fit is counted in a `+N more` box rather than drawn outside.
import type { HostView, ImageView } from '../../actors/view/types';
import { CONTAINER_STATE_COLOURS, REGION, STROKE, layerFill } from './colours';
import { clip, type Point, type Rect } from './geometry';
import type { SharedConnector, StageNode } from './types';

export interface HostScale {
  /** Width of an image's stack, height of one layer, most layers drawn per image. */
  imageWidth: number;
  layerHeight: number;
  maxLayers: number;
  containerWidth: number;
  containerHeight: number;
  font: number;
}

export const FULL_SCALE: HostScale = {
  imageWidth: 92,
  layerHeight: 11,
  maxLayers: 10,
  containerWidth: 118,
  containerHeight: 34,
  font: 12,
};
/** The laptop on a short stage (a 1280×720 projector): thinner layers, the same legible text. */
export const MEDIUM_SCALE: HostScale = {
  imageWidth: 92,
  layerHeight: 6,
  maxLayers: 6,
  containerWidth: 118,
  containerHeight: 30,
  font: 12,
};
export const COMPACT_SCALE: HostScale = {
  imageWidth: 70,
  layerHeight: 7,
  maxLayers: 6,
  containerWidth: 92,
  containerHeight: 26,
  font: 11,
};

const GAP = 8;
const LABEL = 16;
/** The narrowest container chip still worth drawing (`+12 more` fits). */
const MIN_CHIP = 56;

export interface HostPlacement {
  nodes: StageNode[];
  connectors: SharedConnector[];
  anchors: Record<string, Point>;
}

function imageName(image: ImageView): string {
  return image.repoTags[0] ?? `<none> ${image.id.slice(7, 19)}`;
}

/** Lay out the images of `host` in `area`, stacks in rows; returns their nodes and shared layers. */
function placeImages(host: HostView, area: Rect, s: HostScale, out: HostPlacement): void {
  if (area.h < LABEL) return; // no room even for `+N more`: the daemon's name counts them
  const perRow = Math.max(1, Math.floor((area.w + GAP) / (s.imageWidth + GAP)));
  // On a short stage tall stacks are drawn shorter (their base layers, the shared ones) so that
  // every row of images fits, down to two layers a stack; the layers left out are counted in each
  // image's accessible name. Rows that still do not fit become `+N more`.
  const rowsWanted = Math.ceil(host.images.length / perRow);
  const rowsFit = Math.max(1, Math.floor((area.h + GAP) / (2 * s.layerHeight + LABEL + GAP)));
  const rows = Math.min(rowsWanted, rowsFit);
  const reserve = rowsWanted > rows ? LABEL + GAP : 0;
  const fitting = Math.floor((area.h + GAP - reserve - rows * (LABEL + GAP)) / rows / s.layerHeight);
  const maxLayers = Math.max(1, Math.min(s.maxLayers, fitting));
  const stackHeight = (img: ImageView) => Math.min(img.layers.length, maxLayers) * s.layerHeight;
  const layerBoxes = new Map<string, Rect[]>();
  let y = area.y;
  for (let start = 0; start < host.images.length; start += perRow) {
    const row = host.images.slice(start, start + perRow);
    const rowHeight = Math.max(s.layerHeight, ...row.map(stackHeight)) + LABEL;
    const lastRow = start + perRow >= host.images.length;
    // Every row but the last leaves room below it for the `+N more` line.
    if (y + rowHeight > area.y + area.h - (lastRow ? 0 : LABEL + GAP)) {
      more(
        out,
        `${host.name}:images`,
        host.images.length - start,
        'images',
        { x: area.x, y, w: Math.min(90, area.w), h: LABEL },
        host.name,
      );
      break;
    }
    row.forEach((image, i) => {
      const x = area.x + i * (s.imageWidth + GAP);
      const name = imageName(image);
      const base = y + rowHeight - LABEL;
      // Base layers are the ones images share: draw from the base up, count the rest on top.
      const shown = image.layers.slice(0, maxLayers);
      const hidden = image.layers.length - shown.length;
      const top = base - shown.length * s.layerHeight;
      out.nodes.push({
        key: `image:${host.name}:${image.id}`,
        kind: 'image',
        x,
        y: top,
        w: s.imageWidth,
        h: base - top + LABEL,
        label: clip(name, Math.floor(s.imageWidth / (s.font * 0.6))),
        ariaLabel: `image ${name} on ${host.name}, ${image.layers.length} layer${image.layers.length === 1 ? '' : 's'}${hidden ? ` (${hidden} not drawn)` : ''}`,
        selection: { kind: 'image', host: host.name, id: image.id },
        fill: 'transparent',
        stroke: STROKE.item,
        depth: 2,
      });
      shown.forEach((layer, j) => {
        const box: Rect = { x, y: base - (j + 1) * s.layerHeight, w: s.imageWidth, h: s.layerHeight };
        const shared = layer.sharedWith.length > 0;
        if (shared) layerBoxes.set(layer.chainId, [...(layerBoxes.get(layer.chainId) ?? []), box]);
        out.nodes.push({
          key: `layer:${host.name}:${image.id}:${j}`,
          kind: 'layer',
          ...box,
          label: '',
          ariaLabel: `layer ${layer.diffId.slice(7, 19)} of ${name} on ${host.name}${shared ? `, shared with ${layer.sharedWith.length} other image${layer.sharedWith.length === 1 ? '' : 's'}` : ''}`,
          selection: { kind: 'layer', host: host.name, diffId: layer.diffId },
          fill: layerFill(layer.chainId),
          stroke: shared ? STROKE.shared : STROKE.item,
          depth: 3,
          ...(shared ? { sharedGroup: layer.chainId } : {}),
        });
      });
    });
    y += rowHeight + GAP;
  }
  for (const [group, boxes] of layerBoxes) {
    for (let i = 1; i < boxes.length; i++) {
      const a = boxes[i - 1]!;
      const b = boxes[i]!;
      out.connectors.push({
        key: `shared:${host.name}:${group}:${i}`,
        group,
        points: [
          { x: a.x + a.w, y: a.y + a.h / 2 },
          { x: b.x, y: b.y + b.h / 2 },
        ],
      });
    }
  }
}

function more(out: HostPlacement, key: string, count: number, what: string, at: Rect, host: string): void {
  out.nodes.push({
    key: `more:${key}`,
    kind: 'more',
    ...at,
    label: `+${count} more`,
    ariaLabel: `${count} more ${what} on ${host}`,
    selection: { kind: 'host', name: host },
    fill: 'transparent',
    stroke: 'transparent',
    depth: 2,
  });
}

/** How many of `count` items fit in `capacity` slots, keeping the last slot for `+N more`. */
function shownOf(count: number, capacity: number): number {
  return count <= capacity ? count : Math.max(0, capacity - 1);
}

/** Containers as small boxes in rows, newest first. */
function placeContainers(host: HostView, area: Rect, s: HostScale, out: HostPlacement): void {
  // A narrow column (a compact host on a small stage) gets narrower chips rather than none.
  const width = Math.min(s.containerWidth, area.w);
  if (width < MIN_CHIP) return;
  const perRow = Math.max(1, Math.floor((area.w + GAP) / (width + GAP)));
  const rows = Math.max(0, Math.floor((area.h + GAP) / (s.containerHeight + GAP)));
  const shown = shownOf(host.containers.length, perRow * rows);
  const slot = (i: number): Rect => ({
    x: area.x + (i % perRow) * (width + GAP),
    y: area.y + Math.floor(i / perRow) * (s.containerHeight + GAP),
    w: width,
    h: s.containerHeight,
  });
  host.containers.slice(0, shown).forEach((c, i) => {
    const colours = CONTAINER_STATE_COLOURS[c.state];
    out.nodes.push({
      key: `container:${host.name}:${c.id}`,
      kind: 'container',
      ...slot(i),
      label: clip(c.name, Math.floor(width / (s.font * 0.6))),
      ariaLabel: `container ${c.name} (${c.image}) on ${host.name}: ${c.status || c.state}`,
      selection: { kind: 'container', host: host.name, id: c.id },
      fill: colours.fill,
      stroke: colours.stroke,
      depth: 2,
      state: c.state,
    });
  });
  if (shown < host.containers.length && rows > 0)
    more(out, `${host.name}:containers`, host.containers.length - shown, 'containers', slot(shown), host.name);
}

/** Networks and volumes as a row of small labelled pills. */
function placeResources(host: HostView, area: Rect, s: HostScale, out: HostPlacement): void {
  const items = [
    ...host.networks.map((n) => ({
      kind: 'network' as const,
      id: n.id || n.name,
      label: `⇄ ${n.name}`,
      what: `network ${n.name} (${n.driver})`,
    })),
    ...host.volumes.map((v) => ({
      kind: 'volume' as const,
      id: v.name,
      label: `▤ ${v.name}`,
      what: `volume ${v.name}`,
    })),
  ];
  const w = s.containerWidth;
  const shown = shownOf(items.length, Math.floor((area.w + GAP) / (w + GAP)));
  const slot = (i: number): Rect => ({ x: area.x + i * (w + GAP), y: area.y, w, h: area.h });
  for (const [i, item] of items.slice(0, shown).entries()) {
    out.nodes.push({
      key: `${item.kind}:${host.name}:${item.id}`,
      kind: item.kind,
      ...slot(i),
      label: clip(item.label, Math.floor(w / (s.font * 0.6))),
      ariaLabel: `${item.what} on ${host.name}`,
      selection: { kind: 'host', name: host.name },
      fill: '#ffffff',
      stroke: STROKE.item,
      depth: 2,
    });
  }
  if (shown < items.length)
    more(out, `${host.name}:resources`, items.length - shown, 'networks and volumes', slot(shown), host.name);
}

/**
 * Everything inside one machine's `box`: a client strip when `withClient`, then the daemon with
 * images (left) and containers (right) and a strip of networks and volumes along the bottom.
 */
export function placeHost(host: HostView, box: Rect, s: HostScale, withClient: boolean): HostPlacement {
  const out: HostPlacement = { nodes: [], connectors: [], anchors: {} };
  const pad = 8;
  const title = s.font + 10;
  const down = !host.up || !host.daemonUp;
  out.nodes.push({
    key: `host:${host.name}`,
    kind: 'host',
    ...box,
    label: host.name,
    ariaLabel: `host ${host.name}${down ? ' (down)' : ''}`,
    selection: { kind: 'host', name: host.name },
    fill: down ? REGION.down : REGION.host,
    stroke: STROKE.host,
    depth: 0,
    down,
  });
  let top = box.y + title;
  if (withClient) {
    const client: Rect = { x: box.x + pad, y: top, w: box.w - 2 * pad, h: s.font + 16 };
    out.nodes.push({
      key: `client:${host.name}`,
      kind: 'client',
      ...client,
      label: 'docker client (CLI)',
      ariaLabel: `docker client on ${host.name}`,
      selection: { kind: 'host', name: host.name },
      fill: REGION.client,
      stroke: STROKE.client,
      depth: 1,
    });
    out.anchors[`client@${host.name}`] = { x: client.x + client.w / 2, y: client.y + client.h };
    top = client.y + client.h + pad * 2;
  }
  const daemon: Rect = { x: box.x + pad, y: top, w: box.w - 2 * pad, h: box.y + box.h - pad - top };
  out.nodes.push({
    key: `daemon:${host.name}`,
    kind: 'daemon',
    ...daemon,
    label: host.daemonUp ? 'dockerd' : 'dockerd (stopped)',
    ariaLabel: `Docker daemon on ${host.name}${host.daemonUp ? '' : ' (stopped)'}: ${host.images.length} images, ${host.containers.length} containers`,
    selection: { kind: 'host', name: host.name },
    fill: REGION.daemon,
    stroke: STROKE.host,
    depth: 1,
    down: !host.daemonUp,
  });
  out.anchors[`daemon@${host.name}`] = { x: daemon.x + daemon.w / 2, y: daemon.y };
  const inner: Rect = { x: daemon.x + pad, y: daemon.y + title, w: daemon.w - 2 * pad, h: daemon.h - title - pad };
  const strip = s.containerHeight - 8;
  const body: Rect = { ...inner, h: inner.h - strip - GAP };
  // Images take the width the containers do not need (at most 60 % of it for the containers).
  const containerColumns = Math.min(Math.max(1, Math.ceil(host.containers.length / 2)), 3);
  const split = Math.min(
    body.w,
    Math.max(Math.round(body.w * 0.4), s.imageWidth + GAP, body.w - containerColumns * (s.containerWidth + GAP)),
  );
  placeImages(host, { ...body, w: split - GAP }, s, out);
  placeContainers(host, { ...body, x: body.x + split, w: body.w - split }, s, out);
  placeResources(host, { x: inner.x, y: inner.y + inner.h - strip, w: inner.w, h: strip }, s, out);
  return out;
}
