// The `platform` parameter of a pull (`docker pull --platform linux/arm64 alpine`), read as
// containerd's `platforms.Parse` reads it: `os`, `os/arch` or `os/arch/variant`, or an
// architecture alone (the daemon's OS is assumed). Anything else is refused with containerd's
// words: `"linux/sparc": unknown operating system or architecture: invalid argument`.
import { normalizeArch, type WantedPlatform } from '../../image/platform';
import { DaemonError } from '../api/errors';
import type { DaemonPlatform } from '../context';

const knownOs = [
  'aix',
  'android',
  'darwin',
  'dragonfly',
  'freebsd',
  'illumos',
  'ios',
  'js',
  'linux',
  'netbsd',
  'openbsd',
  'plan9',
  'solaris',
  'wasip1',
  'windows',
];
const knownArch = [
  '386',
  'amd64',
  'amd64p32',
  'arm',
  'armbe',
  'arm64',
  'arm64be',
  'loong64',
  'mips',
  'mips64',
  'mips64le',
  'mipsle',
  'ppc64',
  'ppc64le',
  'riscv64',
  's390x',
  'wasm',
  'x86_64',
  'x86-64',
  'aarch64',
  'armhf',
  'armel',
  'i386',
];

function refuse(text: string): DaemonError {
  return DaemonError.invalidParameter(
    `${JSON.stringify(text)}: unknown operating system or architecture: invalid argument`,
  );
}

function arch(architecture: string, variant = ''): { architecture: string; variant?: string } {
  const normal = normalizeArch(architecture, variant);
  return normal.variant
    ? { architecture: normal.architecture, variant: normal.variant }
    : { architecture: normal.architecture };
}

export function parsePlatformOption(text: string, host: DaemonPlatform): WantedPlatform {
  const parts = text.toLowerCase().split('/');
  if (parts.some((p) => !/^[a-z0-9_.-]+$/.test(p))) throw refuse(text);
  const [first = '', second, third] = parts;
  if (parts.length === 1) {
    if (knownOs.includes(first)) return { os: first, ...arch(host.architecture, host.variant) };
    if (knownArch.includes(first)) return { os: host.os, ...arch(first) };
    throw refuse(text);
  }
  if (!knownOs.includes(first) || !knownArch.includes(second!) || parts.length > 3) throw refuse(text);
  return { os: first, ...arch(second!, third) };
}
