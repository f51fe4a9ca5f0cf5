// `apk`, Alpine's package manager (apk-tools 2.14): `apk add`, `apk del`, `apk update`, `apk info`,
// `apk list`. It fetches each repository's index (`fetch https://…/x86_64/APKINDEX.tar.gz`),
// solves the dependencies, installs each package with a `(1/9) Installing name (version)` line,
// runs the triggers it set off (`Executing busybox-1.37.0-r12.trigger`), records everything in
// /lib/apk/db/installed and /etc/apk/world, and ends with `OK: 12 MiB in 24 packages`. The
// network is simulated: fetching takes simulated time and needs the container to have a network.
import type { Program, ProcessContext } from '../contract';
import { ALPINE_BASE, alpineIndex, isAlpineBranch } from './alpine-index';
import { ApkDatabase } from './apk-db';
import { cachePath, DISTINCT_PACKAGES, indexUrl, online, repoDescription, repositories } from './apk-repos';
import { detectDistro, platformOf } from './distro';
import { pkg, type PackageIndex } from './model';
import { planInstall, planRemoval } from './resolve';
import { removeOwned, unpack } from './unpack';

interface ApkOptions {
  noCache: boolean;
  update: boolean;
  quiet: boolean;
  verbose: number;
  repos: string[];
  virtual?: string;
  simulate: boolean;
  flags: Set<string>;
  args: string[];
}

const APPLETS = [
  'add',
  'del',
  'fix',
  'update',
  'upgrade',
  'cache',
  'info',
  'list',
  'dot',
  'policy',
  'search',
  'index',
  'fetch',
  'manifest',
  'audit',
  'verify',
  'stats',
  'version',
];

function parseOptions(argv: readonly string[]): { applet?: string; o: ApkOptions } {
  const o: ApkOptions = {
    noCache: false,
    update: false,
    quiet: false,
    verbose: 0,
    repos: [],
    simulate: false,
    flags: new Set(),
    args: [],
  };
  let applet: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--no-cache') o.noCache = true;
    else if (a === '-U' || a === '--update-cache') o.update = true;
    else if (a === '-q' || a === '--quiet') o.quiet = true;
    else if (a === '-v' || a === '--verbose') o.verbose++;
    else if (a === '-s' || a === '--simulate') o.simulate = true;
    else if ((a === '-X' || a === '--repository') && argv[i + 1]) o.repos.push(argv[++i]!);
    else if (a.startsWith('--repository=')) o.repos.push(a.slice(13));
    else if ((a === '-t' || a === '--virtual') && argv[i + 1]) o.virtual = argv[++i];
    else if (a.startsWith('-') && a !== '-') o.flags.add(a);
    else if (applet === undefined && APPLETS.includes(a)) applet = a;
    else o.args.push(a);
  }
  return { applet, o };
}

const USAGE = (arch: string) => `apk-tools 2.14.6, compiled for ${arch}.

usage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]

Package installation and removal:
  add        Add packages to WORLD and commit changes
  del        Remove packages from WORLD and commit changes

System maintenance:
  fix        Fix, reinstall or upgrade packages without modifying WORLD
  update     Update repository indexes
  upgrade    Install upgrades available from repositories
  cache      Manage the local package cache

Querying package information:
  info       Give detailed information about packages or repositories
  list       List packages matching a pattern or other criteria
  dot        Render dependencies as graphviz graphs
  policy     Show repository policy for packages
  search     Search for packages by name or description

This apk has coffee making abilities.
`;

class Apk {
  private readonly arch: string;
  private readonly db: ApkDatabase;
  private readonly index: PackageIndex;

  constructor(
    private readonly ctx: ProcessContext,
    private readonly o: ApkOptions,
    private readonly branch: '3.19' | '3.20' | '3.21',
    private readonly release: string,
  ) {
    this.arch = platformOf(ctx.fs, ctx.architecture).uname;
    this.db = ApkDatabase.read(ctx.fs, branch, this.arch);
    this.index = alpineIndex(branch);
  }

  private say(text: string): void {
    if (!this.o.quiet) this.ctx.stdout.write(text);
  }

  /** Fetch the indexes that are not cached (all of them with `force`); false when offline. */
  private async fetchIndexes(force: boolean): Promise<boolean> {
    const repos = repositories(this.ctx, this.o.repos);
    let ok = true;
    for (const repo of repos) {
      const cached = cachePath(repo, this.arch);
      if (!force && !this.o.noCache && this.ctx.fs.exists(cached)) continue;
      this.say(`fetch ${indexUrl(repo, this.arch)}\n`);
      await this.ctx.clock.sleep(250, this.ctx.signal);
      if (!online(this.ctx)) {
        this.ctx.stderr.write(`WARNING: updating and opening ${repo}: DNS lookup error\n`);
        ok = false;
        continue;
      }
      if (!this.o.noCache && this.ctx.fs.exists('/var/cache/apk'))
        this.ctx.fs.writeFile(cached, `APKINDEX for ${repo}\n`);
    }
    return ok;
  }

