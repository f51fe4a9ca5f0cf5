// `npm run serve [-- --engine 127.0.0.1:2375] [--registry NAME=HOST:PORT …]`
//
// Exposes Dockyard over real HTTP on loopback ports so real clients drive it unchanged:
//   --engine HOST:PORT          the laptop's Docker daemon (Engine API 1.50) for the docker CLI,
//                               `DOCKER_HOST=tcp://HOST:PORT docker …` (the default, on
//                               127.0.0.1:2375, when no flag is given at all);
//   --registry NAME=HOST:PORT   one of the world's registries (docker.io, registry.example.com,
//                               cr.example.net) for skopeo, umoci, curl.
// The daemon reaches the world's registries in process, by their world host names, sharing state
// with any `--registry` server; loopback registries (`127.0.0.1:5000/…`) it reaches over real HTTP.
// Every request to the engine and every exchange the daemon has with a registry goes through the
// network actor and into the trace, printed live one line per message (`--quiet` turns that off;
// `--mermaid` adds a sequence diagram per request). Runs until interrupted.
import { createDaemon } from '../engine/daemon';
import { ImageStore } from '../engine/daemon/image-store';
import { isWorldRegistry, worldRegistryNames } from '../engine/registry/presets';
import { MemoryBlobStore } from '../engine/store/memory-blob-store';
import { serveEngine } from './engine-server';
import { serveHandler } from './http-adapter';
import { formatTraceLine } from '../actors/trace/format';
import { sequenceDiagram } from '../actors/trace/sequence-diagram';
import { parseServeArgs, type ServeOptions } from './serve-options';
import { tracedWorld } from './traced-world';
import { createWorldRegistries } from '../engine/world/registries';

interface Closable {
  close(): Promise<void>;
}

async function start(opts: ServeOptions): Promise<Closable[]> {
  const names = opts.registries.map(({ name }) => name);
  for (const name of names) {
    if (!isWorldRegistry(name)) throw new Error(`unknown registry "${name}": one of ${worldRegistryNames.join(', ')}`);
  }
  const world = await createWorldRegistries();
  const running: Closable[] = [];
  for (const { name, at } of opts.registries) {
    if (!isWorldRegistry(name)) continue;
    // The realm must point back at this server, so the handler is made once its URL is known.
    const server = await serveHandler((base) => world.handlerWithRealm(name, `${base}/token`), at);
    console.log(`registry ${name} listening on ${server.url}`);
    running.push(server);
  }
  if (opts.engine) {
    const traced = tracedWorld(world.hosts);
    if (opts.trace) traced.trace.subscribe((entry) => console.log(formatTraceLine(entry)));
    // Once a request is answered in full, draw everything it set off.
    const drawDiagram = opts.mermaid
      ? (command: number) => console.log(sequenceDiagram(traced.trace.ofCommand(command)))
      : undefined;
    const store = await ImageStore.open(new MemoryBlobStore());
    const daemon = createDaemon({ store, transport: traced.transport });
    const engine = await serveEngine(traced.engineHandler(daemon, drawDiagram), opts.engine);
    console.log(`engine listening on ${engine.url} (DOCKER_HOST=${engine.url})`);
    running.push(engine);
  }
  return running;
}

try {
  const running = await start(parseServeArgs(process.argv.slice(2)));
  const stop = () => void Promise.all(running.map((s) => s.close())).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  console.error(`serve: ${(err as Error).message}`);
  process.exit(2);
}
