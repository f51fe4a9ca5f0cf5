// `apt-get install`: look the packages up in the downloaded lists (`E: Unable to locate package
// nope` for one that is not there — every one, on an image where `apt-get update` never ran),
// plan the dependencies and recommends, show what will happen, ask unless `-y` (and, reading
// nothing from a non-interactive stdin, abort as apt does), then download (`Get:1 …`), unpack
// and set up each package in dpkg's words, and run the triggers.
import { readAll } from '../streams';
import type { AptContext } from './apt-context';
import { showList, sizeToStr, timeToStr } from './apt-format';
import { readSources } from './apt-sources';
import { DpkgDatabase } from './dpkg-db';
import { dpkgExcluded } from './dpkg-paths';
import type { PackageSpec } from './model';
import { planInstall } from './resolve';
import { unpack } from './unpack';

const BASE_FILES: Record<string, number> = { bookworm: 6089, noble: 4381 };

function debName(p: PackageSpec, arch: string): string {
  return `${p.name}_${p.version.replace(/:/g, '%3a')}_${p.arch === 'all' ? 'all' : arch}.deb`;
}

async function confirm(a: AptContext): Promise<boolean> {
  a.ctx.stdout.write('Do you want to continue? [Y/n] ');
  const chunk = (a.ctx.isatty?.(0) ?? false) ? await a.ctx.stdin.read() : await readAll(a.ctx.stdin);
  const answer = chunk === undefined ? '' : new TextDecoder().decode(chunk).trim();
  if (answer === '' && !(a.ctx.isatty?.(0) ?? false)) {
    a.ctx.stdout.write('Abort.\n');
    return false;
  }
  if (answer === '' || /^y/i.test(answer)) return true;
  a.ctx.stdout.write('Abort.\n');
  return false;
}

/** Number of files dpkg counts in its database (`(Reading database ... 6089 files …)`). */
export function databaseFiles(a: AptContext): number {
  let listed = 0;
  try {
    for (const f of a.ctx.fs.readdir('/var/lib/dpkg/info').filter((n) => n.endsWith('.list'))) {
      listed += a.ctx.fs.readText(`/var/lib/dpkg/info/${f}`).split('\n').filter(Boolean).length;
    }
  } catch {
    // no info directory yet
  }
  return (BASE_FILES[a.release.codename] ?? 5000) + listed;
}

