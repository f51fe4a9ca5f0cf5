// `npm run serve -- --registry docker.io=127.0.0.1:5001 [--registry NAME=HOST:PORT …]`
// Exposes the simulated registries over real HTTP on loopback ports, so skopeo, umoci and the docker
// CLI can drive them unchanged. Runs until interrupted. (`--engine` arrives with the daemon.)
import { isWorldRegistry, worldRegistryConfig, worldRegistryNames } from '../engine/registry/presets';
import { createRegistry } from '../engine/registry/registry';
import { RegistryState } from '../engine/registry/state';
import { MemoryBlobStore } from '../engine/store/memory-blob-store';
import { serveHandler, type RunningServer } from './http-adapter';
import { parseServeArgs, type ServeOptions } from './serve-options';

async function start(opts: ServeOptions): Promise<RunningServer[]> {
  if (opts.engine) throw new Error('--engine: the Engine API adapter is not in this version yet');
  if (opts.registries.length === 0) throw new Error('nothing to serve: give --registry NAME=HOST:PORT');
  const running: RunningServer[] = [];
  for (const { name, at } of opts.registries) {
    if (!isWorldRegistry(name)) throw new Error(`unknown registry "${name}": one of ${worldRegistryNames.join(', ')}`);
    const state = new RegistryState(new MemoryBlobStore());
    const config = await worldRegistryConfig(name);
    const server = await serveHandler(
      (base) => createRegistry({ config: { ...config, realm: `${base}/token` }, state }),
      at,
    );
    console.log(`registry ${name} listening on ${server.url}`);
    running.push(server);
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
