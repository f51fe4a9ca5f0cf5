// Which docker context the laptop's client uses, for the prompt and the lessons — the client's own
// answer (`docker context show`), read from the laptop's `~/.docker/config.json`.
import { currentContextName } from '../../engine/client';
import { HOME, type LaptopFiles } from '../../engine/laptop/files';

export function currentContextOf(files: LaptopFiles, env: Readonly<Record<string, string>> = {}): string {
  const dir = env['DOCKER_CONFIG'] || `${HOME}/.docker`;
  let config: string | undefined;
  try {
    config = files.readText(`${dir}/config.json`);
  } catch {
    config = undefined;
  }
  return currentContextName(env, config);
}