  private summary(): void {
    this.say(`OK: ${Math.floor(this.db.totalBytes / (1024 * 1024))} MiB in ${this.db.installed.length} packages\n`);
  }

  private async triggers(changed: { files: string[]; name: string }[]): Promise<void> {
    const busybox = this.db.get('busybox');
    const binDirs = /^\/(usr\/)?(s?bin|lib\/modules)\//;
    if (busybox && changed.some((c) => c.files.some((f) => binDirs.test(f)))) {
      this.say(`Executing busybox-${busybox.version}.trigger\n`);
      await this.ctx.clock.sleep(20, this.ctx.signal);
    }
    const certs = this.db.get('ca-certificates');
    if (
      certs &&
      changed.some(
        (c) => c.name === 'ca-certificates' || c.files.some((f) => f.startsWith('/usr/share/ca-certificates/')),
      )
    ) {
      this.say(`Executing ca-certificates-${certs.version}.trigger\n`);
      await this.ctx.clock.sleep(20, this.ctx.signal);
    }
  }

  async add(): Promise<number> {
    const names = this.o.args;
    if (names.length === 0 && !this.o.virtual) return this.usageError('add');
    const reachable = await this.fetchIndexes(this.o.update);
    const plan = planInstall(this.index, new Set(this.db.installed.map((p) => p.name)), names);
    const missing = reachable ? plan.missing : names.filter((n) => !this.db.has(n));
    if (missing.length > 0) {
      this.ctx.stderr.write('ERROR: unable to select packages:\n');
      for (const m of missing) this.ctx.stderr.write(`  ${m} (no such package):\n    required by: world[${m}]\n`);
      return missing.length;
    }
    const order = reachable ? plan.order : [];
    const virtual = this.o.virtual;
    const now = this.ctx.clock.now();
    const stamp = new Date(now).toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const total = order.length + (virtual ? 1 : 0);
    const platform = platformOf(this.ctx.fs, this.ctx.architecture);
    const changed: { files: string[]; name: string }[] = [];
    let n = 0;
    for (const spec of order) {
      this.say(`(${++n}/${total}) Installing ${spec.name} (${spec.version})\n`);
      await this.ctx.clock.sleep(40, this.ctx.signal);
      if (this.o.simulate) continue;
      const files = unpack(this.ctx.fs, spec, { platform });
      this.db.add(spec, this.arch, files, Math.floor(now / 1000));
      changed.push({ files, name: spec.name });
    }
    if (virtual) {
      const version = `${stamp.slice(0, 8)}.${stamp.slice(8)}`;
      this.say(`(${n + 1}/${total}) Installing ${virtual} (${version})\n`);
      if (!this.o.simulate) {
        const v = pkg(virtual, version, 'virtual meta package', { size: 0, installed: 0, depends: names });
        this.db.remove(virtual);
        this.db.add(v, this.arch, [], Math.floor(now / 1000));
      }
    }
    if (this.o.simulate) return 0;
    await this.triggers(changed);
    this.db.world = virtual ? [...this.db.world, virtual] : [...this.db.world, ...names];
    this.db.write(this.ctx.fs);
    this.summary();
    return 0;
  }

  async del(): Promise<number> {
    const names = this.o.args;
    if (names.length === 0) return this.usageError('del');
    const unknown = names.filter((n) => !this.db.has(n) && !this.index.find(n) && !this.db.world.includes(n));
    for (const u of unknown) this.ctx.stderr.write(`ERROR: No such package: ${u}\n`);
    if (unknown.length > 0) return unknown.length;
    const world = this.db.world.filter((w) => !names.includes(w));
    const base = ALPINE_BASE[this.branch].map(([name]) => name);
    const remove = planRemoval(
      this.db.installed.map((p) => p.name),
      [...world, ...base],
      (name) => this.db.get(name)?.depends ?? this.index.find(name)?.depends ?? [],
      (name) => (this.db.has(name) ? name : (this.index.find(name)?.name ?? name)),
    );
    const changed: { files: string[]; name: string }[] = [];
    for (const [i, name] of remove.entries()) {
      const entry = this.db.get(name)!;
      this.say(`(${i + 1}/${remove.length}) Purging ${name} (${entry.version})\n`);
      await this.ctx.clock.sleep(20, this.ctx.signal);
      removeOwned(this.ctx.fs, entry.files);
      this.db.remove(name);
      changed.push({ files: entry.files, name });
    }
    await this.triggers(changed);
    this.db.world = world;
    this.db.write(this.ctx.fs);
    this.summary();
    return 0;
  }

