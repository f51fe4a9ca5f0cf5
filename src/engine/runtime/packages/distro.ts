// Which distribution a container runs, read the way tools read it: /etc/alpine-release for Alpine,
// /etc/os-release (ID, VERSION_CODENAME) for Debian and Ubuntu, and the machine architecture from
// /etc/apk/arch or the ELF header of a system binary. Package managers need all three: the
// repository URLs, the index to install from and the architecture in file names.
import { elfMachineOf } from '../../image/official/elf';
import { amd64, arm64, type TargetPlatform } from '../../image/official/platforms';
import type { Overlay } from '../../layer/overlay';

export type Distro =
  | { family: 'alpine'; release: string; branch: string }
  | { family: 'debian'; id: 'debian' | 'ubuntu'; codename: string; versionId: string };

export function osRelease(fs: Overlay): Map<string, string> {
  const out = new Map<string, string>();
  try {
    for (const line of fs.readText('/etc/os-release').split('\n')) {
      const m = /^([A-Z_]+)=(.*)$/.exec(line);
      if (m) out.set(m[1]!, m[2]!.replace(/^"(.*)"$/, '$1'));
    }
  } catch {
    // no os-release
  }
  return out;
}

export function detectDistro(fs: Overlay): Distro | undefined {
  if (fs.exists('/etc/alpine-release')) {
    const release = fs.readText('/etc/alpine-release').trim();
    return { family: 'alpine', release, branch: release.split('.').slice(0, 2).join('.') };
  }
  const os = osRelease(fs);
  const id = os.get('ID');
  if (id === 'debian' || id === 'ubuntu') {
    return { family: 'debian', id, codename: os.get('VERSION_CODENAME') ?? '', versionId: os.get('VERSION_ID') ?? '' };
  }
  return undefined;
}

/** The platform of the container's binaries, from /etc/apk/arch or a system binary's ELF header. */
export function platformOf(fs: Overlay, architecture?: string): TargetPlatform {
  if (architecture === 'arm64') return arm64;
  if (architecture === 'amd64') return amd64;
  try {
    const arch = fs.readText('/etc/apk/arch').trim();
    return arch === 'aarch64' ? arm64 : amd64;
  } catch {
    // not Alpine
  }
  for (const path of ['/bin/sh', '/usr/bin/dpkg', '/bin/busybox']) {
    try {
      if (elfMachineOf(fs.readFile(path)) === arm64.elfMachine) return arm64;
      if (elfMachineOf(fs.readFile(path)) === amd64.elfMachine) return amd64;
    } catch {
      // try the next one
    }
  }
  return amd64;
}
