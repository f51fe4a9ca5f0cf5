// Which docker context the laptop's client uses, for the prompt and the lessons: `DOCKER_HOST`
// wins (the default context then points there), then `DOCKER_CONTEXT`, then `currentContext` in
// `~/.docker/config.json`, else `default` — the order docker/cli resolves them in.
import { HOME, type LaptopFiles } from '../../engine/laptop/files';

export function currentContextOf(files: LaptopFiles, env: Readonly<Record<string, string>> = {}): string {
  if (env['DOCKER_HOST']) return 'default';
  if (env['DOCKER_CONTEXT']) return env['DOCKER_CONTEXT'];
  const dir = env['DOCKER_CONFIG'] || `${HOME}/.docker`;
  try {
    const config = JSON.parse(files.readText(`${dir}/config.json`)) as { currentContext?: unknown };
    return typeof config.currentContext === 'string' && config.currentContext !== ''
      ? config.currentContext
      : 'default';
  } catch {
    return 'default';
  }
}
