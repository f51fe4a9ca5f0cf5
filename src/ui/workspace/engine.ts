// The heavy half of the page, loaded once the terminal takes keys (App.svelte): the simulated world
// (engine, registries, the hub's catalogue, actors), the laptop's shell and the browser storage.
// `import('./engine')` keeps all of it out of the first chunks the browser fetches, so it never
// competes with the terminal (bench rows P1, P1s).
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
