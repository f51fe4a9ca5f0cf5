// What the package managers of the official images list as installed: Debian's short descriptions
// of bookworm's base packages (what `dpkg -l` prints beside each name), and the packages each image's
// RUN steps add — real names and versions (Debian 12.9 and Alpine 3.21, February 2025), limited to
// packages whose files the miniature images actually carry. See ./package-db.ts for the formats.
import type { ApkPackage, DebPackage } from './package-db';

export const BOOKWORM_SUMMARIES: Readonly<Record<string, string>> = {
  adduser: 'add and remove users and groups',
  apt: 'commandline package manager',
  'base-files': 'Debian base system miscellaneous files',
  'base-passwd': 'Debian base system master password and group files',
  bash: 'GNU Bourne Again SHell',
  bsdutils: 'basic utilities from 4.4BSD-Lite',
  coreutils: 'GNU core utilities',
  dash: 'POSIX-compliant shell',
  debconf: 'Debian configuration management system',
  'debian-archive-keyring': 'GnuPG archive keys of the Debian archive',
  debianutils: 'Miscellaneous utilities specific to Debian',
  diffutils: 'File comparison utilities',
  dpkg: 'Debian package management system',
  e2fsprogs: 'ext2/ext3/ext4 file system utilities',
  findutils: 'utilities for finding files--find, xargs',
  'gcc-12-base': 'GCC, the GNU Compiler Collection (base package)',
  gpgv: 'GNU privacy guard - signature verification tool',
  grep: 'GNU grep, egrep and fgrep',
  gzip: 'GNU compression utilities',
  hostname: 'utility to set/show the host name or domain name',
  'init-system-helpers': 'helper tools for all init systems',
  libacl1: 'access control list - shared library',
  'libapt-pkg6.0': 'package management runtime library',
  libattr1: 'extended attribute handling - shared library',
  'libaudit-common': 'Dynamic library for security auditing - common files',
  libaudit1: 'Dynamic library for security auditing',
  libblkid1: 'block device ID library',
  'libbz2-1.0': 'high-quality block-sorting file compressor library - runtime',
  'libc-bin': 'GNU C Library: Binaries',
  libc6: 'GNU C Library: Shared libraries',
  'libcap-ng0': 'alternate POSIX capabilities library',
  libcap2: 'POSIX 1003.1e capabilities (library)',
  'libcom-err2': 'common error description library',
  libcrypt1: 'libcrypt shared library',
  'libdb5.3': 'Berkeley v5.3 Database Libraries [runtime]',
  libdebconfclient0: 'Debian Configuration Management System (C-implementation library)',
  libext2fs2: 'ext2/ext3/ext4 file system libraries',
  libffi8: 'Foreign Function Interface library runtime',
  'libgcc-s1': 'GCC support library',
  libgcrypt20: 'LGPL Crypto library - runtime library',
  libgmp10: 'Multiprecision arithmetic library',
  libgnutls30: 'GNU TLS library - main runtime library',
  'libgpg-error0': 'GnuPG development runtime library',
  libhogweed6: 'low level cryptographic library (public-key cryptos)',
  'libidn2-0': 'Internationalized domain names (IDNA2008/TR46) library',
  'liblz4-1': 'Fast LZ compression algorithm library - runtime',
  liblzma5: 'XZ-format compression library',
  libmd0: 'message digest functions from BSD systems - shared library',
  libmount1: 'device mounting library',
  libnettle8: 'low level cryptographic library (symmetric and one-way cryptos)',
  'libp11-kit0': 'library for loading and coordinating access to PKCS#11 modules - runtime',
  'libpam-modules': 'Pluggable Authentication Modules for PAM',
  'libpam-modules-bin': 'Pluggable Authentication Modules for PAM - helper binaries',
  'libpam-runtime': 'Runtime support for the PAM library',
  libpam0g: 'Pluggable Authentication Modules library',
  'libpcre2-8-0': 'New Perl Compatible Regular Expression Library- 8 bit runtime files',
  libseccomp2: 'high level interface to Linux seccomp filter',
  libselinux1: 'SELinux runtime shared libraries',
  'libsemanage-common': 'Common files for SELinux policy management libraries',
  libsemanage2: 'SELinux policy management library',
  libsepol2: 'SELinux library for manipulating binary security policies',
  libsmartcols1: 'smart column output alignment library',
  libss2: 'command-line interface parsing library',
  libssl3: 'Secure Sockets Layer toolkit - shared libraries',
  'libstdc++6': 'GNU Standard C++ Library v3',
  libsystemd0: 'systemd utility library',
  'libtasn1-6': 'Manage ASN.1 structures (runtime)',
  libtinfo6: 'shared low-level terminfo library for terminal handling',
  libudev1: 'libudev shared library',
  libunistring2: 'Unicode string library for C',
  libuuid1: 'Universally Unique ID library',
  libxxhash0: 'shared library for xxhash',
  libzstd1: 'fast lossless compression algorithm',
  login: 'system login tools',
  logsave: 'save the output of a command in a log file',
  mawk: 'Pattern scanning and text processing language',
  mount: 'tools for mounting and manipulating filesystems',
  'ncurses-base': 'basic terminal type definitions',
  'ncurses-bin': 'terminal-related programs and man pages',
  passwd: 'change and administer password and group data',
  'perl-base': 'minimal Perl system',
  sed: 'GNU stream editor for filtering/transforming text',
  'sysvinit-utils': 'System-V-like utilities',
  tar: 'GNU version of the tar archiving utility',
  tzdata: 'time zone and daylight-saving time data',
  'usr-is-merged': 'Transitional package to assert a merged-/usr system',
  'util-linux': 'miscellaneous system utilities',
  'util-linux-extra': 'interactive login tools',
  zlib1g: 'compression library - runtime',
};

