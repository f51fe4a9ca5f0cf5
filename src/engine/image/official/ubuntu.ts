// ubuntu: Canonical's minimal Ubuntu root filesystems, 24.04 LTS "noble" (latest) and 22.04 LTS
// "jammy". They are built with the classic builder, so their history reads in its style —
// `/bin/sh -c #(nop) ADD file:<hash> in / ` and `/bin/sh -c #(nop)  CMD ["/bin/bash"]` — and their
// config carries two labels naming the release. Like Debian: GNU tools, apt, merged /usr.
import type { ImageDefinition, LayerRecipe, Step } from './assemble';
import { shadowFor } from './debian';
import { addGnuUserland, debianShells, rootBashrc, rootProfile } from './gnu-userland';
import { DEFAULT_PATH, epochOf, hubAnnotations } from './history';
import type { TargetPlatform } from './platforms';
import { FileTree } from './tree';

export interface UbuntuRelease {
  version: '24.04' | '22.04';
  point: string;
  codename: 'noble' | 'jammy';
  nickname: string;
  serial: string;
  created: string;
  /** What Debian release the archive was branched from (/etc/debian_version). */
  debianBase: string;
  realSize: number;
}

export const noble: UbuntuRelease = {
  version: '24.04',
  point: '24.04.1',
  codename: 'noble',
  nickname: 'Noble Numbat',
  serial: '20250127',
  created: '2025-01-27T11:38:17Z',
  debianBase: 'trixie/sid',
  realSize: 78_100_000,
};

export const jammy: UbuntuRelease = {
  version: '22.04',
  point: '22.04.5',
  codename: 'jammy',
  nickname: 'Jammy Jellyfish',
  serial: '20250126',
  created: '2025-01-26T05:31:58Z',
  debianBase: 'bookworm/sid',
  realSize: 77_900_000,
};

export function ubuntuOsRelease(r: UbuntuRelease): string {
  return `PRETTY_NAME="Ubuntu ${r.point} LTS"
NAME="Ubuntu"
VERSION_ID="${r.version}"
VERSION="${r.point} LTS (${r.nickname})"
VERSION_CODENAME=${r.codename}
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=${r.codename}
${r.codename === 'noble' ? 'LOGO=ubuntu-logo\n' : ''}`;
}

function passwdOf(r: UbuntuRelease): string {
  const base = `root:x:0:0:root:/root:/bin/bash
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
`;
  if (r.codename === 'jammy') {
    return `${base}gnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
_apt:x:100:65534::/nonexistent:/usr/sbin/nologin
`;
  }
  return `${base}_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash
`;
}

const groupBase = `root:x:0:
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
cdrom:x:24:
floppy:x:25:
tape:x:26:
sudo:x:27:
audio:x:29:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
`;

function rootfs(r: UbuntuRelease, p: TargetPlatform) {
  const t = new FileTree(p, epochOf(r.created));
  for (const d of ['boot', 'dev', 'media', 'mnt', 'opt', 'proc', 'run/lock', 'srv', 'sys', 'usr/local/bin']) t.dir(d);
  for (const d of [
    'usr/local/lib',
    'usr/local/share',
    'usr/src',
    'var/cache/apt',
    'var/lib/apt/lists',
    'var/lib/dpkg/info',
  ])
    t.dir(d);
  for (const d of ['var/log/apt', 'var/mail', 'var/opt', 'var/spool']) t.dir(d);
  t.dir('home').dir('root', { mode: 0o700 }).dir('tmp', { mode: 0o1777 }).dir('var/tmp', { mode: 0o1777 });
  if (r.codename === 'noble') t.dir('home/ubuntu', { mode: 0o750, uid: 1000, gid: 1000 });
  t.symlink('var/run', '/run').symlink('var/lock', '/run/lock');
  const passwd = passwdOf(r);
  t.text('usr/lib/os-release', ubuntuOsRelease(r)).symlink('etc/os-release', '../usr/lib/os-release');
  t.text(
    'etc/lsb-release',
    `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${r.version}\nDISTRIB_CODENAME=${r.codename}\nDISTRIB_DESCRIPTION="Ubuntu ${r.point} LTS"\n`,
  );
  t.text('etc/debian_version', `${r.debianBase}\n`);
  t.text('etc/issue', `Ubuntu ${r.point} LTS \\n \\l\n\n`).text('etc/issue.net', `Ubuntu ${r.point} LTS\n`);
  t.text('etc/passwd', passwd);
  t.text('etc/group', r.codename === 'noble' ? `${groupBase}ubuntu:x:1000:\n` : groupBase);
  t.text('etc/shadow', shadowFor(passwd, 20114), { mode: 0o640, gid: 42 });
  t.text('etc/shells', debianShells);
  t.text(
    'etc/apt/sources.list.d/ubuntu.sources',
    `Types: deb\nURIs: http://${p.arch === 'amd64' ? 'archive.ubuntu.com/ubuntu' : 'ports.ubuntu.com/ubuntu-ports'}/\nSuites: ${r.codename} ${r.codename}-updates ${r.codename}-backports\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n`,
  );
  t.text('root/.bashrc', rootBashrc).text('root/.profile', rootProfile);
  addGnuUserland(t, p);
  t.program('usr/bin/ps', 'ps', 150_000).program('usr/bin/top', 'top', 130_000);
  t.data('usr/share/doc/ubuntu-minimal-copyrights.gz', 1_000_000);
  return t.entries(Math.round(r.realSize / 1000));
}

export function ubuntuRootfs(r: UbuntuRelease): LayerRecipe {
  return { key: `ubuntu-${r.codename}-${r.serial}`, entries: (p) => rootfs(r, p) };
}

function nop(created: string, instruction: string): Step {
  return { created, createdBy: `/bin/sh -c #(nop)  ${instruction}` };
}

export function ubuntuImage(r: UbuntuRelease): (p: TargetPlatform) => ImageDefinition {
  return (p) => ({
    created: r.created,
    steps: [
      nop(r.created, 'ARG RELEASE'),
      nop(r.created, 'ARG LAUNCHPAD_BUILD_ARCH'),
      nop(r.created, 'LABEL org.opencontainers.image.ref.name=ubuntu'),
      nop(r.created, `LABEL org.opencontainers.image.version=${r.version}`),
      {
        created: r.created,
        createdBy: (diffId) => `/bin/sh -c #(nop) ADD file:${diffId.slice('sha256:'.length)} in / `,
        layer: ubuntuRootfs(r),
      },
      nop(r.created, 'CMD ["/bin/bash"]'),
    ],
    config: {
      Env: [`PATH=${DEFAULT_PATH}`],
      Cmd: ['/bin/bash'],
      Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': r.version },
    },
    annotations: hubAnnotations('ubuntu', `${r.codename}-${r.serial}`, r.created, p.bashbrew),
  });
}
