// Finds the external tools a conformance suite needs. With CI=true a missing tool is an error, never
// a skip; on a developer's machine the suite is skipped with the install command in its name.
import { execFileSync } from 'node:child_process';

export interface Tool {
  name: string;
  /** Debian package that provides it. */
  apt: string;
  present: boolean;
  version: string;
}

const packages: Record<string, string> = {
  skopeo: 'skopeo',
  umoci: 'umoci',
  docker: 'docker.io (the client only is enough)',
  'docker-registry': 'docker-registry',
};

export const inCI = process.env.CI === 'true' || process.env.CI === '1';

export function findTool(name: string, versionArgs: string[] = ['--version']): Tool {
  const apt = packages[name] ?? name;
  try {
    const out = execFileSync(name, versionArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { name, apt, present: true, version: out.trim().split('\n')[0] ?? '' };
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    if (!missing) return { name, apt, present: true, version: 'unknown' };
    if (inCI) throw new Error(`${name} is required in CI: apt-get install -y ${apt}`, { cause: err });
    return { name, apt, present: false, version: '' };
  }
}
