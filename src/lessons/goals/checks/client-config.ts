// The laptop client's configuration file, `~/.docker/config.json`, read for the checks that look
// at what the client remembers: logins (`auths`, keyed by registry; Docker Hub's key is
// `https://index.docker.io/v1/`) and the current context (`currentContext`).
import { INDEX_SERVER } from '../../../engine/client/config/config-file';
import { HOME, type GoalState } from '../goal-state';

export const CONFIG_PATH = `${HOME}/.docker/config.json`;

/** The parsed config file; an empty object when it is missing or unreadable. */
export function clientConfig(state: GoalState): Record<string, unknown> {
  const text = state.readFile(CONFIG_PATH);
  if (text === undefined || text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** The `auths` key a registry's credentials are stored under. */
export function authKey(registry: string): string {
  return registry === 'docker.io' ? INDEX_SERVER : registry;
}
