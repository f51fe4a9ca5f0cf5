// dpkg's path filters: `path-exclude` and `path-include` lines in /etc/dpkg/dpkg.cfg.d/*. The
// -slim images use them to leave out documentation, manual pages and translations, keeping only
// each package's copyright file — so `apt-get install curl` on debian:bookworm-slim writes no
// /usr/share/man/man1/curl.1.gz.
import type { Overlay } from '../../layer/overlay';

function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
}

/** A predicate telling whether dpkg would skip writing `path`. */
export function dpkgExcluded(fs: Overlay): (path: string) => boolean {
  const rules: { include: boolean; re: RegExp }[] = [];
  let files: string[];
  try {
    files = fs.readdir('/etc/dpkg/dpkg.cfg.d');
  } catch {
    files = [];
  }
  for (const f of files) {
    for (const line of fs.readText(`/etc/dpkg/dpkg.cfg.d/${f}`).split('\n')) {
      const m = /^path-(exclude|include)[=\s]+(\S+)/.exec(line.trim());
      if (m) rules.push({ include: m[1] === 'include', re: globToRegExp(m[2]!) });
    }
  }
  return (path) => {
    let excluded = false;
    for (const r of rules) if (r.re.test(path)) excluded = !r.include;
    return excluded;
  };
}
