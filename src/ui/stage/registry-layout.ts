// Inside one registry's box: a row per repository (`library/alpine`) followed by its tags as chips
// (`latest`, `3.21`…). Repositories that were pushed to or pulled from lately matter most to a
// student, so rows for `recent` repositories come first; the rest follow by name. What does not
// fit is counted (`+12 repositories`, `+5`) rather than drawn outside the box.
import type { RegistryView } from '../../actors/view/types';
import { REGION, STROKE } from './colours';
import { clip, type Point, type Rect } from './geometry';
import type { StageNode } from './types';

const ROW = 20;
const GAP = 4;
const CHAR = 6.6;
/** Average width of a character of a registry's 15px bold title. */
const TITLE_CHAR = 9;

export interface RegistryPlacement {
  nodes: StageNode[];
  anchors: Record<string, Point>;
}

/** Lay out `registry` in `box`; `recent` repositories are listed first. */
export function placeRegistry(registry: RegistryView, box: Rect, recent: readonly string[] = []): RegistryPlacement {
  const nodes: StageNode[] = [];
  const down = !registry.up;
  nodes.push({
    key: `registry:${registry.name}`,
    kind: 'registry',
    ...box,
    label: title(registry.name, Math.floor((box.w - 12) / TITLE_CHAR)),
    ariaLabel: `registry ${registry.name}${down ? ' (unreachable)' : ''}: ${registry.repositories.length} repositories`,
    selection: { kind: 'registry', name: registry.name },
    fill: down ? REGION.down : REGION.registry,
    stroke: STROKE.registry,
    depth: 0,
    down,
  });
  const rank = (name: string) => {
    const i = recent.indexOf(name);
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  const repos = [...registry.repositories].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
  const x0 = box.x + 8;
  const right = box.x + box.w - 8;
  const nameWidth = Math.min(150, Math.round(box.w * 0.36));
  let y = box.y + 26;
  for (const [i, repo] of repos.entries()) {
    if (y + ROW * 2 + GAP > box.y + box.h && i < repos.length - 1) {
      nodes.push(moreNode(`${registry.name}:repos`, `+${repos.length - i} repositories`, x0, y, registry.name));
      break;
    }
    if (y + ROW > box.y + box.h - 4) break;
    nodes.push({
      key: `repository:${registry.name}:${repo.name}`,
      kind: 'repository',
      x: x0,
      y,
      w: nameWidth,
      h: ROW - 2,
      label: clip(repo.name, Math.floor((nameWidth - 8) / CHAR)),
      ariaLabel: `repository ${repo.name} on ${registry.name}, ${repo.tags.length} tags`,
      selection: { kind: 'registry', name: registry.name, repository: repo.name },
      fill: '#ffffff',
      stroke: STROKE.registry,
      depth: 1,
    });
    let x = x0 + nameWidth + GAP;
    for (const [j, tag] of repo.tags.entries()) {
      const w = Math.max(28, Math.min(90, tag.tag.length * CHAR + 10));
      const last = j === repo.tags.length - 1;
      if (x + w > right - (last ? 0 : 36)) {
        nodes.push(
          moreNode(`${registry.name}:${repo.name}:tags`, `+${repo.tags.length - j}`, x, y, registry.name, repo.name),
        );
        break;
      }
      nodes.push({
        key: `tag:${registry.name}:${repo.name}:${tag.tag}`,
        kind: 'tag',
        x,
        y,
        w,
        h: ROW - 2,
        label: clip(tag.tag, Math.floor((w - 6) / CHAR)),
        ariaLabel: `tag ${repo.name}:${tag.tag} on ${registry.name}, ${tag.layers} layers`,
        selection: { kind: 'registry', name: registry.name, repository: repo.name, tag: tag.tag },
        fill: '#fdf7ff',
        stroke: STROKE.registry,
        depth: 2,
      });
      x += w + GAP;
    }
    y += ROW + GAP;
  }
  return { nodes, anchors: { [`registry@${registry.name}`]: { x: box.x, y: box.y + Math.min(box.h / 2, 60) } } };
}

/** `docker.io registry`, or just the name when the box is too narrow for both. */
function title(name: string, chars: number): string {
  const full = `${name} registry`;
  return full.length <= chars ? full : clip(name, chars);
}

function moreNode(key: string, label: string, x: number, y: number, registry: string, repository?: string): StageNode {
  return {
    key: `more:${key}`,
    kind: 'more',
    x,
    y,
    w: 34 + (label.length > 4 ? 80 : 0),
    h: ROW - 2,
    label,
    ariaLabel: `${label.replace('+', '')} more ${repository ? `tags of ${repository}` : 'repositories'} on ${registry}`,
    selection: repository ? { kind: 'registry', name: registry, repository } : { kind: 'registry', name: registry },
    fill: 'transparent',
    stroke: 'transparent',
    depth: repository ? 2 : 1,
  };
}
