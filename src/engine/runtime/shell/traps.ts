// Traps: `trap 'action' TERM` runs `action` when the signal arrives — between two commands, never
// in the middle of one (a shell waiting for a foreground program runs it when the program ends:
// why `docker stop` can still time out on a shell with a trap). `trap 'action' EXIT` runs as the
// shell ends, whatever the reason. The action runs with `$?` as it was, and puts it back after.

import { isProcessKilled } from '../signals';
import type { Shell } from './interpreter';
import { ExitShell } from './state';

/** The EXIT trap, at most once; `exit` inside it sets the final status. */
export async function runExitTrap(sh: Shell, status: number): Promise<number> {
  const action = sh.state.traps.get('EXIT');
  if (action === undefined || action === '' || sh.runningTrap) return status;
  sh.state.traps.delete('EXIT');
  sh.state.lastStatus = status;
  try {
    await sh.evalString(action);
  } catch (err) {
    if (err instanceof ExitShell) return err.status;
    if (isProcessKilled(err)) throw err;
  }
  return status;
}

/** Run the actions of the trapped signals that arrived since the last command. */
export async function runPendingTraps(sh: Shell): Promise<void> {
  if (sh.runningTrap) return;
  while (sh.pendingSignals.length > 0) {
    const signal = sh.pendingSignals.shift() as string;
    const action = sh.state.traps.get(signal);
    if (action === undefined || action === '') continue;
    const saved = sh.state.lastStatus;
    sh.runningTrap = true;
    try {
      await sh.evalString(action);
    } finally {
      sh.runningTrap = false;
    }
    sh.state.lastStatus = saved;
  }
}
