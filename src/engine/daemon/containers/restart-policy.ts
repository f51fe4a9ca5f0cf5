// Restart policies (`docker run --restart …`, HostConfig.RestartPolicy) and moby's restart manager,
// which decides, each time a container's main process exits, whether to start it again and after
// how long:
//
//   no               never (the default)
//   always           always — unless the user stopped or killed it
//   unless-stopped   the same; the difference shows only when the daemon itself restarts
//   on-failure[:N]   when the exit code is not 0, at most N times (N = 0: no limit)
//
// Between restarts the container is `restarting`. The delay starts at 100 ms and doubles each time
// up to one minute; a run that lasted at least 10 seconds resets it to 100 ms. `docker stop`,
// `docker kill` and `docker rm -f` cancel a pending restart.
import { DaemonError } from '../api/errors';

export type RestartPolicyName = '' | 'no' | 'always' | 'unless-stopped' | 'on-failure';

export interface RestartPolicy {
  Name: RestartPolicyName;
  MaximumRetryCount: number;
}

/** moby's ValidateRestartPolicy, with its words (400). */
export function validateRestartPolicy(policy: { Name?: string; MaximumRetryCount?: number }): RestartPolicy {
  const name = policy.Name ?? '';
  const max = policy.MaximumRetryCount ?? 0;
  switch (name) {
    case 'always':
    case 'unless-stopped':
    case 'no':
      if (max !== 0) {
        throw DaemonError.invalidParameter(
          "invalid restart policy: maximum retry count can only be used with 'on-failure'" +
            (max < 0 ? ' and cannot be negative' : ''),
        );
      }
      return { Name: name, MaximumRetryCount: 0 };
    case 'on-failure':
      if (max < 0) throw DaemonError.invalidParameter('invalid restart policy: maximum retry count cannot be negative');
      return { Name: name, MaximumRetryCount: max };
    case '':
      return { Name: '', MaximumRetryCount: max };
    default:
      throw DaemonError.invalidParameter(
        `invalid restart policy: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`,
      );
  }
}

/** True for `no` and the empty name. */
export function isNoRestart(policy: RestartPolicy): boolean {
  return policy.Name === '' || policy.Name === 'no';
}

/** First delay, factor, ceiling, and how long a run must last to reset the delay (moby restartmanager). */
export const BACKOFF = { initialMs: 100, multiplier: 2, maxMs: 60_000, resetAfterMs: 10_000 } as const;

export type RestartDecision = { restart: false } | { restart: true; delayMs: number };

/** One container's restart manager: remembers the back-off and how many restarts it has made. */
export class RestartManager {
  private timeoutMs = 0;
  private count = 0;
  private canceled = false;

  constructor(private readonly policy: RestartPolicy) {}

  /** How many times the policy restarted the container (inspect → RestartCount). */
  get restartCount(): number {
    return this.count;
  }

  /** A fresh `docker start`/`restart`: the user is in charge again. */
  reset(): void {
    this.canceled = false;
  }

  /** `docker stop`/`kill`/`rm -f`: no more automatic restarts until the next manual start. */
  cancel(): void {
    this.canceled = true;
  }

  get isCanceled(): boolean {
    return this.canceled;
  }

  /** The main process exited with `exitCode` after running `ranForMs`: restart it, and when? */
  shouldRestart(exitCode: number, manuallyStopped: boolean, ranForMs: number): RestartDecision {
    if (isNoRestart(this.policy) || this.canceled) return { restart: false };
    if (ranForMs >= BACKOFF.resetAfterMs) this.timeoutMs = 0;
    if (this.timeoutMs === 0) this.timeoutMs = BACKOFF.initialMs;
    else if (this.timeoutMs < BACKOFF.maxMs) this.timeoutMs *= BACKOFF.multiplier;
    this.timeoutMs = Math.min(this.timeoutMs, BACKOFF.maxMs);
    let restart = false;
    switch (this.policy.Name) {
      case 'always':
      case 'unless-stopped':
        restart = !manuallyStopped;
        break;
      case 'on-failure': {
        const max = this.policy.MaximumRetryCount;
        restart = exitCode !== 0 && !manuallyStopped && (max === 0 || this.count < max);
        break;
      }
    }
    if (!restart) return { restart: false };
    this.count++;
    return { restart: true, delayMs: this.timeoutMs };
  }
}
