// What apt needs to know about the system it runs on: which release (and so which package index
// and base system), the architecture (`amd64`, `arm64`) and its library directory, whether output
// goes to a terminal (apt then ends its progress lines with ` Done`), and what the package lists
// in /var/lib/apt/lists make available — nothing at all on a fresh image, which is why
// `apt-get install` fails until `apt-get update` has run.
import type { TargetPlatform } from '../../image/official/platforms';
import type { ProcessContext } from '../contract';
import { BOOKWORM_BASE, bookwormIndex } from './debian-index';
import { detectDistro, platformOf } from './distro';
import { DpkgDatabase } from './dpkg-db';
import type { PackageIndex } from './model';
import { LISTS } from './apt-sources';
import { NOBLE_BASE, NOBLE_UNIVERSE, nobleIndex } from './ubuntu-index';

export interface AptOptions {
  yes: boolean;
  quiet: number;
  recommends: boolean;
  purge: boolean;
  args: string[];
}

export class AptContext {
  readonly platform: TargetPlatform;
  readonly arch: string;
  readonly db: DpkgDatabase;

  constructor(
    readonly ctx: ProcessContext,
    readonly o: AptOptions,
    readonly frontend: 'apt-get' | 'apt',
    readonly release: {
      id: 'debian' | 'ubuntu';
      codename: string;
      index?: PackageIndex;
      base: readonly [string, string, ('same' | 'foreign')?][];
    },
  ) {
    this.platform = platformOf(ctx.fs, ctx.architecture);
    this.arch = this.platform.arch;
    this.db = DpkgDatabase.read(ctx.fs, release.base, this.arch);
  }

  static for(ctx: ProcessContext, o: AptOptions, frontend: 'apt-get' | 'apt'): AptContext | undefined {
    const distro = detectDistro(ctx.fs);
    if (distro?.family !== 'debian') return undefined;
    const known =
      distro.codename === 'bookworm'
        ? { index: bookwormIndex, base: BOOKWORM_BASE }
        : distro.codename === 'noble'
          ? { index: nobleIndex, base: NOBLE_BASE }
          : { index: undefined, base: BOOKWORM_BASE };
    return new AptContext(ctx, o, frontend, { id: distro.id, codename: distro.codename, ...known });
  }

  get tty(): boolean {
    return this.ctx.isatty?.(1) ?? false;
  }

  out(text: string): void {
    if (this.o.quiet < 2) this.ctx.stdout.write(text);
  }

  /** `Reading package lists...` — ` Done` on a terminal only. */
  progress(line: string): void {
    if (this.o.quiet > 0) return;
    this.ctx.stdout.write(`${line}${this.tty ? ' Done' : ''}\n`);
  }

  /** Package names the downloaded lists make available. */
  available(): Set<string> {
    const names = new Set<string>();
    let files: string[];
    try {
      files = this.ctx.fs.readdir(LISTS).filter((f) => f.endsWith('_Packages'));
    } catch {
      files = [];
    }
    for (const f of files) {
      for (const m of this.ctx.fs.readText(`${LISTS}/${f}`).matchAll(/^Package: (\S+)$/gm)) names.add(m[1]!);
    }
    return names;
  }

  /** The index restricted to what the lists make available. */
  find(name: string) {
    const spec = this.release.index?.find(name);
    return spec && this.available().has(spec.name) ? spec : undefined;
  }

  component(name: string): string {
    return this.release.id === 'ubuntu' && NOBLE_UNIVERSE.has(name) ? 'universe' : 'main';
  }
}
