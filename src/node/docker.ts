// `npm run docker -- <args>`: Dockyard's own docker client in Node, talking to the daemon at
// DOCKER_HOST over real HTTP — `npm run serve`'s, or a real dockerd. It parses, calls and prints
// exactly as the real docker CLI 28.2.2 does (the conformance suite runs both side by side).
import { runDocker } from '../engine/client';
import { nodeHost } from './docker-host';

const host = nodeHost();
const status = await runDocker(process.argv.slice(2), host);
await host.flush();
process.exit(status);
