// `registryTag`: a registry holds a tag in a repository (as the registry stores it: Docker Hub's
// official images live under `library/`), optionally with a given number of layers — what a
// `docker push` leaves behind.
import type { RegistryTagCheck } from '../../schema/goal-schema';
import type { CheckResult, GoalState } from '../goal-state';

export function checkRegistryTag(check: RegistryTagCheck, state: GoalState): CheckResult {
  const name = `${check.repository}:${check.tag}`;
  const tag = state.registries[check.registry].tags.get(name);
  if (!tag) return { met: false, detail: `${check.registry} has no tag ${name}` };
  if (check.layers !== undefined && tag.layers !== check.layers) {
    return {
      met: false,
      detail: `${check.registry} has ${name} with ${tag.layers ?? 'unknown'} layer(s), not ${check.layers}`,
    };
  }
  return {
    met: true,
    detail: `${check.registry} has ${name}${tag.layers !== undefined ? ` (${tag.layers} layer(s))` : ''}`,
  };
}
