// dpkg's database: /var/lib/dpkg/status, one stanza per package —
//
//   Package: curl
//   Status: install ok installed
//   Priority: optional
//   Section: web
//   Installed-Size: 500
//   Maintainer: …
//   Architecture: amd64
//   Version: 7.88.1-10+deb12u8
//   Depends: libc6, libcurl4, zlib1g
//   Description: command line tool for transferring data with URL syntax
//
// — and /var/lib/dpkg/info/<package>.list, the files each package owns (`dpkg -L`); a library that
// can be co-installed for several architectures is listed as `libcurl4:amd64.list`. An image whose
// status file is missing or unreadable is taken to hold its release's base packages.
import type { Overlay } from '../../layer/overlay';
import type { PackageSpec } from './model';

export const STATUS = '/var/lib/dpkg/status';
export const INFO = '/var/lib/dpkg/info';

export interface DpkgEntry {
  name: string;
  version: string;
  /** `amd64`, `arm64` or `all`. */
  arch: string;
  multiArch?: string;
  section: string;
  installedKb: number;
  depends: string[];
  summary: string;
  homepage?: string;
}

function parse(text: string): DpkgEntry[] | undefined {
  if (!text.startsWith('Package: ')) return undefined;
  const out: DpkgEntry[] = [];
  for (const stanza of text.split(/\n\n+/)) {
    const fields = new Map<string, string>();
    for (const line of stanza.split('\n')) {
      const m = /^([A-Za-z-]+): (.*)$/.exec(line);
      if (m) fields.set(m[1]!, m[2]!);
    }
    const name = fields.get('Package');
    if (!name) continue;
    out.push({
      name,
      version: fields.get('Version') ?? '',
      arch: fields.get('Architecture') ?? 'all',
      multiArch: fields.get('Multi-Arch'),
      section: fields.get('Section') ?? 'misc',
      installedKb: Number(fields.get('Installed-Size') ?? 0),
      depends: (fields.get('Depends') ?? '')
        .split(',')
        .map((d) => d.trim().split(' ')[0]!)
        .filter((d) => d !== ''),
      summary: fields.get('Description') ?? '',
      homepage: fields.get('Homepage'),
    });
  }
  return out;
}

export class DpkgDatabase {
  private constructor(readonly entries: DpkgEntry[]) {}

  static read(fs: Overlay, base: readonly [string, string, ('same' | 'foreign')?][], arch: string): DpkgDatabase {
    let entries: DpkgEntry[] | undefined;
    try {
      entries = parse(fs.readText(STATUS));
    } catch {
      entries = undefined;
    }
    entries ??= base.map(([name, version, multiArch]) => ({
      name,
      version,
      arch:
        multiArch === 'same' ||
        !/^(debconf|ncurses-base|base-passwd|tzdata|debian-archive-keyring|ubuntu-keyring|libaudit-common|libsemanage-common|libpam-runtime|sensible-utils|usr-is-merged|adduser)$/.test(
          name,
        )
          ? arch
          : 'all',
      multiArch,
      section: name.startsWith('lib') ? 'libs' : 'admin',
      installedKb: 100,
      depends: [],
      summary: `${name} (part of the base system)`,
    }));
    return new DpkgDatabase(entries);
  }

  has(name: string): boolean {
    return this.entries.some((e) => e.name === name);
  }

  get(name: string): DpkgEntry | undefined {
    return this.entries.find((e) => e.name === name);
  }

  add(spec: PackageSpec, arch: string): DpkgEntry {
    const entry: DpkgEntry = {
      name: spec.name,
      version: spec.version,
      arch: spec.arch === 'all' ? 'all' : arch,
      multiArch: spec.multiArch,
      section: spec.section ?? 'misc',
      installedKb: Math.round(spec.installedSize / 1024),
      depends: [...spec.depends],
      summary: spec.summary,
      homepage: spec.homepage,
    };
    this.entries.push(entry);
    return entry;
  }

  remove(name: string): void {
    const i = this.entries.findIndex((e) => e.name === name);
    if (i >= 0) this.entries.splice(i, 1);
  }

  /** The name dpkg shows: `libcurl4:amd64` for Multi-Arch: same packages. */
  static shown(e: { name: string; multiArch?: string }, arch: string): string {
    return e.multiArch === 'same' ? `${e.name}:${arch}` : e.name;
  }

  write(fs: Overlay): void {
    const stanzas = this.entries.map((e) => {
      const lines = [
        `Package: ${e.name}`,
        'Status: install ok installed',
        'Priority: optional',
        `Section: ${e.section}`,
      ];
      lines.push(
        `Installed-Size: ${e.installedKb}`,
        'Maintainer: Debian Developers <debian-devel@lists.debian.org>',
        `Architecture: ${e.arch}`,
      );
      if (e.multiArch) lines.push(`Multi-Arch: ${e.multiArch}`);
      lines.push(`Version: ${e.version}`);
      if (e.depends.length > 0) lines.push(`Depends: ${e.depends.join(', ')}`);
      lines.push(`Description: ${e.summary}`);
      if (e.homepage) lines.push(`Homepage: ${e.homepage}`);
      return lines.join('\n');
    });
    fs.mkdir('/var/lib/dpkg', { parents: true });
    fs.writeFile(STATUS, stanzas.join('\n\n') + '\n\n');
  }

  /** Record the files a package owns (`/var/lib/dpkg/info/<name>.list`). */
  static writeList(fs: Overlay, shownName: string, paths: readonly string[]): void {
    fs.mkdir(INFO, { parents: true });
    fs.writeFile(`${INFO}/${shownName}.list`, ['/.', ...paths].join('\n') + '\n');
  }

  static readList(fs: Overlay, shownName: string): string[] {
    try {
      return fs
        .readText(`${INFO}/${shownName}.list`)
        .split('\n')
        .filter((l) => l !== '' && l !== '/.');
    } catch {
      return [];
    }
  }
}
