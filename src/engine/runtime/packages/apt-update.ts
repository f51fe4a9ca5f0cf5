// `apt-get update`: for each source, fetch the suite's InRelease and each component's Packages
// index — or, when the InRelease in /var/lib/apt/lists is already there, print `Hit:` and fetch
// nothing — then `Fetched 9306 kB in 1s (6755 kB/s)` and `Reading package lists...`. Without a
// network every source fails with `Temporary failure resolving 'deb.debian.org'`.
import { online } from './apk-repos';
import type { AptContext } from './apt-context';
import { sizeToStr, timeToStr } from './apt-format';
import { indexSize, inReleasePath, LISTS, packagesPath, readSources } from './apt-sources';

const SPEED = 9_000_000; // bytes per second of simulated mirror

function packagesFile(a: AptContext, withPackages: boolean): string {
  if (!withPackages || !a.release.index) return '';
  return a.release.index.packages
    .map((p) => {
      const arch = p.arch === 'all' ? 'all' : a.arch;
      const lines = [
        `Package: ${p.name}`,
        `Version: ${p.version}`,
        `Installed-Size: ${Math.round(p.installedSize / 1024)}`,
        `Architecture: ${arch}`,
      ];
      if (p.multiArch) lines.push(`Multi-Arch: ${p.multiArch}`);
      if (p.depends.length > 0) lines.push(`Depends: ${p.depends.join(', ')}`);
      if (p.recommends.length > 0) lines.push(`Recommends: ${p.recommends.join(', ')}`);
      lines.push(
        `Description: ${p.summary}`,
        `Section: ${p.section ?? 'misc'}`,
        `Filename: pool/main/${p.name[0]}/${p.name}/${p.name}_${p.version.replace(/^\d+:/, '')}_${arch}.deb`,
        `Size: ${p.size}`,
      );
      return lines.join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

export async function aptUpdate(a: AptContext): Promise<number> {
  const { ctx } = a;
  const sources = readSources(ctx.fs);
  const start = ctx.clock.now();
  let n = 0;
  let fetched = 0;
  const failures: string[] = [];
  const isOnline = online(ctx);
  ctx.fs.mkdir(`${LISTS}/partial`, { parents: true });
  const pending: (() => void)[] = [];
  for (const s of sources) {
    const label = `${s.uri.replace(/\/$/, '')} ${s.suite}`;
    const host = s.uri.replace(/^[a-z]+:\/\//, '').split('/')[0]!;
    n++;
    if (!isOnline) {
      a.out(`Err:${n} ${label} InRelease\n  Temporary failure resolving '${host}'\n`);
      failures.push(`${s.uri.replace(/\/$/, '')}/dists/${s.suite}/InRelease  Temporary failure resolving '${host}'`);
      continue;
    }
    if (ctx.fs.exists(inReleasePath(s))) {
      a.out(`Hit:${n} ${label} InRelease\n`);
      continue;
    }
    const size = indexSize(s);
    a.out(`Get:${n} ${label} InRelease [${sizeToStr(size)}B]\n`);
    fetched += size;
    await ctx.clock.sleep(Math.round((size / SPEED) * 1000), ctx.signal);
    pending.push(() =>
      ctx.fs.writeFile(
        inReleasePath(s),
        `Origin: ${a.release.id === 'ubuntu' ? 'Ubuntu' : 'Debian'}\nSuite: ${s.suite}\nCodename: ${s.suite.split('-')[0]}\nArchitectures: amd64 arm64\nComponents: ${s.components.join(' ')}\n`,
      ),
    );
    const first = s.suite === a.release.codename;
    for (const c of s.components) {
      pending.push(() => ctx.fs.writeFile(packagesPath(s, c, a.arch), packagesFile(a, first && c === 'main')));
    }
  }
  for (const s of sources) {
    if (!isOnline || ctx.fs.exists(inReleasePath(s))) continue;
    for (const c of s.components) {
      const size = indexSize(s, c);
      a.out(`Get:${++n} ${s.uri.replace(/\/$/, '')} ${s.suite}/${c} ${a.arch} Packages [${sizeToStr(size)}B]\n`);
      fetched += size;
      await ctx.clock.sleep(Math.round((size / SPEED) * 1000), ctx.signal);
    }
  }
  for (const write of pending) write();
  if (fetched > 0) {
    const seconds = Math.max(0.001, (ctx.clock.now() - start) / 1000);
    a.out(`Fetched ${sizeToStr(fetched)}B in ${timeToStr(seconds)} (${sizeToStr(fetched / seconds)}B/s)\n`);
  }
  a.progress('Reading package lists...');
  if (a.frontend === 'apt') {
    a.progress('Building dependency tree...');
    a.progress('Reading state information...');
    a.out('All packages are up to date.\n');
  }
  for (const f of failures) ctx.stderr.write(`W: Failed to fetch ${f}\n`);
  if (failures.length > 0)
    ctx.stderr.write('W: Some index files failed to download. They have been ignored, or old ones used instead.\n');
  return 0;
}