  async update(): Promise<number> {
    const ok = await this.fetchIndexes(true);
    if (!ok) {
      this.ctx.stderr.write(
        `${repositories(this.ctx, this.o.repos).length} unavailable, 0 stale; 0 distinct packages available\n`,
      );
      return 1;
    }
    for (const repo of repositories(this.ctx, this.o.repos))
      this.say(`${repoDescription(repo, this.release)} [${repo}]\n`);
    this.say(`OK: ${DISTINCT_PACKAGES[this.branch]} distinct packages available\n`);
    return 0;
  }

  info(): number {
    const names = this.o.args;
    const verbose = this.o.verbose > 0 || this.o.flags.has('-vv');
    if (names.length === 0) {
      for (const p of this.db.installed) this.ctx.stdout.write(`${verbose ? `${p.name}-${p.version}` : p.name}\n`);
      return 0;
    }
    if (this.o.flags.has('-e') || this.o.flags.has('--installed')) {
      const found = names.filter((n) => this.db.has(n));
      for (const n of found) this.ctx.stdout.write(`${n}\n`);
      return names.length - found.length;
    }
    for (const name of names) {
      const installed = this.db.get(name);
      const spec = this.index.find(name);
      if (!installed && !spec) continue;
      const id = `${name}-${installed?.version ?? spec!.version}`;
      if (this.o.flags.has('-L') || this.o.flags.has('--contents')) {
        this.ctx.stdout.write(
          `${id} contains:\n${(installed?.files ?? [])
            .filter((f) => !installed!.files.some((g) => g.startsWith(`${f}/`)))
            .map((f) => f.slice(1))
            .join('\n')}\n\n`,
        );
        continue;
      }
      const size = installed?.installedSize ?? spec!.installedSize;
      this.ctx.stdout.write(`${id} description:\n${installed?.summary ?? spec!.summary}\n\n`);
      this.ctx.stdout.write(`${id} webpage:\n${installed?.url ?? spec!.homepage}\n\n`);
      this.ctx.stdout.write(`${id} ${installed ? 'installed size' : 'size'}:\n${humanSize(size)}\n\n`);
    }
    return 0;
  }

  list(): number {
    const installedOnly = this.o.flags.has('-I') || this.o.flags.has('--installed');
    const pattern = this.o.args[0];
    const match = (n: string) =>
      pattern === undefined ||
      new RegExp(
        `^${pattern
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
      ).test(n);
    const rows = installedOnly
      ? this.db.installed
          .filter((p) => match(p.name))
          .map((p) => `${p.name}-${p.version} ${p.arch} {${p.name}} (${p.license}) [installed]`)
      : this.index.packages
          .filter((p) => match(p.name))
          .map(
            (p) =>
              `${p.name}-${p.version} ${p.arch === 'all' ? 'noarch' : this.arch} {${p.name}} (${p.license ?? ''})${this.db.has(p.name) ? ' [installed]' : ''}`,
          );
    for (const r of rows.sort()) this.ctx.stdout.write(`${r}\n`);
    return 0;
  }

  private usageError(applet: string): number {
    this.ctx.stderr.write(`usage: apk ${applet} [<OPTIONS>...] PACKAGES...\n`);
    return 1;
  }
}

/** apk_get_human_size: B, KiB, MiB… */
export function humanSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let n = bytes;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${Math.floor(n)} ${units[i]}`;
}

export const apk: Program = async (ctx) => {
  const { applet, o } = parseOptions(ctx.argv.slice(1));
  const distro = detectDistro(ctx.fs);
  const arch = platformOf(ctx.fs, ctx.architecture).uname;
  if (o.flags.has('--version') || o.flags.has('-V')) {
    ctx.stdout.write(`apk-tools 2.14.6, compiled for ${arch}.\n`);
    return 0;
  }
  if (applet === undefined) {
    ctx.stdout.write(USAGE(arch));
    return 1;
  }
  if (distro?.family !== 'alpine' || !isAlpineBranch(distro.branch)) {
    ctx.stderr.write(`ERROR: Unable to read database: No such file or directory\n`);
    return 99;
  }
  const run = new Apk(ctx, o, distro.branch, distro.release);
  switch (applet) {
    case 'add':
      return run.add();
    case 'del':
      return run.del();
    case 'update':
      return run.update();
    case 'info':
      return run.info();
    case 'list':
      return run.list();
    case 'version':
      ctx.stdout.write(`Installed:                                Available:\n`);
      return 0;
    default:
      ctx.stderr.write(`apk ${applet}: not simulated in Dockyard (add, del, update, info and list are)\n`);
      return 1;
  }
};
