// `login` / `noLogin`: has `docker login REGISTRY` stored credentials in the laptop's
// ~/.docker/config.json (and has `docker logout` not removed them)?
import type { LoginCheck } from '../../schema/goal-schema';
import type { CheckResult, GoalState } from '../goal-state';
import { CONFIG_PATH, authKey, clientConfig } from './client-config';

export function checkLogin(check: LoginCheck, state: GoalState): CheckResult {
  const auths = clientConfig(state)['auths'];
  const key = authKey(check.registry);
  const has = auths !== null && typeof auths === 'object' && key in auths;
  return {
    met: has,
    detail: has ? `${CONFIG_PATH} holds credentials for ${key}` : `${CONFIG_PATH} holds no credentials for ${key}`,
  };
}

export function checkNoLogin(check: LoginCheck, state: GoalState): CheckResult {
  const login = checkLogin(check, state);
  return { met: !login.met, detail: login.detail };
}
