// The operations in progress (and the last few finished), per layer, as the stage draws their
// progress bars: a pull's layers Waiting → Downloading 12/40 kB → Extracting → Pull complete, a
// push's Preparing → Pushing → Pushed / Layer already exists / Mounted from …, a build's steps.
// Read from the operation actors the clients keep (`operation:<command>:<n>`), which decode the
// daemon's progress stream exactly as the docker CLI does; reading changes nothing.
import type { AnyActorRef } from 'xstate';
import type { World } from '../world/world';

export interface LayerProgressView {
  /** The layer ID as the CLI prints it (12 hex characters). */
  id: string;
  /** The layer actor's state: `downloading`, `extracting`, `pullComplete`, `pushed`… */
  phase: string;
  current: number;
  total: number;
  /** A push's cross-repository mount source. */
  mountedFrom?: string;
}

export interface OperationView {
  /** The actor's systemId: `operation:<command>:<n>`. */
  id: string;
  kind: 'pull' | 'push' | 'build';
  command: number;
  /** The terminal whose client runs it. */
  terminal: string;
  /** What was asked for: the image reference or the build's tag. */
  subject: string;
  /** `starting`, `pulling`, `complete`, `failed`… */
  state: string;
  error?: string;
  layers: LayerProgressView[];
  /** Build steps as the classic builder prints them (`Step 2/5 : RUN …`). */
  steps: string[];
}

interface OperationContext {
  command: number;
  subject: string;
  layers?: string[];
  error?: string;
  steps?: { step: number; steps: number; instruction: string }[];
}

function stateName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const [key, inner] = Object.entries(value)[0] ?? ['', undefined];
    const rest = stateName(inner);
    return rest ? `${key}.${rest}` : key;
  }
  return '';
}

function layerProgress(actor: AnyActorRef, layer: string): LayerProgressView {
  const child = (actor.getSnapshot() as { children: Record<string, AnyActorRef | undefined> }).children[
    `layer:${layer}`
  ];
  const snap = child?.getSnapshot() as
    { value: unknown; context: { current?: number; total?: number; mountedFrom?: string } } | undefined;
  const view: LayerProgressView = {
    id: layer,
    phase: stateName(snap?.value),
    current: snap?.context.current ?? 0,
    total: snap?.context.total ?? 0,
  };
  if (snap?.context.mountedFrom) view.mountedFrom = snap.context.mountedFrom;
  return view;
}

/** Every operation the world's clients still keep, oldest first. */
export function operationsOf(world: World): OperationView[] {
  const out: OperationView[] = [];
  for (const [childId, client] of Object.entries(world.actor.getSnapshot().children)) {
    if (!childId.startsWith('client:') || !client) continue;
    const { terminal, operations } = (client.getSnapshot() as { context: { terminal: string; operations: string[] } })
      .context;
    for (const id of operations) {
      const actor = world.actor.system.get(id) as AnyActorRef | undefined;
      if (!actor) continue;
      const kind = ((actor as unknown as { logic?: { id?: string } }).logic ?? {}).id;
      if (kind !== 'pull' && kind !== 'push' && kind !== 'build') continue;
      const snap = actor.getSnapshot() as { value: unknown; context: OperationContext };
      const ctx = snap.context;
      const view: OperationView = {
        id,
        kind,
        command: ctx.command,
        terminal,
        subject: ctx.subject,
        state: stateName(snap.value),
        layers: (ctx.layers ?? []).map((layer) => layerProgress(actor, layer)),
        steps: (ctx.steps ?? []).map((s) => `Step ${s.step}/${s.steps} : ${s.instruction}`),
      };
      if (ctx.error) view.error = ctx.error;
      out.push(view);
    }
  }
  return out.sort((a, b) => a.command - b.command || a.id.localeCompare(b.id));
}
