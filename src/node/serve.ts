// `npm run serve -- --engine 127.0.0.1:2375 --registry docker.io=127.0.0.1:5001`
// Puts the engine's daemon and registry handlers on real TCP for the real docker CLI and skopeo.
import { parseServeArgs } from './serve-options';

try {
  const opts = parseServeArgs(process.argv.slice(2));
  const asked = [opts.engine ? 'the Engine API' : '', ...opts.registries.map((r) => `registry ${r.name}`)].filter(
    Boolean,
  );
  // The HTTP adapters arrive with the registry (issue 4) and daemon (issue 5) handlers.
  console.error(
    `serve: ${asked.join(', ') || 'nothing'} requested, but no HTTP adapter exists yet in this version of Dockyard`,
  );
  process.exit(1);
} catch (err) {
  console.error(`serve: ${(err as Error).message}`);
  process.exit(2);
}
