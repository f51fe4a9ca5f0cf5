// `network`: a network exists on a machine's daemon (`docker network ls`), with a given driver.
// Until the simulator models networks the check says so and is never met.
import type { NetworkCheck } from '../../schema/goal-schema';
import type { CheckResult, GoalState } from '../goal-state';

export function checkNetwork(check: NetworkCheck, state: GoalState): CheckResult {
  const networks = state.hosts[check.host].networks;
  if (!networks) return { met: false, detail: 'networks are not supported by the simulator yet' };
  const found = networks.find((n) => n.name === check.name);
  if (!found) return { met: false, detail: `${check.host} has no network ${check.name}` };
  if (check.driver !== undefined && found.driver !== check.driver) {
    return {
      met: false,
      detail: `network ${check.name} on ${check.host} uses driver ${found.driver ?? 'unknown'}, not ${check.driver}`,
    };
  }
  return { met: true, detail: `${check.host} has network ${check.name}${found.driver ? ` (${found.driver})` : ''}` };
}
