// The GNU userland Debian and Ubuntu share: separate programs for each tool (coreutils, bash, dash,
// grep, sed, tar, findutils, util-linux), glibc in the multiarch library directory, apt and dpkg.
// Unlike BusyBox, `/usr/bin/ls` and `/usr/bin/cat` are different files, each its own program.
// Both distributions are "merged /usr": `/bin`, `/sbin` and `/lib` are symlinks into `/usr`.
import type { TargetPlatform } from './platforms';
import type { FileTree } from './tree';

// [program, real size in bytes] for /usr/bin, roughly as in bookworm/noble on amd64.
const usrBin: readonly (readonly [string, number])[] = [
  ['bash', 1_265_000],
  ['dash', 125_000],
  ['cat', 44_000],
  ['chgrp', 68_000],
  ['chmod', 64_000],
  ['chown', 72_000],
  ['cp', 151_000],
  ['date', 109_000],
  ['dd', 76_000],
  ['df', 97_000],
  ['dirname', 35_000],
  ['basename', 35_000],
  ['du', 101_000],
  ['echo', 35_000],
  ['env', 48_000],
  ['expr', 48_000],
  ['false', 27_000],
  ['head', 44_000],
  ['hostname', 22_000],
  ['id', 48_000],
  ['kill', 31_000],
  ['ln', 68_000],
  ['ls', 151_000],
  ['mkdir', 72_000],
  ['mktemp', 44_000],
  ['mv', 139_000],
  ['nproc', 35_000],
  ['printenv', 35_000],
  ['printf', 52_000],
  ['pwd', 35_000],
  ['readlink', 44_000],
  ['realpath', 44_000],
  ['rm', 72_000],
  ['rmdir', 44_000],
  ['seq', 48_000],
  ['sleep', 35_000],
  ['sort', 118_000],
  ['stat', 88_000],
  ['tail', 64_000],
  ['tee', 40_000],
  ['test', 48_000],
  ['touch', 97_000],
  ['tr', 48_000],
  ['true', 27_000],
  ['uname', 35_000],
  ['uniq', 44_000],
  ['wc', 48_000],
  ['whoami', 35_000],
  ['xargs', 64_000],
  ['yes', 35_000],
  ['cut', 48_000],
  ['find', 224_000],
  ['grep', 203_000],
  ['sed', 121_000],
  ['gzip', 98_000],
  ['tar', 531_000],
  ['mount', 59_000],
  ['umount', 39_000],
  ['su', 72_000],
  ['login', 60_000],
  ['apt', 19_000],
  ['apt-get', 27_000],
  ['apt-cache', 31_000],
  ['dpkg', 319_000],
  ['dpkg-query', 160_000],
  ['perl', 3_900_000],
  ['getent', 36_000],
  ['ldd', 0],
];

const usrSbin: readonly (readonly [string, number])[] = [
  ['useradd', 150_000],
  ['groupadd', 90_000],
  ['usermod', 140_000],
  ['nologin', 15_000],
  ['ldconfig', 1_000_000],
];

