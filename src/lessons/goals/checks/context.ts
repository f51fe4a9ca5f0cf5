// `context`: which docker context the laptop's client uses — `currentContext` in
// ~/.docker/config.json, `default` (the local daemon) when none is set.
import type { ContextCheck } from '../../schema/goal-schema';
import type { CheckResult, GoalState } from '../goal-state';
import { clientConfig } from './client-config';

export function checkContext(check: ContextCheck, state: GoalState): CheckResult {
  const current = clientConfig(state)['currentContext'];
  const name = typeof current === 'string' && current !== '' ? current : 'default';
  return { met: name === check.current, detail: `the current context is ${name}` };
}
