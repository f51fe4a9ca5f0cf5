// The package managers' own databases inside the official images, as text a student can read and
// that `dpkg -l`, `apt-get install`, `apk info` and `apk add` read back
// (src/engine/runtime/packages/dpkg-db.ts and apk-db.ts parse them).
//
//   /var/lib/dpkg/status      Debian: one stanza per installed package (`Package:`, `Status: install
//                             ok installed`, `Version:`…), sorted by name. A layer that installs
//                             packages rewrites the whole file, so each such layer carries the full
//                             list as it stood after its RUN — the base system plus what it added.
//   /lib/apk/db/installed     Alpine: one stanza per package (`P:` name, `V:` version, `A:` arch,
//                             `F:`/`R:` the files it owns), in installation order.
//
// The lists are a faithful subset: the release's base system (the same lists the runtime falls back
// on), plus each image's main packages with their real versions. The stanzas keep the fields the
// tools read and show (name, status, architecture, version, dependencies, description; apk's
// checksum, size, URL, licence and files) and leave out the rest (Maintainer, Priority, Section,
// apk's per-file checksums): text keeps its real size in the miniature images, and a whole real database
// would outweigh the 1/1000-scale binaries of an image like python:slim.
import { randomBytes } from './prng';
import type { TargetPlatform } from './platforms';
import { ALPINE_BASE } from '../../runtime/packages/alpine-index';
import { BOOKWORM_BASE } from '../../runtime/packages/debian-index';
import { BOOKWORM_SUMMARIES } from './package-lists';

/** One installed Debian package beyond the base system. */
export interface DebPackage {
  name: string;
  version: string;
  summary: string;
  /** Architecture-independent (`Architecture: all`). */
  all?: boolean;
  multiArch?: 'same' | 'foreign';
  installedKb?: number;
  depends?: string;
}

/** Base packages Debian ships as `Architecture: all`. */
const ARCH_ALL = new Set([
  'adduser',
  'base-passwd',
  'debconf',
  'debian-archive-keyring',
  'libaudit-common',
  'libpam-runtime',
  'libsemanage-common',
  'ncurses-base',
  'tzdata',
  'usr-is-merged',
]);

/** The base system of debian:bookworm(-slim) as DebPackages. */
export function bookwormBase(): DebPackage[] {
  return BOOKWORM_BASE.map(([name, version, multiArch]) => ({
    name,
    version,
    multiArch,
    all: ARCH_ALL.has(name),
    summary: BOOKWORM_SUMMARIES[name] ?? name,
  }));
}

/** A size in KiB that stays the same for a package on every build of the catalogue. */
function stableKb(seed: string, from: number, to: number): number {
  const [a = 0, b = 0] = randomBytes(`size:${seed}`, 2);
  return from + (((a << 8) | b) % (to - from));
}

/** /var/lib/dpkg/status for the bookworm base system plus `added` (a later entry replaces an earlier one). */
export function dpkgStatus(p: TargetPlatform, added: readonly DebPackage[]): string {
  const byName = new Map<string, DebPackage>();
  for (const pkg of [...bookwormBase(), ...added]) byName.set(pkg.name, pkg);
  const stanzas = [...byName.values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((pkg) => {
      const lines = [
        `Package: ${pkg.name}`,
        'Status: install ok installed',
        `Installed-Size: ${pkg.installedKb ?? stableKb(pkg.name, 40, 1800)}`,
        `Architecture: ${pkg.all ? 'all' : p.arch}`,
      ];
      if (pkg.multiArch) lines.push(`Multi-Arch: ${pkg.multiArch}`);
      lines.push(`Version: ${pkg.version}`);
      if (pkg.depends) lines.push(`Depends: ${pkg.depends}`);
      lines.push(`Description: ${pkg.summary}`);
      return lines.join('\n');
    });
  return `${stanzas.join('\n\n')}\n\n`;
}

/** One installed Alpine package beyond the base system. */
export interface ApkPackage {
  name: string;
  version: string;
  summary: string;
  url: string;
  license: string;
  installedSize: number;
  depends?: string;
  /** Files it owns, relative to `/`: `usr/sbin/nginx`. */
  files?: readonly string[];
  noarch?: boolean;
}

/** apk's checksum field: `Q1` and a base64 SHA-1 (here a stable stand-in). */
function apkChecksum(seed: string): string {
  let bin = '';
  for (const b of randomBytes(`apk:${seed}`, 20)) bin += String.fromCharCode(b);
  return `Q1${btoa(bin)}`;
}

/** /lib/apk/db/installed for Alpine 3.21's base system, then `added` in the order given. */
export function apkInstalled(p: TargetPlatform, added: readonly ApkPackage[], buildTime: number): string {
  const base: ApkPackage[] = ALPINE_BASE['3.21'].map(([name, version, summary, installedSize]) => ({
    name,
    version,
    summary,
    url: 'https://alpinelinux.org',
    license: 'GPL-2.0-only',
    installedSize,
  }));
  const stanzas = [...base, ...added].map((pkg) => {
    const lines = [
      `C:${apkChecksum(`${pkg.name}-${pkg.version}`)}`,
      `P:${pkg.name}`,
      `V:${pkg.version}`,
      `A:${pkg.noarch ? 'noarch' : p.uname}`,
      `S:${Math.round(pkg.installedSize * 0.45)}`,
      `I:${pkg.installedSize}`,
      `T:${pkg.summary}`,
      `U:${pkg.url}`,
      `L:${pkg.license}`,
      `t:${buildTime}`,
    ];
    if (pkg.depends) lines.push(`D:${pkg.depends}`);
    const dirs = new Map<string, string[]>();
    for (const file of pkg.files ?? []) {
      const slash = file.lastIndexOf('/');
      const dir = file.slice(0, Math.max(0, slash));
      dirs.set(dir, [...(dirs.get(dir) ?? []), file.slice(slash + 1)]);
    }
    for (const [dir, names] of dirs) {
      lines.push(`F:${dir}`);
      for (const name of names) lines.push(`R:${name}`);
    }
    return lines.join('\n');
  });
  return `${stanzas.join('\n\n')}\n\n`;
}
