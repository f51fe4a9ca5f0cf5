// apt's sources: /etc/apt/sources.list (one-line `deb URI suite components…`) and the deb822
// files in /etc/apt/sources.list.d/*.sources (`URIs:`, `Suites:`, `Components:`). Each suite has
// an InRelease file and, per component, a Packages index for the architecture — what
// `apt-get update` downloads (`Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]`)
// and keeps in /var/lib/apt/lists/, where `apt-get install` looks packages up.
import type { Overlay } from '../../layer/overlay';

export interface AptSource {
  uri: string;
  suite: string;
  components: string[];
}

export function readSources(fs: Overlay): AptSource[] {
  const out: AptSource[] = [];
  try {
    for (const line of fs.readText('/etc/apt/sources.list').split('\n')) {
      const m = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)\s+(.+)$/.exec(line.trim());
      if (m) out.push({ uri: m[1]!, suite: m[2]!, components: m[3]!.split(/\s+/) });
    }
  } catch {
    // no sources.list: deb822 files only
  }
  let files: string[];
  try {
    files = fs.readdir('/etc/apt/sources.list.d').filter((n) => n.endsWith('.sources'));
  } catch {
    files = [];
  }
  for (const file of files) {
    for (const stanza of fs.readText(`/etc/apt/sources.list.d/${file}`).split(/\n\s*\n/)) {
      const fields = new Map<string, string>();
      for (const line of stanza.split('\n')) {
        const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
        if (m) fields.set(m[1]!, m[2]!);
      }
      if (!(fields.get('Types') ?? '').split(/\s+/).includes('deb')) continue;
      for (const uri of (fields.get('URIs') ?? '').split(/\s+/).filter(Boolean)) {
        for (const suite of (fields.get('Suites') ?? '').split(/\s+/).filter(Boolean)) {
          out.push({ uri, suite, components: (fields.get('Components') ?? 'main').split(/\s+/).filter(Boolean) });
        }
      }
    }
  }
  return out;
}

/** `http://deb.debian.org/debian/` → `deb.debian.org_debian`, as apt names its list files. */
export function listPrefix(uri: string): string {
  return uri
    .replace(/^[a-z]+:\/\//, '')
    .replace(/\/+$/, '')
    .replace(/\//g, '_');
}

export const LISTS = '/var/lib/apt/lists';

export function inReleasePath(s: AptSource): string {
  return `${LISTS}/${listPrefix(s.uri)}_dists_${s.suite}_InRelease`;
}

export function packagesPath(s: AptSource, component: string, arch: string): string {
  return `${LISTS}/${listPrefix(s.uri)}_dists_${s.suite}_${component}_binary-${arch}_Packages`;
}

/** Plausible sizes of the index files (InRelease, and Packages per component), in bytes. */
export function indexSize(s: AptSource, component?: string): number {
  const suite = s.suite;
  const base = suite.replace(/-(updates|security|backports|proposed)$/, '');
  const pocket = suite.slice(base.length + 1);
  if (component === undefined) {
    if (s.uri.includes('ubuntu')) return pocket === '' ? 256_000 : 126_000;
    return pocket === '' ? 151_000 : pocket === 'updates' ? 55_400 : 48_000;
  }
  if (s.uri.includes('ubuntu')) {
    const full: Record<string, number> = {
      main: 1_808_000,
      universe: 19_300_000,
      restricted: 117_000,
      multiverse: 331_000,
    };
    const scale = pocket === '' ? 1 : pocket === 'backports' ? 0.002 : 0.06;
    return Math.round((full[component] ?? 100_000) * scale);
  }
  if (pocket === '') return component === 'main' ? 8_792_000 : 280_000;
  return pocket === 'updates' ? 13_500 : 246_000;
}
