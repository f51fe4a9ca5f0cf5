// A container's state, as dockerd keeps it (moby `container.State`): a handful of flags and times
// rather than one enum. Docker's seven states are *derived* from the flags, in this order:
//
//   Running && Paused      → paused        (a frozen container is still "running")
//   Running && Restarting  → restarting    (waiting out the restart policy's back-off)
//   Running                → running
//   RemovalInProgress      → removing
//   Dead                   → dead          (removal failed half-way)
//   StartedAt is zero      → created       (never started)
//   otherwise              → exited
//
// and so is the STATUS column of `docker ps` (moby `State.String()`), computed from the clock:
// `Up 5 minutes`, `Up 2 minutes (Paused)`, `Restarting (1) 5 seconds ago`, `Removal In Progress`,
// `Dead`, `Created`, `Exited (0) 3 seconds ago` — and `Up 2 minutes (healthy)`,
// `Up 3 seconds (health: starting)`, `Up 1 minute (unhealthy)` with a healthcheck.
import { healthLabel, type HealthState } from './health/health-state';
import { humanDuration } from './human-duration';

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

/** The seven states, in the order the Engine API documents them. */
export const CONTAINER_STATUSES: readonly ContainerStatus[] = [
  'created',
  'running',
  'paused',
  'restarting',
  'removing',
  'exited',
  'dead',
];

export interface ContainerState {
  running: boolean;
  paused: boolean;
  restarting: boolean;
  oomKilled: boolean;
  removalInProgress: boolean;
  dead: boolean;
  /** Host PID of the container's PID 1; 0 when not running. */
  pid: number;
  exitCode: number;
  /** The last error starting, stopping or removing it (`State.Error`). */
  error: string;
  /** Milliseconds since the epoch; 0 is Go's zero time (`0001-01-01T00:00:00Z`). */
  startedAt: number;
  finishedAt: number;
}

/** A container that has just been created. */
export function newState(): ContainerState {
  return {
    running: false,
    paused: false,
    restarting: false,
    oomKilled: false,
    removalInProgress: false,
    dead: false,
    pid: 0,
    exitCode: 0,
    error: '',
    startedAt: 0,
    finishedAt: 0,
  };
}

/** Docker's state name for the flags (moby `State.StateString`). */
export function statusOf(state: ContainerState): ContainerStatus {
  if (state.running) {
    if (state.paused) return 'paused';
    if (state.restarting) return 'restarting';
    return 'running';
  }
  if (state.removalInProgress) return 'removing';
  if (state.dead) return 'dead';
  if (state.startedAt === 0) return 'created';
  return 'exited';
}

/** The STATUS text of `docker ps`, as of `now` (ms since the epoch); a running container's health in parentheses. */
export function statusText(state: ContainerState, now: number, health?: HealthState): string {
  if (state.running) {
    const up = humanDuration(now - state.startedAt);
    if (state.paused) return `Up ${up} (Paused)`;
    if (state.restarting) return `Restarting (${state.exitCode}) ${humanDuration(now - state.finishedAt)} ago`;
    return health ? `Up ${up} (${healthLabel(health)})` : `Up ${up}`;
  }
  if (state.removalInProgress) return 'Removal In Progress';
  if (state.dead) return 'Dead';
  if (state.startedAt === 0) return 'Created';
  if (state.finishedAt === 0) return '';
  return `Exited (${state.exitCode}) ${humanDuration(now - state.finishedAt)} ago`;
}
