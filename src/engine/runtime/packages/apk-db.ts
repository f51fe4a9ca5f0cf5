// apk's database of what is installed: /lib/apk/db/installed, one stanza per package —
//
//   C:Q1…=          checksum          P:curl           name        V:8.12.1-r1    version
//   A:x86_64        architecture      S:265000         size        I:250000       installed size
//   T:…             description       U:https://…      URL         L:curl         license
//   D:libcurl …     dependencies      F:usr/bin        a directory, followed by
//   R:curl          a file in it
//
// and /etc/apk/world, the packages asked for by name (what `apk add` adds, `apk del` removes).
// An image whose database is missing or unreadable is taken to hold its release's base packages.
import { randomBytes } from '../../image/official/prng';
import type { Overlay } from '../../layer/overlay';
import { ALPINE_BASE } from './alpine-index';
import type { PackageSpec } from './model';

export const INSTALLED_DB = '/lib/apk/db/installed';
export const WORLD = '/etc/apk/world';

export interface ApkInstalled {
  name: string;
  version: string;
  arch: string;
  size: number;
  installedSize: number;
  summary: string;
  url: string;
  license: string;
  depends: string[];
  /** Absolute paths the package owns, directories included. */
  files: string[];
  buildTime: number;
}

function checksum(name: string, version: string): string {
  const bytes = randomBytes(`apk:${name}-${version}`, 20);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `Q1${btoa(bin)}`;
}

function parse(text: string): ApkInstalled[] | undefined {
  if (!/^(C|P):/m.test(text)) return undefined;
  const out: ApkInstalled[] = [];
  for (const stanza of text.split(/\n\n+/)) {
    if (stanza.trim() === '') continue;
    const e: ApkInstalled = {
      name: '',
      version: '',
      arch: '',
      size: 0,
      installedSize: 0,
      summary: '',
      url: '',
      license: '',
      depends: [],
      files: [],
      buildTime: 0,
    };
    let dir = '';
    for (const line of stanza.split('\n')) {
      const key = line[0];
      const value = line.slice(2);
      if (key === 'P') e.name = value;
      else if (key === 'V') e.version = value;
      else if (key === 'A') e.arch = value;
      else if (key === 'S') e.size = Number(value);
      else if (key === 'I') e.installedSize = Number(value);
      else if (key === 'T') e.summary = value;
      else if (key === 'U') e.url = value;
      else if (key === 'L') e.license = value;
      else if (key === 't') e.buildTime = Number(value);
      else if (key === 'D')
        e.depends = value.split(' ').filter((d) => d !== '' && !d.startsWith('so:') && !d.startsWith('/'));
      else if (key === 'F') e.files.push(`/${(dir = value)}`);
      else if (key === 'R') e.files.push(`/${dir}/${value}`);
    }
    if (e.name !== '') out.push(e);
  }
  return out;
}

export class ApkDatabase {
  private constructor(
    readonly installed: ApkInstalled[],
    public world: string[],
  ) {}

  /** Read the database, or take the release's base system when it is absent or unreadable. */
  static read(fs: Overlay, branch: keyof typeof ALPINE_BASE, arch: string): ApkDatabase {
    let installed: ApkInstalled[] | undefined;
    try {
      installed = parse(fs.readText(INSTALLED_DB));
    } catch {
      installed = undefined;
    }
    installed ??= ALPINE_BASE[branch].map(([name, version, summary, size]) => ({
      name,
      version,
      arch,
      size: Math.round(size * 0.45),
      installedSize: size,
      summary,
      url: 'https://alpinelinux.org',
      license: 'GPL-2.0-only',
      depends: [],
      files: [],
      buildTime: 0,
    }));
    let world: string[];
    try {
      world = fs
        .readText(WORLD)
        .split(/\s+/)
        .filter((w) => w !== '');
    } catch {
      world = installed.map((p) => p.name);
    }
    return new ApkDatabase(installed, world);
  }

  has(name: string): boolean {
    return this.installed.some((p) => p.name === name);
  }

  get(name: string): ApkInstalled | undefined {
    return this.installed.find((p) => p.name === name);
  }

  add(spec: PackageSpec, arch: string, files: string[], buildTime: number): void {
    this.installed.push({
      name: spec.name,
      version: spec.version,
      arch: spec.arch === 'all' ? 'noarch' : arch,
      size: spec.size,
      installedSize: spec.installedSize,
      summary: spec.summary,
      url: spec.homepage,
      license: spec.license ?? '',
      depends: [...spec.depends],
      files,
      buildTime,
    });
  }

  remove(name: string): ApkInstalled | undefined {
    const i = this.installed.findIndex((p) => p.name === name);
    return i < 0 ? undefined : this.installed.splice(i, 1)[0];
  }

  /** Sum of installed sizes: what `OK: 12 MiB in 24 packages` reports (floor of MiB). */
  get totalBytes(): number {
    return this.installed.reduce((n, p) => n + p.installedSize, 0);
  }

  write(fs: Overlay): void {
    const stanzas = this.installed.map((p) => {
      const lines = [
        `C:${checksum(p.name, p.version)}`,
        `P:${p.name}`,
        `V:${p.version}`,
        `A:${p.arch}`,
        `S:${p.size}`,
        `I:${p.installedSize}`,
      ];
      lines.push(
        `T:${p.summary}`,
        `U:${p.url}`,
        `L:${p.license}`,
        `o:${p.name}`,
        'm:Natanael Copa <ncopa@alpinelinux.org>',
        `t:${p.buildTime}`,
      );
      if (p.depends.length > 0) lines.push(`D:${p.depends.join(' ')}`);
      const dirs = new Map<string, string[]>();
      for (const f of p.files) {
        const rel = f.replace(/^\//, '');
        const isDir = p.files.some((g) => g.startsWith(`${f}/`));
        if (isDir) dirs.set(rel, dirs.get(rel) ?? []);
        else {
          const slash = rel.lastIndexOf('/');
          const d = slash < 0 ? '' : rel.slice(0, slash);
          dirs.set(d, [...(dirs.get(d) ?? []), rel.slice(slash + 1)]);
        }
      }
      for (const [d, files] of dirs) {
        lines.push(`F:${d}`);
        for (const f of files) lines.push(`R:${f}`, 'a:0:0:755', `Z:${checksum(d, f)}`);
      }
      return lines.join('\n');
    });
    fs.mkdir('/lib/apk/db', { parents: true });
    fs.writeFile(INSTALLED_DB, stanzas.join('\n\n') + '\n\n');
    fs.writeFile(WORLD, [...new Set(this.world)].sort().join('\n') + '\n');
  }
}
