// What `npm run serve` starts, as a function a test can call in process: one world — the page's
// `createWorld`, on the wall clock, its links without latency — whose laptop daemon listens for the
// real docker CLI (`--engine`) and whose registries listen for skopeo, umoci or curl
// (`--registry NAME=HOST:PORT`). A registry served on a port is the world's own registry, the
// same state the daemons pull from and push to, with its token realm at that port's `/token`.
// The daemons also reach registries on loopback (`docker push 127.0.0.1:5000/…`) over real HTTP,
// as exchanges with a registry endpoint named by the address (`127.0.0.1:5000`).
//
// The world's trace is printed as it grows, one line per message (unless `--quiet`), and with
// `--mermaid` each request's sequence diagram once its answer has been sent in full.
import { isWorldRegistry, worldRegistryNames, type WorldRegistryName } from '../engine/registry/presets';
import { formatTraceLine } from '../actors/trace/format';
import { sequenceDiagram } from '../actors/trace/sequence-diagram';
import { createWorld, type World } from '../actors/world/world';
import { serveEngine, type RunningEngine } from './engine-server';
import { serveHandler, type RunningServer } from './http-adapter';
import { isLoopbackHost, loopbackHttp } from './node-transport';
import type { ServeOptions } from './serve-options';
import { wallTicker } from './wall-ticker';
import { worldEngineHandler } from './world-engine';

export interface Serving {
  world: World;
  engine?: RunningEngine;
  registries: { name: WorldRegistryName; server: RunningServer }[];
  /** Stop every server and the world. */
  close(): Promise<void>;
}

/** A world on the wall clock, as serve runs it. */
export function wallClockWorld(): Promise<World> {
  const start = Date.now();
  const clock: { world?: World } = {};
  const world = createWorld({
    seed: `serve@${new Date(start).toISOString()}`,
    speed: 'realtime',
    start,
    realNow: () => Date.now(),
    ticker: wallTicker({ nextDue: () => clock.world?.clock.nextDeadline }),
    zeroLatency: true,
    externalRegistry: (host) => (isLoopbackHost(host) ? (request) => loopbackHttp(host, request) : undefined),
  });
  return world.then((w) => (clock.world = w));
}

/** Start what `opts` asks for; `print` gets the startup lines, the live trace and the diagrams. */
export async function startServing(opts: ServeOptions, print: (line: string) => void = console.log): Promise<Serving> {
  const names: WorldRegistryName[] = [];
  for (const { name } of opts.registries) {
    if (!isWorldRegistry(name)) throw new Error(`unknown registry "${name}": one of ${worldRegistryNames.join(', ')}`);
    names.push(name);
  }
  const world = await wallClockWorld();
  const serving: Serving = {
    world,
    registries: [],
    async close() {
      await Promise.all([serving.engine?.close(), ...serving.registries.map((r) => r.server.close())]);
      world.stop();
    },
  };
  if (opts.trace) world.trace.subscribe((entry) => print(formatTraceLine(entry)));
  try {
    for (const [i, name] of names.entries()) {
      // The realm must point back at this server, so the handler is made once its URL is known.
      const server = await serveHandler(
        (base) => world.registryWithRealm(name, `${base}/token`),
        opts.registries[i]!.at,
      );
      print(`registry ${name} listening on ${server.url}`);
      serving.registries.push({ name, server });
    }
    if (opts.engine) {
      const handler = worldEngineHandler(world, {
        ...(opts.mermaid ? { onAnswered: (command) => print(sequenceDiagram(world.trace.ofCommand(command))) } : {}),
      });
      serving.engine = await serveEngine(handler, opts.engine);
      print(`engine listening on ${serving.engine.url} (DOCKER_HOST=${serving.engine.url})`);
    }
  } catch (err) {
    await serving.close();
    throw err;
  }
  return serving;
}
