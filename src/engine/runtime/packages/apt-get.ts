// `apt-get` and `apt`, Debian's and Ubuntu's package tools: `update`, `install`, `remove`,
// `purge`, `autoremove`, `clean`, `upgrade` — and for `apt`, `list --installed` and `show`. `apt`
// is the same machinery for people: it warns that its output is not for scripts when stdout is
// not a terminal. The network is simulated: downloads take simulated time and need a network.
import type { Program, ProcessContext } from '../contract';
import { AptContext, type AptOptions } from './apt-context';
import { sizeToStr } from './apt-format';
import { aptInstall, autoInstalled, databaseFiles } from './apt-install';
import { aptUpdate } from './apt-update';
import { DpkgDatabase } from './dpkg-db';
import { planRemoval } from './resolve';
import { removeOwned } from './unpack';

const COMMANDS = [
  'update',
  'install',
  'remove',
  'purge',
  'autoremove',
  'clean',
  'autoclean',
  'upgrade',
  'dist-upgrade',
  'full-upgrade',
  'list',
  'show',
  'search',
  'source',
  'build-dep',
  'check',
  'download',
  'changelog',
];

function parse(argv: readonly string[]): { command?: string; o: AptOptions; bad?: string } {
  const o: AptOptions = { yes: false, quiet: 0, recommends: true, purge: false, args: [] };
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-y' || a === '--yes' || a === '--assume-yes') o.yes = true;
    else if (a === '-q' || a === '--quiet') o.quiet++;
    else if (a === '-qq') o.quiet += 2;
    else if (a === '--no-install-recommends') o.recommends = false;
    else if (a === '--install-recommends') o.recommends = true;
    else if (a === '--purge') o.purge = true;
    else if (a === '-o' || a === '-c') i++;
    else if (a.startsWith('-')) {
      if (
        !/^--(no-install-suggests|fix-missing|fix-broken|allow-|force-|auto-remove|autoremove|no-upgrade|only-upgrade|reinstall|installed|upgradable|all-versions|show-progress|no-show-progress|quiet=)/.test(
          a,
        ) &&
        !/^-[fmdsuV]+$/.test(a)
      ) {
        return { o, bad: a };
      }
    } else if (command === undefined) command = a;
    else o.args.push(a);
  }
  return { command, o };
}

async function remove(a: AptContext, command: 'remove' | 'purge' | 'autoremove'): Promise<number> {
  const { ctx, o } = a;
  a.progress('Reading package lists...');
  a.progress('Building dependency tree...');
  a.progress('Reading state information...');
  const missing = o.args.filter((n) => !a.db.has(n));
  for (const m of missing) {
    if (!a.release.index?.find(m)) {
      ctx.stderr.write(`E: Unable to locate package ${m}\n`);
      return 100;
    }
    a.out(`Package '${m}' is not installed, so not removed\n`);
  }
  const auto = autoInstalled(a);
  const targets = command === 'autoremove' ? [] : o.args.filter((n) => a.db.has(n));
  const manual = a.db.entries.map((e) => e.name).filter((n) => !auto.has(n) && !targets.includes(n));
  const orphans = planRemoval(
    a.db.entries.map((e) => e.name),
    manual,
    (n) => a.db.get(n)?.depends ?? [],
  ).filter((n) => !targets.includes(n) && auto.has(n));
  const removing = command === 'autoremove' || o.purge ? [...targets, ...orphans] : targets;
  if (command !== 'autoremove' && orphans.length > 0 && !o.purge) {
    a.out('The following packages were automatically installed and are no longer required:\n');
    a.out(
      `  ${orphans.sort().join(' ')}\nUse '${a.frontend} autoremove' to remove ${orphans.length === 1 ? 'it' : 'them'}.\n`,
    );
  }
  if (removing.length > 0) {
    const label = command === 'purge' || o.purge ? (n: string) => `${n}*` : (n: string) => n;
    a.out(`The following packages will be REMOVED:\n  ${removing.map(label).sort().join(' ')}\n`);
  }
  a.out(`0 upgraded, 0 newly installed, ${removing.length} to remove and 0 not upgraded.\n`);
  if (removing.length === 0) return 0;
  const freed = removing.reduce((n, name) => n + (a.db.get(name)?.installedKb ?? 0) * 1024, 0);
  a.out(`After this operation, ${sizeToStr(freed)}B disk space will be freed.\n`);
  a.out(`(Reading database ... ${databaseFiles(a)} files and directories currently installed.)\n`);
  for (const name of removing) {
    const entry = a.db.get(name)!;
    const shown = DpkgDatabase.shown(entry, a.arch);
    a.out(`Removing ${shown} (${entry.version}) ...\n`);
    removeOwned(ctx.fs, DpkgDatabase.readList(ctx.fs, shown));
    try {
      ctx.fs.unlink(`/var/lib/dpkg/info/${shown}.list`);
    } catch {
      // base packages have no list in the simulation
    }
    a.db.remove(name);
    await ctx.clock.sleep(10, ctx.signal);
  }
  a.db.write(ctx.fs);
  return 0;
}

