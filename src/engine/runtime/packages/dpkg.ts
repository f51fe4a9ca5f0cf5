// `dpkg`, Debian's low-level package tool, for the questions people ask it in containers:
// `dpkg --print-architecture` (Dockerfiles use it to pick downloads), `dpkg -l` (what is installed,
// as a table), `dpkg -s pkg` (its status stanza), `dpkg -L pkg` (its files), `dpkg --version`.
// Installing .deb files by hand is not simulated.
import type { Program, ProcessContext } from '../contract';
import { AptContext } from './apt-context';
import { DpkgDatabase } from './dpkg-db';

function table(a: AptContext, patterns: string[]): number {
  const { ctx } = a;
  const matches = (n: string) =>
    patterns.length === 0 ||
    patterns.some((p) =>
      new RegExp(
        `^${p
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
      ).test(n),
    );
  const rows = a.db.entries.filter((e) => matches(e.name)).sort((x, y) => (x.name < y.name ? -1 : 1));
  if (rows.length === 0) {
    for (const p of patterns) ctx.stderr.write(`dpkg-query: no packages found matching ${p}\n`);
    return 1;
  }
  const shown = rows.map((e) => DpkgDatabase.shown(e, a.arch));
  const nw = Math.max(14, ...shown.map((s) => s.length));
  const vw = Math.max(14, ...rows.map((e) => e.version.length));
  const aw = 12;
  const line = (a1: string, b: string, c: string, d: string, e: string) =>
    `${a1} ${b.padEnd(nw)} ${c.padEnd(vw)} ${d.padEnd(aw)} ${e}`.trimEnd();
  ctx.stdout.write(
    'Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n',
  );
  ctx.stdout.write(`${line('||/', 'Name', 'Version', 'Architecture', 'Description')}\n`);
  ctx.stdout.write(
    `${line('+++-', '='.repeat(nw), '='.repeat(vw), '='.repeat(aw), '='.repeat(40))}\n`.replace('+++- ', '+++-'),
  );
  rows.forEach((e, i) => ctx.stdout.write(`${line('ii ', shown[i]!, e.version, e.arch, e.summary.slice(0, 80))}\n`));
  return 0;
}

export const dpkg: Program = async (ctx: ProcessContext) => {
  const args = ctx.argv.slice(1);
  const a = AptContext.for(ctx, { yes: false, quiet: 0, recommends: true, purge: false, args: [] }, 'apt-get');
  const first = args[0];
  if (first === '--version') {
    ctx.stdout.write(
      `Debian 'dpkg' package management program version 1.21.22 (${a?.arch ?? 'amd64'}).\nThis is free software; see the GNU General Public License version 2 or\nlater for copying conditions. There is NO warranty.\n`,
    );
    return 0;
  }
  if (!a) {
    ctx.stderr.write('dpkg: error: cannot access archive: No such file or directory\n');
    return 2;
  }
  if (first === '--print-architecture') {
    ctx.stdout.write(`${a.arch}\n`);
    return 0;
  }
  if (first === '-l' || first === '--list') return table(a, args.slice(1));
  if (first === '-s' || first === '--status' || first === '-L' || first === '--listfiles') {
    let status = 0;
    for (const name of args.slice(1)) {
      const e = a.db.get(name.replace(/:.*$/, ''));
      if (!e) {
        ctx.stderr.write(
          `dpkg-query: package '${name}' is not installed and no information is available\nUse dpkg --info (= dpkg-deb --info) to examine archive files.\n`,
        );
        status = 1;
        continue;
      }
      if (first === '-L' || first === '--listfiles') {
        const files = DpkgDatabase.readList(ctx.fs, DpkgDatabase.shown(e, a.arch));
        ctx.stdout.write(['/.', ...files].join('\n') + '\n');
      } else {
        ctx.stdout.write(
          `Package: ${e.name}\nStatus: install ok installed\nPriority: optional\nSection: ${e.section}\nInstalled-Size: ${e.installedKb}\n`,
        );
        ctx.stdout.write(
          `Architecture: ${e.arch}\n${e.multiArch ? `Multi-Arch: ${e.multiArch}\n` : ''}Version: ${e.version}\n`,
        );
        ctx.stdout.write(`${e.depends.length ? `Depends: ${e.depends.join(', ')}\n` : ''}Description: ${e.summary}\n`);
      }
    }
    return status;
  }
  ctx.stderr.write(
    `dpkg: ${first ?? 'no action'}: not simulated in Dockyard (--print-architecture, -l, -s and -L are)\n`,
  );
  return 2;
};
