// alpine: the 7.8 MB distribution most small images start FROM.
//
// The image is one layer — Alpine's "minirootfs" tarball, added to `scratch` by
// `ADD alpine-minirootfs-3.21.3-x86_64.tar.gz /` — plus `CMD ["/bin/sh"]`. Inside: musl libc,
// BusyBox (its applets are symlinks to /bin/busybox), apk-tools, OpenSSL's libraries, CA
// certificates and the files that say which Alpine this is (/etc/alpine-release, /etc/os-release).
// nginx:alpine and node:alpine start from exactly this layer: same bytes, same digest.
import type { ImageDefinition, LayerRecipe } from './assemble';
import { alpineAppletDirs } from './busybox-applets';
import { DEFAULT_PATH, epochOf, hubAnnotations, step } from './history';
import type { TargetPlatform } from './platforms';
import { FileTree } from './tree';

export interface AlpineRelease {
  /** `3.21` */
  branch: string;
  /** `3.21.3` */
  version: string;
  created: string;
  busybox: string;
  /** Content size of the real image, bytes (amd64). */
  realSize: number;
}

export const alpine321: AlpineRelease = {
  branch: '3.21',
  version: '3.21.3',
  created: '2025-02-14T03:28:36Z',
  busybox: '1.37.0',
  realSize: 7_834_000,
};
export const alpine320: AlpineRelease = {
  branch: '3.20',
  version: '3.20.6',
  created: '2025-02-14T03:28:36Z',
  busybox: '1.36.1',
  realSize: 7_799_000,
};
export const alpine319: AlpineRelease = {
  branch: '3.19',
  version: '3.19.7',
  created: '2025-02-14T03:28:36Z',
  busybox: '1.36.1',
  realSize: 7_378_000,
};

export const alpinePasswd = `root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
`;

export const alpineGroup = `root:x:0:root
bin:x:1:root,bin,daemon
daemon:x:2:root,bin,daemon
sys:x:3:root,bin
adm:x:4:root,daemon
tty:x:5:
disk:x:6:root
lp:x:7:lp
kmem:x:9:
wheel:x:10:root
floppy:x:11:root
mail:x:12:mail
news:x:13:news
uucp:x:14:uucp
cron:x:16:cron
console:x:17:
audio:x:18:
cdrom:x:19:
dialout:x:20:root
ftp:x:21:
sshd:x:22:
input:x:23:
tape:x:26:root
video:x:27:root
netdev:x:28:
kvm:x:34:kvm
games:x:35:
shadow:x:42:
www-data:x:82:
users:x:100:games
ntp:x:123:
abuild:x:300:
utmp:x:406:
ping:x:999:
nogroup:x:65533:
nobody:x:65534:
`;

function shadowOf(passwd: string): string {
  return passwd
    .trim()
    .split('\n')
    .map((line) => `${line.split(':')[0]}:${line.startsWith('root:') ? '*' : '!'}::0:::::`)
    .join('\n')
    .concat('\n');
}