type Row = readonly [name: string, version: string, summary: string, extra?: Partial<DebPackage>];

const deb = (rows: readonly Row[]): DebPackage[] =>
  rows.map(([name, version, summary, extra]) => ({ name, version, summary, ...extra }));

const same = { multiArch: 'same' } as const;
const foreign = { multiArch: 'foreign' } as const;
const caCertificates: Row = ['ca-certificates', '20230311', 'Common CA certificates', { all: true, ...foreign }];
const libxml2: Row = ['libxml2', '2.9.14+dfsg-1.3~deb12u1', 'GNOME XML library', same];
const libldap: Row = ['libldap-2.5-0', '2.5.13+dfsg-5', 'OpenLDAP libraries', same];

/** nginx:latest's RUN: nginx.org's packages, their dynamic modules and what those need. */
export const nginxBookwormPackages = (nginxVersion: string, njsVersion: string): DebPackage[] =>
  deb([
    ['nginx', `${nginxVersion}-1~bookworm`, 'high performance web server'],
    ['nginx-module-geoip', `${nginxVersion}-1~bookworm`, 'nginx GeoIP dynamic modules'],
    ['nginx-module-image-filter', `${nginxVersion}-1~bookworm`, 'nginx image filter dynamic module'],
    ['nginx-module-njs', `${nginxVersion}+${njsVersion}-1~bookworm`, 'nginx njs dynamic modules'],
    ['nginx-module-xslt', `${nginxVersion}-1~bookworm`, 'nginx xslt dynamic module'],
    ['gettext-base', '0.21-12', 'GNU Internationalization utilities for the base system', foreign],
    ['libgd3', '2.3.3-9', 'GD Graphics Library', same],
    libxml2,
    ['libxslt1.1', '1.1.35-1', 'XSLT 1.0 processing library - runtime library', same],
    ['libicu72', '72.1-3', 'International Components for Unicode', same],
    [
      'geoip-database',
      '20230203-1',
      'IP lookup command line tools that use the GeoIP library (country database)',
      { all: true },
    ],
    ['fonts-dejavu-core', '2.37-6', 'Vera font family derivate with additional characters', { all: true, ...foreign }],
  ]);

