// How components below App (the lesson panel, the quiz, the stage) reach the workspace without
// threading it through every prop: App sets it once as a Svelte context.
import { getContext, setContext } from 'svelte';
import type { Workspace } from './workspace.svelte';

const KEY = Symbol('dockyard:workspace');

export function provideWorkspace(workspace: Workspace): void {
  setContext(KEY, workspace);
}

/** The workspace App provided; call during a component's initialisation. */
export function useWorkspace(): Workspace {
  const workspace = getContext<Workspace | undefined>(KEY);
  if (!workspace) throw new Error('useWorkspace: no workspace above this component (mount it inside App)');
  return workspace;
}
