// Reading a World into the plain facts goal checks judge (goal-state.ts). The world's public view
// (`viewOf`, src/actors/view) gives the machines, containers, networks, volumes, registries' tags
// and whether each daemon is up; two things it does not offer are read here directly: Docker's
// lookup of an image by name or ID prefix (the daemon's image store `resolve`, which never touches
// the network) and each individual link (the view folds a registry's hosts into one link).
// The laptop's files come from `world.files`, the commands from the runner's log of the session.
import type { World } from '../../actors/world/world';
import { viewOf } from '../../actors/view/world-view';
import type { HostView } from '../../actors/view/types';
import type { ImageRecord } from '../../engine/daemon/image-store/types';
import { LESSON_HOSTS, LESSON_REGISTRIES, type LessonHost, type LessonRegistry } from '../schema/goal-schema';
import type { CommandRecord, GoalState, HostFacts, ImageFact, RegistryFacts, TagFact } from './goal-state';

const imageFact = (image: ImageRecord): ImageFact => ({ id: image.id, repoTags: image.repoTags });

function hostFacts(world: World, host: LessonHost, view: HostView | undefined): HostFacts {
  const store = world.daemons.get(host)?.store;
  return {
    up: view?.up === true && view.daemonUp,
    images: (store?.list() ?? []).map(imageFact),
    resolveImage: (ref) => {
      try {
        const found = store?.resolve(ref);
        return found && imageFact(found);
      } catch {
        return undefined; // an invalid reference names no image
      }
    },
    containers: (view?.containers ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      image: c.image,
      imageId: c.imageId,
      state: c.state,
      exitCode: c.exitCode,
    })),
    networks: (view?.networks ?? []).map((n) => ({ name: n.name, driver: n.driver })),
    volumes: (view?.volumes ?? []).map((v) => ({ name: v.name, driver: v.driver })),
  };
}

function readText(world: World, path: string): string | undefined {
  if (world.files.stat(path)?.kind !== 'file') return undefined;
  try {
    return world.files.readText(path);
  } catch {
    return undefined;
  }
}

/** The world as goal checks see it, now. `commands`: the terminal's commands since the lesson began. */
export async function readGoalState(world: World, commands: readonly CommandRecord[]): Promise<GoalState> {
  const view = await viewOf(world);
  const hosts = {} as Record<LessonHost, HostFacts>;
  for (const host of LESSON_HOSTS)
    hosts[host] = hostFacts(
      world,
      host,
      view.hosts.find((h) => h.name === host),
    );
  const registries = {} as Record<LessonRegistry, RegistryFacts>;
  for (const name of LESSON_REGISTRIES) {
    const registry = view.registries.find((r) => r.name === name);
    const tags = new Map<string, TagFact>();
    for (const repo of registry?.repositories ?? []) {
      for (const t of repo.tags) tags.set(`${repo.name}:${t.tag}`, { digest: t.digest, layers: t.layers });
    }
    registries[name] = { up: registry?.up ?? false, tags };
  }
  return {
    hosts,
    registries,
    linkUp: (a, b) => world.topology.linkBetween(a, b)?.up,
    trace: world.trace.entries(),
    readFile: (path) => readText(world, path),
    commands: [...commands],
  };
}
