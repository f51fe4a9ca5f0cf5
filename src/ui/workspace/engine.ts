// The heavy half of the page, loaded after the workspace has drawn itself: the simulated world
// (engine, registries, the hub's catalogue, actors), the laptop's shell and the browser storage.
// `import('./engine')` keeps all of it out of the first chunk the browser fetches.
import { restoreWorld, createWorld } from '../../actors/world/world';
import { TerminalSession } from '../../actors/session/terminal-session';
import type { WorkspaceEngine } from './contracts';
import { WorkspaceStore } from './persistence';

export const engine: WorkspaceEngine = {
  createWorld,
  restoreWorld,
  createSession: (world) => new TerminalSession(world),
  openStore: () => WorkspaceStore.open(),
};
