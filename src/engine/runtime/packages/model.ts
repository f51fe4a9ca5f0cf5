// A package as the simulated package indexes describe it: a name and version, a one-line summary,
// its download and installed sizes, what it depends on (`depends`, in the order the real index
// lists them — the order apk installs them in), what apt would add by default (`recommends`) or
// only mention (`suggests`), and the files it puts on disk. Indexes are abridged: real dependency
// lists are longer, but every package and version named here is a real one.

/** One file of a package. Programs are ELF stand-ins whose marker the runtime can run. */
export type PackageFile =
  | { kind: 'program'; path: string; program: string; realSize: number }
  | { kind: 'library'; path: string; soname: string; realSize: number }
  | { kind: 'data'; path: string; realSize: number }
  | { kind: 'text'; path: string; content: string; mode?: number }
  | { kind: 'link'; path: string; target: string }
  | { kind: 'dir'; path: string };

export interface PackageSpec {
  name: string;
  version: string;
  /** `all` (or `noarch`) for architecture-independent packages. */
  arch: 'any' | 'all';
  summary: string;
  homepage: string;
  license?: string;
  section?: string;
  /** Bytes to download. */
  size: number;
  /** Bytes on disk once installed. */
  installedSize: number;
  depends: string[];
  recommends: string[];
  suggests: string[];
  /** Names this package also answers to (`procps` for procps-ng, `cmd:curl`). */
  provides: string[];
  /** Debian: a library installable for several architectures at once (`libcurl4:amd64`). */
  multiArch?: 'same' | 'foreign';
  files: PackageFile[];
  /** apk: install triggers this package owns (`ca-certificates-20241121-r1.trigger`). */
  trigger?: boolean;
}

export interface PackageOptions {
  arch?: 'any' | 'all';
  size?: number;
  installed?: number;
  depends?: string[];
  recommends?: string[];
  suggests?: string[];
  provides?: string[];
  multiArch?: 'same' | 'foreign';
  files?: PackageFile[];
  homepage?: string;
  license?: string;
  section?: string;
  trigger?: boolean;
}

export function pkg(name: string, version: string, summary: string, o: PackageOptions = {}): PackageSpec {
  return {
    name,
    version,
    summary,
    arch: o.arch ?? 'any',
    homepage: o.homepage ?? '',
    license: o.license,
    section: o.section,
    size: o.size ?? 50_000,
    installedSize: o.installed ?? (o.size ?? 50_000) * 3,
    depends: o.depends ?? [],
    recommends: o.recommends ?? [],
    suggests: o.suggests ?? [],
    provides: o.provides ?? [],
    multiArch: o.multiArch,
    files: o.files ?? [],
    trigger: o.trigger,
  };
}

/** File helpers for index data. */
export const f = {
  bin: (path: string, realSize: number, program = path.slice(path.lastIndexOf('/') + 1)): PackageFile => ({
    kind: 'program',
    path,
    program,
    realSize,
  }),
  lib: (path: string, soname: string, realSize: number): PackageFile => ({ kind: 'library', path, soname, realSize }),
  data: (path: string, realSize: number): PackageFile => ({ kind: 'data', path, realSize }),
  text: (path: string, content: string, mode?: number): PackageFile => ({ kind: 'text', path, content, mode }),
  link: (path: string, target: string): PackageFile => ({ kind: 'link', path, target }),
  dir: (path: string): PackageFile => ({ kind: 'dir', path }),
};

/** A package index: every package of one distribution release, by name and by what it provides. */
export class PackageIndex {
  private readonly byName = new Map<string, PackageSpec>();
  private readonly providers = new Map<string, PackageSpec>();

  constructor(readonly packages: readonly PackageSpec[]) {
    for (const p of packages) {
      this.byName.set(p.name, p);
      for (const v of p.provides) if (!this.providers.has(v)) this.providers.set(v, p);
    }
  }

  /** The package named `name`, or the one that provides it. */
  find(name: string): PackageSpec | undefined {
    return this.byName.get(name) ?? this.providers.get(name);
  }

  get size(): number {
    return this.packages.length;
  }
}
