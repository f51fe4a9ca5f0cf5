// `npm run serve [-- --engine 127.0.0.1:2375] [--registry NAME=HOST:PORT …] [--quiet] [--mermaid]`
//
// Exposes Dockyard's world over real HTTP on loopback ports so real clients drive it unchanged:
//   --engine HOST:PORT          the laptop's Docker daemon (Engine API 1.50) for the docker CLI,
//                               `DOCKER_HOST=tcp://HOST:PORT docker …` (the default, on
//                               127.0.0.1:2375, when no flag is given at all);
//   --registry NAME=HOST:PORT   one of the world's registries (docker.io, registry.example.com,
//                               cr.example.net) for skopeo, umoci, curl.
// It is the page's world (createWorld), run on the wall clock with links that add no latency. The
// daemon reaches the world's registries in process, by their world host names, sharing state
// with any `--registry` server; loopback registries (`127.0.0.1:5000/…`) it reaches over real HTTP.
// Each request to the engine is one command of the world: it and every exchange the daemon has
// with a registry for it go through the network actor and into the trace, printed live one line
// per message (`--quiet` turns that off; `--mermaid` adds the command's sequence diagram once its
// answer has been sent in full). Runs until interrupted (SIGINT, SIGTERM). See ./serving.ts.
import { parseServeArgs } from './serve-options';
import { startServing } from './serving';

try {
  const serving = await startServing(parseServeArgs(process.argv.slice(2)));
  const stop = () => void serving.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  console.error(`serve: ${(err as Error).message}`);
  process.exit(2);
}
