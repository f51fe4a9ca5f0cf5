// `link`: is the network link between two world hosts carrying messages?
import type { LinkCheck } from '../../schema/goal-schema';
import type { CheckResult, GoalState } from '../goal-state';

export function checkLink(check: LinkCheck, state: GoalState): CheckResult {
  const up = state.linkUp(check.a, check.b);
  if (up === undefined) return { met: false, detail: `there is no link between ${check.a} and ${check.b}` };
  return { met: up === check.up, detail: `the link ${check.a} ↔ ${check.b} is ${up ? 'up' : 'down'}` };
}
