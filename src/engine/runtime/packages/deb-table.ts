// Debian and Ubuntu package indexes are written as compact tables, one package per line:
//
//   name | version | section | arch | multi-arch | download kB | installed kB | summary
//        | depends | recommends | suggests | files
//
// lists are comma-separated; a file is `bin:path:realSize[:program]`, `lib:path:soname:realSize`,
// `data:path:realSize` or `link:path>target`; `{triplet}` in a path becomes the architecture's
// multiarch directory (x86_64-linux-gnu, aarch64-linux-gnu) when the package is unpacked. Every
// package also gets its /usr/share/doc/<name>/copyright and changelog, as real .debs have.
import { f, pkg, type PackageFile, type PackageSpec } from './model';

function list(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== '-');
}

function fileOf(spec: string): PackageFile {
  const [kind, ...rest] = spec.split(':');
  if (kind === 'link') {
    const [path, target] = rest.join(':').split('>') as [string, string];
    return f.link(path, target);
  }
  if (kind === 'bin') return f.bin(rest[0]!, Number(rest[1]), rest[2]);
  if (kind === 'lib') return f.lib(rest[0]!, rest[1]!, Number(rest[2]));
  return f.data(rest[0]!, Number(rest[1]));
}

/** Parse a table of packages (see the header comment). */
export function debTable(text: string, homepage = 'https://www.debian.org/'): PackageSpec[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((line) => {
      const c = line.split('|').map((x) => x.trim());
      const [name, version, section, arch, ma, sizeKb, instKb, summary] = c as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const files = list(c[11]).map(fileOf);
      files.push(
        f.text(
          `usr/share/doc/${name}/copyright`,
          `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: ${name}\n`,
        ),
        f.data(`usr/share/doc/${name}/changelog.Debian.gz`, 4_000),
      );
      return pkg(name, version, summary, {
        section,
        arch: arch === 'all' ? 'all' : 'any',
        multiArch: ma === 'same' || ma === 'foreign' ? ma : undefined,
        size: Math.round(Number(sizeKb) * 1000),
        installed: Math.round(Number(instKb) * 1024),
        depends: list(c[8]),
        recommends: list(c[9]),
        suggests: list(c[10]),
        files,
        homepage,
      });
    });
}
