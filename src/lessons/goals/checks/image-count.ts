// `imageCount`: how many images the daemon on a machine holds (`docker images -a` counts them all,
// tagged or not).
import type { ImageCountCheck } from '../../schema/goal-schema';
import type { CheckResult, GoalState } from '../goal-state';

export function checkImageCount(check: ImageCountCheck, state: GoalState): CheckResult {
  const n = state.hosts[check.host].images.length;
  const met = (check.min === undefined || n >= check.min) && (check.max === undefined || n <= check.max);
  const wanted = [
    check.min !== undefined ? `at least ${check.min}` : '',
    check.max !== undefined ? `at most ${check.max}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return { met, detail: `${check.host} has ${n} image${n === 1 ? '' : 's'}${wanted ? ` (wanted ${wanted})` : ''}` };
}
