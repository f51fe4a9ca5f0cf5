// debian: Debian 12 "bookworm", the base of most official images that are not Alpine.
//
// Debian's images are not built from a Dockerfile: debuerreotype assembles a reproducible root
// filesystem from a dated snapshot of the archive, and the image is that one layer with
// `CMD ["bash"]`. Its history line records the command (`# debian.sh --arch 'amd64' out/
// 'bookworm' '@1738540800'`, the timestamp being the snapshot). `bookworm-slim` is the same
// system without documentation, manual pages and translations. nginx, httpd, redis and
// python:slim start FROM bookworm-slim; node and python FROM buildpack-deps, which starts FROM
// bookworm — so all of them share one of these two layers, byte for byte.
import type { ImageDefinition, LayerRecipe, Step } from './assemble';
import { addDocs, addGnuUserland, debianShells, rootBashrc, rootProfile } from './gnu-userland';
import { DEFAULT_PATH, epochOf, hubAnnotations } from './history';
import type { TargetPlatform } from './platforms';
import { FileTree } from './tree';

export const debianVersion = '12.9';
export const debianSerial = '20250203';
export const debianCreated = '2025-02-03T00:00:00Z';
const epoch = epochOf(debianCreated);

export const debianOsRelease = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

export const debianPasswd = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

export const debianGroup = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
fax:x:21:
voice:x:22:
cdrom:x:24:
floppy:x:25:
tape:x:26:
sudo:x:27:
audio:x:29:
dip:x:30:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
sasl:x:45:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
`;

/** `name:*:19755:0:99999:7:::` lines for every account of a passwd file. */
export function shadowFor(passwd: string, lastChange: number): string {
  return passwd
    .trim()
    .split('\n')
    .map((l) => `${l.split(':')[0]}:*:${lastChange}:0:99999:7:::`)
    .join('\n')
    .concat('\n');
}

const sources = `Types: deb
# http://snapshot.debian.org/archive/debian/${debianSerial}T000000Z
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
# http://snapshot.debian.org/archive/debian-security/${debianSerial}T000000Z
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`;

function rootfs(slim: boolean, p: TargetPlatform) {
  const t = new FileTree(p, epoch);
  for (const d of ['boot', 'dev', 'home', 'media', 'mnt', 'opt', 'proc', 'run/lock', 'srv', 'sys', 'usr/games'])
    t.dir(d);
  for (const d of ['usr/local/bin', 'usr/local/games', 'usr/local/include', 'usr/local/lib', 'usr/local/sbin'])
    t.dir(d);
  for (const d of ['usr/local/share', 'usr/local/src', 'usr/src', 'var/backups', 'var/cache/apt', 'var/lib/apt/lists'])
    t.dir(d);
  for (const d of ['var/lib/dpkg/info', 'var/local', 'var/log/apt', 'var/mail', 'var/opt', 'var/spool']) t.dir(d);
  t.dir('root', { mode: 0o700 }).dir('tmp', { mode: 0o1777 }).dir('var/tmp', { mode: 0o1777 });
  t.symlink('var/run', '/run').symlink('var/lock', '/run/lock');
  t.text('etc/debian_version', `${debianVersion}\n`);
  t.text('usr/lib/os-release', debianOsRelease).symlink('etc/os-release', '../usr/lib/os-release');
  t.text('etc/issue', 'Debian GNU/Linux 12 \\n \\l\n\n').text('etc/issue.net', 'Debian GNU/Linux 12\n');
  t.text('etc/passwd', debianPasswd).text('etc/group', debianGroup);
  t.text('etc/shadow', shadowFor(debianPasswd, 20122), { mode: 0o640, gid: 42 });
  t.text('etc/shells', debianShells);
  t.text('etc/apt/sources.list.d/debian.sources', sources);
  t.text(
    'etc/debconf.conf',
    '# debconf configuration: where answers to package questions are kept\nConfig: configdb\nTemplates: templatedb\n',
  );
  t.text('root/.bashrc', rootBashrc).text('root/.profile', rootProfile);
  t.text(
    'etc/dpkg/origins/debian',
    'Vendor: Debian\nVendor-URL: https://www.debian.org/\nBugs: debbugs://bugs.debian.org\n',
  );
  addGnuUserland(t, p);
  if (slim) {
    t.text(
      'etc/dpkg/dpkg.cfg.d/docker',
      '# slim: leave out documentation and translations\npath-exclude /usr/share/doc/*\npath-exclude /usr/share/man/*\npath-exclude /usr/share/locale/*\npath-exclude /usr/share/info/*\npath-include /usr/share/doc/*/copyright\n',
    );
  } else addDocs(t, 42_000_000);
  return t.entries(slim ? 74_800 : 116_500);
}

export const bookwormRootfs: LayerRecipe = { key: `debian-bookworm-${debianSerial}`, entries: (p) => rootfs(false, p) };
export const bookwormSlimRootfs: LayerRecipe = {
  key: `debian-bookworm-slim-${debianSerial}`,
  entries: (p) => rootfs(true, p),
};

/** The single history step of a debuerreotype image. */
export function debianSteps(slim: boolean, p: TargetPlatform): Step[] {
  return [
    {
      created: debianCreated,
      createdBy: `# debian.sh --arch '${p.arch}' out/ 'bookworm' '@${epoch}'`,
      comment: 'debuerreotype 0.15',
      layer: slim ? bookwormSlimRootfs : bookwormRootfs,
    },
  ];
}

export function debianImage(slim: boolean): (p: TargetPlatform) => ImageDefinition {
  return (p) => ({
    created: debianCreated,
    steps: debianSteps(slim, p),
    config: { Env: [`PATH=${DEFAULT_PATH}`], Cmd: ['bash'] },
    annotations: hubAnnotations('debian', slim ? 'bookworm-slim' : 'bookworm', debianCreated, p.bashbrew),
  });
}
