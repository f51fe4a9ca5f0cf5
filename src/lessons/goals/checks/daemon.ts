// `daemon`: is a machine's dockerd running? (A stopped daemon is what makes the client say
// `Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?`)
import type { DaemonCheck } from '../../schema/goal-schema';
import type { CheckResult, GoalState } from '../goal-state';

export function checkDaemon(check: DaemonCheck, state: GoalState): CheckResult {
  const up = state.hosts[check.host].up;
  return { met: up === check.up, detail: `the daemon on ${check.host} is ${up ? 'running' : 'stopped'}` };
}