export async function aptInstall(a: AptContext): Promise<number> {
  const { ctx, o } = a;
  a.progress('Reading package lists...');
  a.progress('Building dependency tree...');
  a.progress('Reading state information...');
  const names = o.args.map((n) => n.replace(/=.*$/, '').replace(/:(amd64|arm64|all)$/, ''));
  const missing = names.filter((n) => !a.find(n) && !a.db.has(n));
  if (missing.length > 0) {
    for (const m of missing) ctx.stderr.write(`E: Unable to locate package ${m}\n`);
    return 100;
  }
  const installed = new Set(a.db.entries.map((e) => e.name));
  for (const n of names.filter((x) => a.db.has(x)))
    a.out(`${n} is already the newest version (${a.db.get(n)!.version}).\n`);
  const plan = planInstall({ find: (n) => a.find(n) }, installed, names, { recommends: o.recommends });
  const order = plan.order;
  const requested = new Set(order.filter((p) => names.includes(p.name)).map((p) => p.name));
  const additional = order
    .filter((p) => !requested.has(p.name))
    .map((p) => p.name)
    .sort();
  const shownAlt = (s: string) => s.split('/').map((x, i) => (i === 0 ? x : `| ${x}`));
  a.out(showList('The following additional packages will be installed:', additional));
  a.out(showList('Suggested packages:', plan.suggested.flatMap(shownAlt)));
  if (!o.recommends) a.out(showList('Recommended packages:', plan.recommended.flatMap(shownAlt)));
  a.out(showList('The following NEW packages will be installed:', order.map((p) => p.name).sort()));
  a.out(`0 upgraded, ${order.length} newly installed, 0 to remove and 0 not upgraded.\n`);
  if (order.length === 0) return 0;
  const download = order.reduce((n, p) => n + p.size, 0);
  const disk = order.reduce((n, p) => n + p.installedSize, 0);
  a.out(`Need to get ${sizeToStr(download)}B of archives.\n`);
  a.out(`After this operation, ${sizeToStr(disk)}B of additional disk space will be used.\n`);
  if (!o.yes && additional.length > 0 && !(await confirm(a))) return 1;
  const source = readSources(ctx.fs).find((s) => s.suite === a.release.codename) ?? {
    uri: 'http://deb.debian.org/debian',
    suite: a.release.codename,
    components: ['main'],
  };
  const start = ctx.clock.now();
  for (const [i, p] of order.entries()) {
    a.out(
      `Get:${i + 1} ${source.uri.replace(/\/$/, '')} ${source.suite}/${a.component(p.name)} ${a.arch} ${p.name} ${p.arch === 'all' ? 'all' : a.arch} ${p.version} [${sizeToStr(p.size)}B]\n`,
    );
    await ctx.clock.sleep(Math.max(1, Math.round(p.size / 9_000)), ctx.signal);
  }
  ctx.stderr.write('debconf: delaying package configuration, since apt-utils is not installed\n');
  const seconds = Math.max(0.001, (ctx.clock.now() - start) / 1000);
  a.out(`Fetched ${sizeToStr(download)}B in ${timeToStr(seconds)} (${sizeToStr(download / seconds)}B/s)\n`);
  const width = String(order.length - 1).length;
  const excluded = dpkgExcluded(ctx.fs);
  const shown = (p: PackageSpec) => DpkgDatabase.shown(p, a.arch);
  for (const [i, p] of order.entries()) {
    a.out(`Selecting previously unselected package ${shown(p)}.\n`);
    if (i === 0) a.out(`(Reading database ... ${databaseFiles(a)} files and directories currently installed.)\n`);
    const prefix = order.length > 1 ? `${String(i).padStart(width, '0')}-` : '';
    a.out(`Preparing to unpack .../${prefix}${debName(p, a.arch)} ...\nUnpacking ${shown(p)} (${p.version}) ...\n`);
    const files = unpack(
      ctx.fs,
      { ...p, files: p.files.map((f) => ({ ...f, path: f.path.replace('{triplet}', a.platform.triplet) })) },
      { platform: a.platform, excluded },
    );
    DpkgDatabase.writeList(ctx.fs, shown(p), files);
    a.db.add(p, a.arch);
  }
  for (const p of order) {
    a.out(`Setting up ${shown(p)} (${p.version}) ...\n`);
    if (p.name === 'ca-certificates')
      a.out(
        `Updating certificates in /etc/ssl/certs...\n${a.release.id === 'ubuntu' ? 146 : 140} added, 0 removed; done.\n`,
      );
    await ctx.clock.sleep(10, ctx.signal);
  }
  const libc = a.db.get('libc-bin');
  if (libc && order.some((p) => p.multiArch === 'same'))
    a.out(`Processing triggers for libc-bin (${libc.version}) ...\n`);
  const certs = order.find((p) => p.name === 'ca-certificates');
  if (certs) {
    a.out(
      `Processing triggers for ca-certificates (${certs.version}) ...\nUpdating certificates in /etc/ssl/certs...\n0 added, 0 removed; done.\nRunning hooks in /etc/ca-certificates/update.d...\ndone.\n`,
    );
  }
  a.db.write(ctx.fs);
  recordAuto(
    a,
    order.filter((p) => !requested.has(p.name)).map((p) => p.name),
  );
  return 0;
}

/** apt remembers which packages were pulled in automatically (`apt-mark showauto`). */
function recordAuto(a: AptContext, names: string[]): void {
  const path = '/var/lib/apt/extended_states';
  let text: string;
  try {
    text = a.ctx.fs.readText(path);
  } catch {
    text = '';
  }
  for (const n of names) text += `Package: ${n}\nArchitecture: ${a.arch}\nAuto-Installed: 1\n\n`;
  a.ctx.fs.mkdir('/var/lib/apt', { parents: true });
  a.ctx.fs.writeFile(path, text);
}

export function autoInstalled(a: AptContext): Set<string> {
  try {
    return new Set(
      [
        ...a.ctx.fs
          .readText('/var/lib/apt/extended_states')
          .matchAll(/^Package: (\S+)\n(?:[^\n]+\n)*?Auto-Installed: 1$/gm),
      ].map((m) => m[1]!),
    );
  } catch {
    return new Set();
  }
}
