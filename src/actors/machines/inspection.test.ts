import { describe, expect, it } from 'vitest';
import type { ActorRefLike, InspectionEvent } from 'xstate';
import { createWorld } from '../world/world';
import { dockerRun } from '../world/world.fixture';

/** An actor's name as the stage shows it (stack.md §4: systemId, else id). */
const nameOf = (ref: ActorRefLike | undefined) =>
  ref ? ((ref as { systemId?: string }).systemId ?? (ref as { id?: string }).id ?? ref.sessionId) : '(external)';

// Each test builds a whole world (the hub's catalogue, six accounts' password hashes): give it time.
describe('XState inspection', { timeout: 30_000 }, () => {
  it('sees every message the network carried, between the actors that exchanged it, in trace order', async () => {
    const seen: string[] = [];
    const inspect = (ev: InspectionEvent) => {
      if (ev.type !== '@xstate.event' || !ev.sourceRef) return;
      const e = ev.event as { type: string; summary?: string; seq?: number };
      if (e.type !== 'http.request' && e.type !== 'http.response' && e.type !== 'http.failure') return;
      seen.push(`${e.seq} ${nameOf(ev.sourceRef)} → ${nameOf(ev.actorRef)}: ${e.type} ${e.summary}`);
    };
    const world = await createWorld({ seed: 'inspect', inspect });
    await world.run(dockerRun('hello-world'));
    expect(seen.slice(0, 6)).toEqual([
      '1 client:laptop → daemon:laptop: http.request POST /v1.50/containers/create',
      '2 daemon:laptop → client:laptop: http.response 404 No such image: hello-world:latest',
      '3 client:laptop → daemon:laptop: http.request POST /v1.50/images/create?fromImage=docker.io%2Flibrary%2Fhello-world&tag=latest',
      '4 daemon:laptop → registry:docker.io: http.request GET /v2/',
      '5 registry:docker.io → daemon:laptop: http.response 401 UNAUTHORIZED',
      expect.stringMatching(/^6 daemon:laptop → registry:docker\.io: http\.request GET \/token\?/),
    ]);
    const messages = world.trace.entries().filter((e) => e.kind !== 'event');
    expect(seen.map((s) => Number(s.split(' ')[0]))).toEqual(messages.map((e) => e.seq));
    world.stop();
  });

  it('shows the actors of the world under their systemIds, and a container actor per container', async () => {
    const world = await createWorld({ seed: 'actors' });
    const names = Object.values(world.actor.getSnapshot().children).map((c) => nameOf(c as ActorRefLike));
    expect(names).toEqual([
      'network',
      'daemon:laptop',
      'daemon:cloud-vm',
      'daemon:onprem-1',
      'registry:docker.io',
      'registry:registry.example.com',
      'registry:cr.example.net',
      'client:laptop',
    ]);
    const result = await world.run(dockerRun('hello-world'));
    const id = JSON.parse(new TextDecoder().decode(result.answers[2]!.body)).Id as string;
    const container = world.actor.system.get(`container:laptop:${id.slice(0, 12)}`);
    expect(container?.getSnapshot().value).toBe('exited');
    const pull = world.actor.system.get(`operation:${result.command}:1`);
    expect(pull?.getSnapshot().value).toBe('complete');
    world.stop();
  });
});