export function alpineOsRelease(r: AlpineRelease): string {
  return `NAME="Alpine Linux"
ID=alpine
VERSION_ID=${r.version}
PRETTY_NAME="Alpine Linux v${r.branch}"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;
}

// Our own short login profile: the PATH and prompt a login shell gets.
const profile = `# /etc/profile: read by login shells
export PATH="${DEFAULT_PATH}"
export PAGER=less
umask 022
PS1='\\h:\\w\\$ '
for script in /etc/profile.d/*.sh ; do
	if [ -r "$script" ] ; then
		. "$script"
	fi
done
unset script
`;

/** A PEM bundle stand-in: the shape of /etc/ssl/certs/ca-certificates.crt, not real certificates. */
function pemStandIn(label: string): string {
  return `# ${label}\n-----BEGIN CERTIFICATE-----\nMIIBdockyardstandinCERTIFICATEnotforuse0123456789abcdefghijklmnopq\n-----END CERTIFICATE-----\n`;
}

function rootfsEntries(r: AlpineRelease, p: TargetPlatform) {
  const t = new FileTree(p, epochOf(r.created));
  const musl = `ld-musl-${p.uname}.so.1`;
  for (const d of [
    'dev',
    'home',
    'media/cdrom',
    'media/floppy',
    'media/usb',
    'mnt',
    'opt',
    'proc',
    'run',
    'srv',
    'sys',
  ])
    t.dir(d);
  for (const d of [
    'etc/apk/keys',
    'etc/apk/protected_paths.d',
    'etc/conf.d',
    'etc/crontabs',
    'etc/init.d',
    'etc/modprobe.d',
  ])
    t.dir(d);
  for (const d of [
    'etc/network/if-up.d',
    'etc/opt',
    'etc/periodic/daily',
    'etc/profile.d',
    'etc/sysctl.d',
    'lib/apk/db',
  ])
    t.dir(d);
  for (const d of ['usr/local/bin', 'usr/local/lib', 'usr/local/share', 'usr/share/apk', 'var/cache/apk', 'var/empty'])
    t.dir(d);
  for (const d of ['var/lib/misc', 'var/local', 'var/log', 'var/mail', 'var/opt', 'var/spool/cron']) t.dir(d);
  t.dir('root', { mode: 0o700 }).dir('tmp', { mode: 0o1777 }).dir('var/tmp', { mode: 0o1777 });
  t.symlink('var/run', '../run').symlink('var/lock', '../run/lock').symlink('var/spool/cron/crontabs', '/etc/crontabs');
  // Release identity.
  t.text('etc/alpine-release', `${r.version}\n`);
  t.text('usr/lib/os-release', alpineOsRelease(r)).symlink('etc/os-release', '../usr/lib/os-release');
  t.text('etc/issue', `Welcome to Alpine Linux ${r.branch}\nKernel \\r on an \\m (\\l)\n\n`);
  // Users, shells, system configuration.
  t.text('etc/passwd', alpinePasswd).text('etc/group', alpineGroup);
  t.text('etc/shadow', shadowOf(alpinePasswd), { mode: 0o640, gid: 42 });
  t.text('etc/shells', '# valid login shells\n/bin/sh\n/bin/ash\n');
  t.text('etc/profile', profile);
  t.text(
    'etc/fstab',
    '/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0\n',
  );
  t.text('etc/apk/arch', `${p.uname}\n`);
  t.text('etc/apk/world', 'alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nca-certificates-bundle\nlibc-utils\n');
  t.text(
    'etc/apk/repositories',
    `https://dl-cdn.alpinelinux.org/alpine/v${r.branch}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v${r.branch}/community\n`,
  );
  t.text('etc/ssl/certs/ca-certificates.crt', pemStandIn('Mozilla CA bundle (stand-in)'));
  // BusyBox and its applets (absolute symlinks, as `busybox --install -s` makes them).
  t.program('bin/busybox', 'busybox', 818_000);
  for (const [dir, applets] of Object.entries(alpineAppletDirs)) {
    for (const a of applets) t.symlink(`${dir}/${a}`, '/bin/busybox');
  }
  // musl: the C library is also the dynamic loader.
  t.library(`lib/${musl}`, musl, 661_000);
  t.symlink(`lib/libc.musl-${p.uname}.so.1`, musl);
  t.text('usr/bin/ldd', `#!/bin/sh\nexec /lib/${musl} --list "$@"\n`, { mode: 0o755 });
  t.program('usr/bin/getconf', 'getconf', 38_000)
    .program('usr/bin/getent', 'getent', 50_000)
    .program('usr/bin/iconv', 'iconv', 24_000);
  // apk-tools, OpenSSL, zlib, scanelf, ssl_client.
  t.program('sbin/apk', 'apk', 70_000).library('lib/libapk.so.2.14.0', 'libapk.so.2.14.0', 177_000);
  t.library('lib/libcrypto.so.3', 'libcrypto.so.3', 4_722_000).library('lib/libssl.so.3', 'libssl.so.3', 798_000);
  t.library('lib/libz.so.1.3.1', 'libz.so.1', 103_000).symlink('lib/libz.so.1', 'libz.so.1.3.1');
  t.program('usr/bin/scanelf', 'scanelf', 66_000).program('usr/bin/ssl_client', 'ssl_client', 14_000);
  return t.entries(Math.round(r.realSize / 1000));
}

/** The minirootfs layer of an Alpine release: the base layer shared by every `-alpine` image. */
export function alpineRootfs(r: AlpineRelease): LayerRecipe {
  return { key: `alpine-minirootfs-${r.version}`, entries: (p) => rootfsEntries(r, p) };
}

/** The steps of `alpine:<branch>`, which `-alpine` variants start with. */
export function alpineSteps(r: AlpineRelease, p: TargetPlatform) {
  return [
    step.add(r.created, `alpine-minirootfs-${r.version}-${p.uname}.tar.gz /`, alpineRootfs(r)),
    step.cmd(r.created, ['/bin/sh']),
  ];
}

export function alpineImage(r: AlpineRelease): (p: TargetPlatform) => ImageDefinition {
  return (p) => ({
    created: r.created,
    steps: alpineSteps(r, p),
    config: { Env: [`PATH=${DEFAULT_PATH}`], Cmd: ['/bin/sh'], WorkingDir: '/', ArgsEscaped: true },
    annotations: hubAnnotations('alpine', r.version, r.created, p.bashbrew),
  });
}