/** httpd:latest's first RUN: the runtime libraries of Apache httpd (itself built from source). */
export const httpdRuntimePackages = deb([
  caCertificates,
  ['libapr1', '1.7.2-3+deb12u1', 'Apache Portable Runtime Library', same],
  ['libaprutil1', '1.6.3-1', 'Apache Portable Runtime Utility Library', same],
  ['libaprutil1-ldap', '1.6.3-1', 'Apache Portable Runtime Utility Library - LDAP Driver', same],
  ['libexpat1', '2.5.0-1+deb12u1', 'XML parsing C library - runtime library', same],
  libldap,
  ['libldap-common', '2.5.13+dfsg-5', 'OpenLDAP common files for libraries', { all: true, ...foreign }],
  ['libsasl2-2', '2.1.28+dfsg-10', 'Cyrus SASL - authentication abstraction library', same],
  ['libsasl2-modules-db', '2.1.28+dfsg-10', 'Cyrus SASL - pluggable authentication modules (DB)', same],
  libxml2,
  ['openssl', '3.0.15-1~deb12u1', 'Secure Sockets Layer toolkit - cryptographic utility', foreign],
]);

/** buildpack-deps:bookworm-curl. */
export const buildpackCurlPackages = deb([
  caCertificates,
  ['curl', '7.88.1-10+deb12u8', 'command line tool for transferring data with URL syntax', foreign],
  ['libcurl4', '7.88.1-10+deb12u8', 'easy-to-use client-side URL transfer library (OpenSSL flavour)', same],
  ['wget', '1.21.3-1+b2', 'retrieves files from the web', foreign],
  ['gnupg', '2.2.40-1.1', 'GNU privacy guard - a free PGP replacement', { all: true }],
  ['gpg', '2.2.40-1.1', 'GNU Privacy Guard -- minimalist public key operations', foreign],
  ['sq', '0.27.0-2+b1', 'OpenPGP command-line tool from Sequoia', foreign],
  ['netbase', '6.4', 'Basic TCP/IP networking system', { all: true }],
  libldap,
]);

/** buildpack-deps:bookworm-scm (on top of -curl). */
export const buildpackScmPackages = deb([
  ['git', '1:2.39.5-0+deb12u2', 'fast, scalable, distributed revision control system', foreign],
  [
    'git-man',
    '1:2.39.5-0+deb12u2',
    'fast, scalable, distributed revision control system (manual pages)',
    { all: true },
  ],
  ['mercurial', '6.3.2-1+deb12u1', 'easy-to-use, scalable distributed version control system', foreign],
  ['openssh-client', '1:9.2p1-2+deb12u4', 'secure shell (SSH) client, for secure access to remote machines', foreign],
  ['subversion', '1.14.2-4+b2', 'Advanced version control system', foreign],
  ['libsvn1', '1.14.2-4+b2', 'Shared libraries used by Apache Subversion', same],
  ['procps', '2:4.0.2-3', '/proc file system utilities', foreign],
  ['perl', '5.36.0-7+deb12u1', "Larry Wall's Practical Extraction and Report Language", foreign],
  ['python3.11', '3.11.2-6+deb12u5', 'Interactive high-level object-oriented language (version 3.11)', foreign],
]);

/** buildpack-deps:bookworm (on top of -scm): compilers and headers. */
export const buildpackDevPackages = deb([
  ['autoconf', '2.71-3', 'automatic configure script builder', { all: true, ...foreign }],
  ['binutils', '2.40-2', 'GNU assembler, linker and binary utilities', foreign],
  ['g++', '4:12.2.0-3', 'GNU C++ compiler'],
  ['g++-12', '12.2.0-14', 'GNU C++ compiler'],
  ['gcc', '4:12.2.0-3', 'GNU C compiler'],
  ['gcc-12', '12.2.0-14', 'GNU C compiler'],
  ['libc6-dev', '2.36-9+deb12u9', 'GNU C Library: Development Libraries and Header Files', same],
  ['libicu72', '72.1-3', 'International Components for Unicode', same],
  ['libllvm14', '1:14.0.6-12', 'Modular compiler and toolchain technologies, runtime library', same],
  [
    'libmagickcore-6.q16-6',
    '8:6.9.11.60+dfsg-1.6+deb12u2',
    'low-level image manipulation library -- quantum depth Q16',
    same,
  ],
  ['libssl-dev', '3.0.15-1~deb12u1', 'Secure Sockets Layer toolkit - development files', same],
  ['make', '4.3-4.1', 'utility for directing compilation'],
  ['zlib1g-dev', '1:1.2.13.dfsg-1', 'compression library - development', same],
]);

