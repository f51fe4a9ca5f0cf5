// `volume`: a named volume exists on a machine's daemon (`docker volume ls`). Until the simulator
// models volumes the check says so and is never met.
import type { VolumeCheck } from '../../schema/goal-schema';
import type { CheckResult, GoalState } from '../goal-state';

export function checkVolume(check: VolumeCheck, state: GoalState): CheckResult {
  const volumes = state.hosts[check.host].volumes;
  if (!volumes) return { met: false, detail: 'volumes are not supported by the simulator yet' };
  const found = volumes.some((n) => n.name === check.name);
  return {
    met: found,
    detail: found ? `${check.host} has volume ${check.name}` : `${check.host} has no volume ${check.name}`,
  };
}