/** Programs, libraries and the /bin → usr/bin style symlinks of a Debian-family root filesystem. */
export function addGnuUserland(t: FileTree, p: TargetPlatform): void {
  t.symlink('bin', 'usr/bin').symlink('sbin', 'usr/sbin').symlink('lib', 'usr/lib');
  if (p.arch === 'amd64') t.symlink('lib64', 'usr/lib64');
  for (const [name, size] of usrBin) {
    if (name === 'ldd')
      t.text(
        'usr/bin/ldd',
        `#!/bin/bash\n# Print shared object dependencies.\nexec /lib/${p.glibcLoader} --list "$@"\n`,
        { mode: 0o755 },
      );
    else t.program(`usr/bin/${name}`, name, size);
  }
  t.symlink('usr/bin/sh', 'dash').symlink('usr/bin/[', 'test').symlink('usr/bin/rbash', 'bash');
  t.symlink('usr/bin/egrep', 'grep').symlink('usr/bin/fgrep', 'grep').symlink('usr/bin/zcat', 'gzip');
  for (const [name, size] of usrSbin) t.program(`usr/sbin/${name}`, name, size);
  const lib = `usr/lib/${p.triplet}`;
  t.library(`${lib}/libc.so.6`, 'libc.so.6', 1_922_000).library(`${lib}/libm.so.6`, 'libm.so.6', 907_000);
  t.library(`${lib}/${p.glibcLoader}`, p.glibcLoader, 210_000);
  if (p.arch === 'amd64') t.symlink(`usr/lib64/${p.glibcLoader}`, `../lib/${p.triplet}/${p.glibcLoader}`);
  else t.symlink(`usr/lib/${p.glibcLoader}`, `${p.triplet}/${p.glibcLoader}`);
  t.library(`${lib}/libstdc++.so.6.0.30`, 'libstdc++.so.6', 2_260_000).symlink(
    `${lib}/libstdc++.so.6`,
    'libstdc++.so.6.0.30',
  );
  t.library(`${lib}/libapt-pkg.so.6.0.0`, 'libapt-pkg.so.6.0', 2_400_000);
  t.library(`${lib}/libsystemd.so.0.35.0`, 'libsystemd.so.0', 900_000);
  t.library(`${lib}/libgnutls.so.30.34.3`, 'libgnutls.so.30', 2_050_000);
  t.library(`${lib}/libdb-5.3.so`, 'libdb-5.3.so', 1_800_000);
  t.library(`${lib}/libzstd.so.1.5.4`, 'libzstd.so.1', 800_000).library(`${lib}/libz.so.1.2.13`, 'libz.so.1', 121_000);
  t.library(`${lib}/libp11-kit.so.0.3.0`, 'libp11-kit.so.0', 1_300_000).library(
    `${lib}/libunistring.so.2.2.0`,
    'libunistring.so.2',
    1_800_000,
  );
  t.library(`${lib}/libcrypto.so.3`, 'libcrypto.so.3', 4_700_000).library(`${lib}/libssl.so.3`, 'libssl.so.3', 690_000);
  t.library(`${lib}/libtinfo.so.6.4`, 'libtinfo.so.6', 200_000).library(
    `${lib}/libselinux.so.1`,
    'libselinux.so.1',
    170_000,
  );
  t.data('usr/lib/locale/C.utf8/LC_CTYPE', 350_000);
  t.data('usr/share/zoneinfo/zone1970.tab.gz', 300_000);
  t.data('var/lib/dpkg/status-old.gz', 100_000);
  t.data(`${lib}/perl-base/unicore/Name.pl.gz`, 1_600_000);
  t.data(`${lib}/gconv/gconv-modules.cache`, 27_000);
}

/** Compressed documentation, manual pages and translations: what the "-slim" variants leave out. */
export function addDocs(t: FileTree, realSize: number): void {
  const parts: readonly (readonly [string, number])[] = [
    ['usr/share/doc/bash/changelog.Debian.gz', 0.04],
    ['usr/share/doc/coreutils/changelog.Debian.gz', 0.03],
    ['usr/share/man/man1/bash.1.gz', 0.05],
    ['usr/share/man/man1/ls.1.gz', 0.02],
    ['usr/share/locale/de/LC_MESSAGES/coreutils.mo', 0.2],
    ['usr/share/locale/fr/LC_MESSAGES/coreutils.mo', 0.2],
    ['usr/share/locale/es/LC_MESSAGES/coreutils.mo', 0.2],
    ['usr/share/info/coreutils.info.gz', 0.26],
  ];
  for (const [path, share] of parts) t.data(path, Math.round(realSize * share));
}

/** /etc/shells of a Debian-family system. */
export const debianShells = `# /etc/shells: valid login shells
/bin/sh
/usr/bin/sh
/bin/bash
/usr/bin/bash
/bin/rbash
/usr/bin/rbash
/bin/dash
/usr/bin/dash
`;

/** Our own short /root/.bashrc: a prompt and colour for ls. */
export const rootBashrc = `# ~/.bashrc: read by interactive bash shells
PS1='\${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '
export LS_OPTIONS='--color=auto'
alias ls='ls $LS_OPTIONS'
`;

export const rootProfile = `# ~/.profile: read by login shells
if [ "$BASH" ] && [ -f ~/.bashrc ]; then
  . ~/.bashrc
fi
mesg n 2> /dev/null || true
`;