/** python:3.12's first RUN (on buildpack-deps): Tk and Bluetooth headers for Python's build. */
export const pythonBookwormPackages = deb([
  ['libbluetooth3', '5.66-1+deb12u2', 'Library to use the BlueZ Linux Bluetooth stack', same],
  ['libbluetooth-dev', '5.66-1+deb12u2', 'Development files for using the BlueZ Linux Bluetooth library', same],
  ['libtk8.6', '8.6.13-2', 'Tk toolkit for Tcl and X11 v8.6 - run-time files', same],
  ['tk-dev', '8.6.13', 'Toolkit for Tcl and X11 (default version) - development files', same],
  ['tk8.6-dev', '8.6.13-2', 'Tk toolkit for Tcl and X11 v8.6 - development files', same],
]);

const nginxOrgApk = {
  url: 'https://nginx.org/',
  license: '2-clause BSD-like license',
};

/** nginx:alpine's first RUN: nginx.org's nginx package and the PCRE2 library it links. */
export const nginxAlpinePackages = (nginxVersion: string): ApkPackage[] => [
  {
    name: 'pcre2',
    version: '10.43-r0',
    summary: 'Perl-compatible regular expression library',
    url: 'https://pcre.org/',
    license: 'BSD-3-Clause',
    installedSize: 648_000,
    files: ['usr/lib/libpcre2-8.so.0.13.0'],
  },
  {
    name: 'nginx',
    version: `${nginxVersion}-r1`,
    summary: 'High performance web server',
    installedSize: 2_899_968,
    files: ['etc/nginx/nginx.conf', 'etc/nginx/mime.types', 'usr/sbin/nginx', 'usr/sbin/nginx-debug'],
    ...nginxOrgApk,
  },
];

/** nginx:alpine's second RUN: the dynamic modules, envsubst and time zones. */
export const nginxAlpineModulePackages = (nginxVersion: string, njsVersion: string): ApkPackage[] => [
  ...nginxAlpinePackages(nginxVersion),
  ...(
    [
      ['nginx-module-geoip', `${nginxVersion}-r1`, 'nginx GeoIP dynamic modules', 'ngx_http_geoip_module.so'],
      [
        'nginx-module-image-filter',
        `${nginxVersion}-r1`,
        'nginx image filter dynamic module',
        'ngx_http_image_filter_module.so',
      ],
      ['nginx-module-njs', `${nginxVersion}.${njsVersion}-r1`, 'nginx njs dynamic modules', 'ngx_http_js_module.so'],
      ['nginx-module-xslt', `${nginxVersion}-r1`, 'nginx xslt dynamic module', 'ngx_http_xslt_filter_module.so'],
    ] as const
  ).map(([name, version, summary, module]) => ({
    name,
    version,
    summary,
    installedSize: 200_704,
    depends: `nginx=${nginxVersion}-r1`,
    files: [`usr/lib/nginx/modules/${module}`],
    ...nginxOrgApk,
  })),
  {
    name: 'libxml2',
    version: '2.13.4-r5',
    summary: 'XML parsing library, version 2',
    url: 'https://gitlab.gnome.org/GNOME/libxml2',
    license: 'MIT',
    installedSize: 1_318_912,
    files: ['usr/lib/libxml2.so.2.13.4'],
  },
  {
    name: 'libgd',
    version: '2.3.3-r9',
    summary: 'Library for the dynamic creation of images by programmers',
    url: 'https://libgd.github.io/',
    license: 'GD',
    installedSize: 405_504,
    files: ['usr/lib/libgd.so.3.0.11'],
  },
  {
    name: 'gettext-envsubst',
    version: '0.22.5-r0',
    summary: 'GNU gettext envsubst binary',
    url: 'https://www.gnu.org/software/gettext/gettext.html',
    license: 'GPL-3.0-or-later AND LGPL-2.1-or-later AND MIT',
    installedSize: 36_864,
    files: ['usr/bin/envsubst'],
  },
  {
    name: 'tzdata',
    version: '2025a-r0',
    summary: 'Timezone data',
    url: 'https://www.iana.org/time-zones',
    license: 'Public-Domain',
    installedSize: 1_500_000,
    noarch: true,
  },
];