function list(a: AptContext): number {
  a.out('Listing...');
  a.out(a.tty ? ' Done\n' : '\n');
  const installedOnly = a.ctx.argv.includes('--installed');
  const rows = installedOnly
    ? a.db.entries.map((e) => `${e.name}/now ${e.version} ${e.arch} [installed,local]`)
    : (a.release.index?.packages ?? []).map(
        (p) =>
          `${p.name}/${a.release.codename} ${p.version} ${p.arch === 'all' ? 'all' : a.arch}${a.db.has(p.name) ? ' [installed]' : ''}`,
      );
  for (const r of rows.sort()) a.out(`${r}\n`);
  return 0;
}

function show(a: AptContext): number {
  for (const name of a.o.args) {
    const p = a.find(name);
    if (!p) {
      a.ctx.stderr.write(`E: No packages found\n`);
      return 100;
    }
    a.out(`Package: ${p.name}\nVersion: ${p.version}\nPriority: optional\nSection: ${p.section ?? 'misc'}\n`);
    a.out(
      `Installed-Size: ${sizeToStr(p.installedSize)}B\nDepends: ${p.depends.join(', ')}\nHomepage: ${p.homepage}\n`,
    );
    a.out(
      `Download-Size: ${sizeToStr(p.size)}B\nAPT-Sources: http://deb.debian.org/debian ${a.release.codename}/main ${a.arch} Packages\nDescription: ${p.summary}\n\n`,
    );
  }
  return 0;
}

function frontendOf(ctx: ProcessContext): 'apt' | 'apt-get' {
  return (ctx.argv[0] ?? '').split('/').pop() === 'apt' ? 'apt' : 'apt-get';
}

export const aptGet: Program = async (ctx) => {
  const frontend = frontendOf(ctx);
  const { command, o, bad } = parse(ctx.argv.slice(1));
  if (bad) {
    ctx.stderr.write(
      `E: Command line option '${bad.replace(/^-+/, '')}' [from ${bad}] is not understood in combination with the other options.\n`,
    );
    return 100;
  }
  if (frontend === 'apt' && !(ctx.isatty?.(1) ?? false) && command !== undefined) {
    ctx.stderr.write('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
  }
  if (command === undefined) {
    ctx.stdout.write(
      `${frontend} 2.6.1 (${frontend === 'apt' ? 'amd64' : 'amd64'})\nUsage: ${frontend} [options] command\n`,
    );
    return frontend === 'apt' ? 0 : 1;
  }
  if (!COMMANDS.includes(command)) {
    ctx.stderr.write(`E: Invalid operation ${command}\n`);
    return 100;
  }
  const a = AptContext.for(ctx, o, frontend);
  if (!a) {
    ctx.stderr.write('E: Could not open lock file /var/lib/dpkg/lock-frontend - open (2: No such file or directory)\n');
    return 100;
  }
  if (!a.release.index && command !== 'update' && command !== 'clean') {
    ctx.stderr.write(
      `${frontend}: Dockyard's package index has no packages for ${a.release.id} ${a.release.codename} (it has Debian bookworm and Ubuntu noble)\n`,
    );
    return 100;
  }
  switch (command) {
    case 'update':
      return aptUpdate(a);
    case 'install':
      if (o.args.length === 0) {
        a.progress('Reading package lists...');
        a.progress('Building dependency tree...');
        a.progress('Reading state information...');
        a.out('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
        return 0;
      }
      return aptInstall(a);
    case 'remove':
    case 'purge':
    case 'autoremove':
      return remove(a, command);
    case 'clean':
    case 'autoclean':
      return 0;
    case 'upgrade':
    case 'dist-upgrade':
    case 'full-upgrade':
      a.progress('Reading package lists...');
      a.progress('Building dependency tree...');
      a.progress('Reading state information...');
      a.out('Calculating upgrade...');
      a.out(a.tty ? ' Done\n' : '\n');
      a.out('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
      return 0;
    case 'list':
      return list(a);
    case 'show':
      return show(a);
    default:
      ctx.stderr.write(
        `${frontend} ${command}: not simulated in Dockyard (update, install, remove, purge and autoremove are)\n`,
      );
      return 100;
  }
};
