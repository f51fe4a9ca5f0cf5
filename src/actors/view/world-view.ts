// The world at a glance, as plain data: `viewOf(world)` reads every daemon, registry, link and
// terminal of a running world and returns a WorldView (types.ts) — what the stage draws, what the
// inspectors list, what a lesson's goal checks ("an exited container on the laptop"). Reading never
// goes over the world's network, so taking a view adds nothing to the trace and moves no clock.
//
// `viewEvents(world, listener)` keeps a view fresh: every state change of the world appears in its
// trace (a message sent or answered, an image pulled, a container started), so each new trace entry
// asks for a new view — at most one per tick of the given scheduler (an animation frame in the page),
// however many entries arrive in between.
import type { World } from '../world/world';
import { actorIds, isDaemonHost, siteOfHost } from '../world/layout';
import { containersOfHost, imagesOf, networksOf, volumesOf } from './host-view';
import { repositoriesOf } from './registry-view';
import type { HostView, LinkView, RegistryView, TerminalView, WorldView } from './types';

/** What an actor of the world is doing, if it exists (`up`, `down`, `idle`…). */
function actorState(world: World, systemId: string): unknown {
  return world.actor.system.get(systemId)?.getSnapshot().value;
}

async function hostsOf(world: World): Promise<HostView[]> {
  const hosts: HostView[] = [];
  for (const [name, daemon] of world.daemons) {
    hosts.push({
      name,
      up: world.topology.isHostUp(name),
      daemonUp: actorState(world, actorIds.daemon(name)) === 'up',
      images: imagesOf(daemon),
      containers: containersOfHost(daemon),
      networks: await networksOf(daemon),
      volumes: await volumesOf(daemon),
    });
  }
  return hosts;
}

async function registriesOf(world: World): Promise<RegistryView[]> {
  const out: RegistryView[] = [];
  for (const [name, registry] of world.registries) {
    out.push({
      name,
      up: world.topology.isHostUp(name) && actorState(world, actorIds.registry(name)) !== 'down',
      repositories: await repositoriesOf(registry),
    });
  }
  return out;
}

/**
 * The links the stage draws: between machines, and from each machine to each registry. A registry's
 * token and index hosts (`auth.docker.io`) share its API host's link, so they are folded into it.
 */
function linksOf(world: World): LinkView[] {
  const folded = new Map<string, LinkView>();
  for (const link of world.topology.links()) {
    const ends = [siteOfHost(link.a)?.name ?? link.a, siteOfHost(link.b)?.name ?? link.b];
    // A machine comes first: `laptop → docker.io`, as the stage reads from left to right.
    const [a, b] = isDaemonHost(ends[1]!) && !isDaemonHost(ends[0]!) ? [ends[1]!, ends[0]!] : [ends[0]!, ends[1]!];
    const known = folded.get(`${a}|${b}`);
    if (known) known.up &&= link.up;
    else folded.set(`${a}|${b}`, { a, b, up: link.up, latencyMs: link.latencyMs });
  }
  return [...folded.values()];
}

function terminalsOf(world: World): TerminalView[] {
  const out: TerminalView[] = [];
  for (const [id, child] of Object.entries(world.actor.getSnapshot().children)) {
    if (!id.startsWith('client:') || !child) continue;
    const snap = child.getSnapshot() as {
      value: unknown;
      context: { terminal: string; host: string; daemon: string; current?: { line?: string } };
    };
    const { terminal, host, daemon, current } = snap.context;
    const view: TerminalView = { name: terminal, host, daemon, busy: snap.value !== 'idle' };
    if (current?.line) view.line = current.line;
    out.push(view);
  }
  return out.sort((a, b) => (a.name === 'laptop' ? -1 : b.name === 'laptop' ? 1 : a.name.localeCompare(b.name)));
}

/** A picture of the whole world now. Reads only; never changes the world or its trace. */
export async function viewOf(world: World): Promise<WorldView> {
  const seq = world.trace.lastSeq;
  const time = world.clock.now();
  return {
    time,
    seq,
    hosts: await hostsOf(world),
    registries: await registriesOf(world),
    links: linksOf(world),
    terminals: terminalsOf(world),
  };
}

/** Runs a callback later: `requestAnimationFrame` in the page, a manual queue in tests. */
export type Scheduler = (run: () => void) => void;

/** About one animation frame, with plain timers (for Node; the page passes requestAnimationFrame). */
export const frameTimer: Scheduler = (run) => void setTimeout(run, 16);

/**
 * Call `listener` with a fresh view after the trace grows — at most once per scheduler tick, and
 * never with two views being taken at once (entries arriving meanwhile give one more view after).
 * Returns the function that stops it.
 */
export function viewEvents(
  world: World,
  listener: (view: WorldView) => void,
  schedule: Scheduler = frameTimer,
): () => void {
  let stopped = false;
  let scheduled = false;
  let taking = false;
  let dirty = false;

  const take = async (): Promise<void> => {
    scheduled = false;
    if (stopped) return;
    taking = true;
    dirty = false;
    try {
      const view = await viewOf(world);
      if (!stopped) listener(view);
    } finally {
      taking = false;
      if (dirty) request();
    }
  };
  const request = (): void => {
    if (stopped) return;
    if (taking) {
      dirty = true;
      return;
    }
    if (scheduled) return;
    scheduled = true;
    schedule(() => void take());
  };
  const unsubscribe = world.trace.subscribe(request);
  return () => {
    stopped = true;
    unsubscribe();
  };
}
