// busybox: BusyBox alone on `scratch` — one program, many names. `busybox:latest` is the glibc
// build: /bin/busybox plus the glibc libraries it loads, and every applet as a *hard link* to
// /bin/busybox in /bin (the image is made with `busybox --install /bin`), so `ls -li /bin` shows
// one inode with hundreds of names. Compare alpine, where the applets are symbolic links.
import type { ImageDefinition, LayerRecipe } from './assemble';
import { busyboxImageApplets } from './busybox-applets';
import { DEFAULT_PATH, epochOf, hubAnnotations, step } from './history';
import type { TargetPlatform } from './platforms';
import { FileTree } from './tree';

export const busyboxVersion = '1.37.0';
const created = '2024-09-26T21:31:42Z';

const passwd = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`;

const group = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
kmem:x:9:
wheel:x:10:root
cdrom:x:11:
dialout:x:18:
floppy:x:19:
video:x:28:
audio:x:29:
tape:x:32:
www-data:x:33:
operator:x:37:
utmp:x:43:
plugdev:x:46:
staff:x:50:
lock:x:54:
netdev:x:82:
users:x:100:
nobody:x:65534:
`;

function rootfs(p: TargetPlatform) {
  const t = new FileTree(p, epochOf(created));
  t.dir('dev').dir('home').dir('root', { mode: 0o700 }).dir('tmp', { mode: 0o1777 }).dir('usr/sbin');
  t.dir('var/spool/mail').dir('var/www');
  t.text('etc/passwd', passwd).text('etc/group', group);
  t.text('etc/shadow', 'root:*:10933:0:99999:7:::\ndaemon:*:10933:0:99999:7:::\nnobody:*:10933:0:99999:7:::\n', {
    mode: 0o640,
  });
  t.text(
    'etc/nsswitch.conf',
    'hosts:\t\tfiles dns\nnetworks:\tfiles\npasswd:\t\tfiles\ngroup:\t\tfiles\nshadow:\t\tfiles\n',
  );
  t.program('bin/busybox', 'busybox', 1_160_000);
  for (const applet of busyboxImageApplets) t.hardlink(`bin/${applet}`, 'bin/busybox');
  t.library(`lib/${p.glibcLoader}`, p.glibcLoader, 240_000);
  t.library('lib/libc.so.6', 'libc.so.6', 2_030_000).library('lib/libm.so.6', 'libm.so.6', 700_000);
  t.library('lib/libresolv.so.2', 'libresolv.so.2', 68_000);
  t.library('lib/libnss_files.so.2', 'libnss_files.so.2', 15_000).library(
    'lib/libnss_dns.so.2',
    'libnss_dns.so.2',
    15_000,
  );
  if (p.arch === 'amd64') t.symlink('lib64', 'lib');
  return t.entries(4_261);
}

const rootfsLayer: LayerRecipe = { key: `busybox-${busyboxVersion}-glibc`, entries: rootfs };

export function busyboxImage(p: TargetPlatform): ImageDefinition {
  return {
    created,
    steps: [step.add(created, 'busybox.tar.xz /', rootfsLayer), step.cmd(created, ['sh'])],
    config: { Env: [`PATH=${DEFAULT_PATH}`], Cmd: ['sh'], WorkingDir: '/', ArgsEscaped: true },
    annotations: hubAnnotations('busybox', `${busyboxVersion}-glibc`, created, p.bashbrew),
  };
}
