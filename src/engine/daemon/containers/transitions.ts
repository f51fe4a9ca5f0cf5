// Docker's container lifecycle as one table: for every state and every operation a client can ask
// for, either where the container ends up, or the answer dockerd gives instead — `304 Not Modified`
// (`docker start` on a running container prints nothing) or `409 Conflict` with moby's own words.
//
//            start     stop     kill     pause    unpause  restart  rm       rm -f    exec     attach   commit
//   created  running   304      409      409      409      running  removed  removed  409      ok       ok
//   running  304       exited   exited   paused   409      running  409      removed  ok       ok       ok
//   paused   409       exited   exited   409      running  running  409      removed  409      409      ok
//   restart. 304       exited   exited   409      409      running  409      removed  409      409      ok
//   removing 409       304      409      409      409      409      409      409      409      ok       409
//   exited   running   304      409      409      409      running  removed  removed  409      ok       ok
//   dead     409       304      409      409      409      409      removed  removed  409      ok       409
//
// Each message names the container the way moby's code does: by ID (`container 3f…e1 is not
// running`), by name with its slash (`cannot remove container "/web": …`), or as the user typed it.
// (Engine 28's words; older engines said `You cannot remove a running container <id>. …`.)
import { DaemonError } from '../api/errors';
import type { ContainerStatus } from './state';

export type Operation =
  | 'start'
  | 'stop'
  | 'kill'
  | 'pause'
  | 'unpause'
  | 'restart'
  | 'remove'
  | 'force-remove'
  | 'exec'
  | 'attach'
  | 'commit';

export const OPERATIONS: readonly Operation[] = [
  'start',
  'stop',
  'kill',
  'pause',
  'unpause',
  'restart',
  'remove',
  'force-remove',
  'exec',
  'attach',
  'commit',
];

/** Who the messages are about: the full ID, the name (`/web`), and the name or ID as the client sent it. */
export interface Subject {
  id: string;
  name: string;
  given: string;
}

/** Where a container goes: one of the seven states, or gone (`removed`). */
export type Target = ContainerStatus | 'removed';

export type Verdict =
  { kind: 'allowed'; to: Target } | { kind: 'not-modified'; message: string } | { kind: 'refused'; message: string };

type Rule = { to: Target } | { notModified: string } | { refused: (s: Subject) => string };

const alreadyStarted: Rule = { notModified: 'Container is already started' };
const alreadyStopped: Rule = { notModified: 'Container is already stopped' };
const notRunning: Rule = { refused: (s) => `container ${s.id} is not running` };
const notPaused: Rule = { refused: (s) => `Container ${s.id} is not paused` };
const markedForRemoval: Rule = { refused: () => 'container is marked for removal and cannot be started' };
const restarting: Rule = { refused: (s) => `Container ${s.id} is restarting, wait until the container is running` };
const removalInProgress: Rule = { refused: (s) => `removal of container ${s.given} is already in progress` };
const cannotRemove = (why: string): Rule => ({ refused: (s) => `cannot remove container "${s.name}": ${why}` });
const stopFirst = (state: string) =>
  cannotRemove(`container is ${state}: stop the container before removing or force remove`);
const stay = (state: ContainerStatus): Rule => ({ to: state });

const TABLE: Readonly<Record<ContainerStatus, Readonly<Record<Operation, Rule>>>> = {
  created: {
    start: { to: 'running' },
    stop: alreadyStopped,
    kill: notRunning,
    pause: notRunning,
    unpause: notPaused,
    restart: { to: 'running' },
    remove: { to: 'removed' },
    'force-remove': { to: 'removed' },
    exec: notRunning,
    attach: stay('created'),
    commit: stay('created'),
  },
  running: {
    start: alreadyStarted,
    stop: { to: 'exited' },
    kill: { to: 'exited' },
    pause: { to: 'paused' },
    unpause: notPaused,
    restart: { to: 'running' },
    remove: stopFirst('running'),
    'force-remove': { to: 'removed' },
    exec: stay('running'),
    attach: stay('running'),
    commit: stay('running'),
  },
  paused: {
    start: { refused: () => 'cannot start a paused container, try unpause instead' },
    stop: { to: 'exited' },
    kill: { to: 'exited' },
    pause: { refused: (s) => `container ${s.id} is already paused` },
    unpause: { to: 'running' },
    restart: { to: 'running' },
    remove: cannotRemove('container is paused and must be unpaused first'),
    'force-remove': { to: 'removed' },
    exec: { refused: (s) => `Container ${s.id} is paused, unpause the container before exec` },
    attach: { refused: (s) => `container ${s.given} is paused, unpause the container before attach.` },
    commit: stay('paused'),
  },
  restarting: {
    start: alreadyStarted,
    stop: { to: 'exited' },
    kill: { to: 'exited' },
    pause: restarting,
    unpause: notPaused,
    restart: { to: 'running' },
    remove: stopFirst('restarting'),
    'force-remove': { to: 'removed' },
    exec: restarting,
    attach: { refused: (s) => `container ${s.given} is restarting, wait until the container is running.` },
    commit: stay('restarting'),
  },
  removing: {
    start: markedForRemoval,
    stop: alreadyStopped,
    kill: notRunning,
    pause: notRunning,
    unpause: notPaused,
    restart: markedForRemoval,
    remove: removalInProgress,
    'force-remove': removalInProgress,
    exec: notRunning,
    attach: stay('removing'),
    commit: { refused: (s) => `You cannot commit container ${s.id} which is being removed` },
  },
  exited: {
    start: { to: 'running' },
    stop: alreadyStopped,
    kill: notRunning,
    pause: notRunning,
    unpause: notPaused,
    restart: { to: 'running' },
    remove: { to: 'removed' },
    'force-remove': { to: 'removed' },
    exec: notRunning,
    attach: stay('exited'),
    commit: stay('exited'),
  },
  dead: {
    start: markedForRemoval,
    stop: alreadyStopped,
    kill: notRunning,
    pause: notRunning,
    unpause: notPaused,
    restart: markedForRemoval,
    remove: { to: 'removed' },
    'force-remove': { to: 'removed' },
    exec: notRunning,
    attach: stay('dead'),
    commit: { refused: (s) => `You cannot commit container ${s.id} which is Dead` },
  },
};

/** What Docker does when `operation` is asked of a container in `status`. */
export function decide(operation: Operation, status: ContainerStatus, subject: Subject): Verdict {
  const rule = TABLE[status][operation];
  if ('to' in rule) return { kind: 'allowed', to: rule.to };
  if ('notModified' in rule) return { kind: 'not-modified', message: rule.notModified };
  return { kind: 'refused', message: rule.refused(subject) };
}

/**
 * `decide`, with a refusal thrown as Docker's 409. Returns true when the operation goes ahead and
 * false for a 304 (the caller answers `304 Not Modified` with no body).
 */
export function checkMove(operation: Operation, status: ContainerStatus, subject: Subject): boolean {
  const verdict = decide(operation, status, subject);
  if (verdict.kind === 'refused') throw DaemonError.conflict(verdict.message);
  return verdict.kind === 'allowed';
}
