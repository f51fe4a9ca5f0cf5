// A slice of Alpine's package repositories (main and community) for 3.19, 3.20 and 3.21, as they
// stood in February 2025: the packages people `apk add` in Dockerfiles, with their real names,
// versions and (abridged) dependencies. Dependencies are listed in the order the APKINDEX gives
// them, which is the order apk installs them in: `apk add curl` on 3.21 installs brotli-libs,
// c-ares, libunistring, libidn2, nghttp2-libs, libpsl, zstd-libs, libcurl, then curl.
import { f, pkg, PackageIndex, type PackageFile, type PackageSpec } from './model';

type Branch = '3.19' | '3.20' | '3.21';
const BRANCHES: readonly Branch[] = ['3.19', '3.20', '3.21'];

// name | version (or "3.19 ; 3.20 ; 3.21" versions) | summary | url | license | size | installed size
//      | depends | files | flags (noarch, trigger, provides=…)
// Files: bin:path:size[:program], lib:path:soname:size, data:path:size, link:path>target,
// text:path (contents below); {minor} is the branch's Python minor version.
const TABLE = `
brotli-libs | 1.1.0-r1 ; 1.1.0-r2 ; 1.1.0-r2 | Generic lossless compressor (libraries) | https://github.com/google/brotli | MIT | 339000 | 735000 | - | lib:usr/lib/libbrotlicommon.so.1.1.0:libbrotlicommon.so.1:140000, lib:usr/lib/libbrotlidec.so.1.1.0:libbrotlidec.so.1:60000 | -
c-ares | 1.27.0-r0 ; 1.33.1-r0 ; 1.34.5-r0 | Asynchronous DNS/names resolver library | https://c-ares.org/ | MIT | 91000 | 195000 | - | lib:usr/lib/libcares.so.2.19.1:libcares.so.2:190000 | -
libunistring | 1.1-r2 ; 1.2-r0 ; 1.2-r0 | Library for manipulating Unicode strings and C strings | https://www.gnu.org/software/libunistring/ | GPL-2.0-or-later OR LGPL-3.0-or-later | 536000 | 1721000 | - | lib:usr/lib/libunistring.so.5.1.0:libunistring.so.5:1700000 | -
libidn2 | 2.3.4-r4 ; 2.3.7-r0 ; 2.3.7-r0 | Encode/Decode library for internationalized domain names | https://www.gnu.org/software/libidn#libidn2 | GPL-2.0-or-later OR LGPL-3.0-or-later | 72000 | 176000 | libunistring | lib:usr/lib/libidn2.so.0.4.0:libidn2.so.0:170000 | -
nghttp2-libs | 1.58.0-r0 ; 1.62.1-r0 ; 1.64.0-r0 | Experimental HTTP/2 client, server and proxy (libraries) | https://nghttp2.org | MIT | 74000 | 166000 | - | lib:usr/lib/libnghttp2.so.14.28.3:libnghttp2.so.14:160000 | -
libpsl | 0.21.5-r0 ; 0.21.5-r1 ; 0.21.5-r3 | C library for the Publix Suffix List | https://rockdaboot.github.io/libpsl | MIT | 76000 | 136000 | libidn2, libunistring | lib:usr/lib/libpsl.so.5.3.5:libpsl.so.5:130000 | -
zstd-libs | 1.5.5-r8 ; 1.5.6-r0 ; 1.5.6-r2 | Zstandard - Fast real-time compression algorithm (libraries) | https://www.zstd.net | BSD-3-Clause OR GPL-2.0-or-later | 260000 | 604000 | - | lib:usr/lib/libzstd.so.1.5.6:libzstd.so.1:600000 | -
libcurl | 8.12.1-r0 ; 8.12.1-r0 ; 8.12.1-r1 | The multiprotocol file transfer library | https://curl.se/ | curl | 388000 | 701000 | ca-certificates-bundle, brotli-libs, c-ares, libidn2, nghttp2-libs, libpsl, zstd-libs | lib:usr/lib/libcurl.so.4.8.0:libcurl.so.4:700000, link:usr/lib/libcurl.so.4>libcurl.so.4.8.0 | -
curl | 8.12.1-r0 ; 8.12.1-r0 ; 8.12.1-r1 | URL retrival utility and library | https://curl.se/ | curl | 265000 | 250000 | ca-certificates-bundle, libcurl | bin:usr/bin/curl:250000 | -
ca-certificates | 20241121-r0 ; 20241121-r0 ; 20241121-r1 | Common CA certificates PEM files from Mozilla | https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/ | MPL-2.0 AND MIT | 392000 | 683000 | - | data:usr/share/ca-certificates/mozilla/certs.tar:650000, bin:usr/sbin/update-ca-certificates:30000, dir:etc/ca-certificates/update.d | trigger
pcre2 | 10.42-r2 ; 10.43-r0 ; 10.43-r0 | Perl-compatible regular expression library | https://pcre.org/ | BSD-3-Clause | 255000 | 648000 | - | lib:usr/lib/libpcre2-8.so.0.12.0:libpcre2-8.so.0:640000 | -
wget | 1.21.4-r0 ; 1.24.5-r0 ; 1.25.0-r0 | Network utility to retrieve files from the Web | https://www.gnu.org/software/wget/wget.html | GPL-3.0-or-later WITH OpenSSL-Exception | 156000 | 430000 | libidn2, libunistring, pcre2, zlib | bin:usr/bin/wget:430000 | -
ncurses-terminfo-base | 6.4_p20231125-r0 ; 6.4_p20240420-r2 ; 6.5_p20241006-r3 | Descriptions of common terminals | https://invisible-island.net/ncurses/ | X11 | 21000 | 42000 | - | data:etc/terminfo/x/xterm:3800, data:etc/terminfo/v/vt100:1200 | -
libncursesw | 6.4_p20231125-r0 ; 6.4_p20240420-r2 ; 6.5_p20241006-r3 | Console display library (libncursesw) | https://invisible-island.net/ncurses/ | X11 | 147000 | 354000 | ncurses-terminfo-base | lib:usr/lib/libncursesw.so.6.5:libncursesw.so.6:350000 | -
libpanelw | 6.4_p20231125-r0 ; 6.4_p20240420-r2 ; 6.5_p20241006-r3 | Console display library (libpanelw) | https://invisible-island.net/ncurses/ | X11 | 6000 | 18000 | libncursesw | lib:usr/lib/libpanelw.so.6.5:libpanelw.so.6:18000 | -
readline | 8.2.1-r2 ; 8.2.10-r0 ; 8.2.13-r0 | GNU readline library | https://tiswww.cwru.edu/php/chet/readline/rltop.html | GPL-3.0-or-later | 116000 | 274000 | libncursesw | lib:usr/lib/libreadline.so.8.2:libreadline.so.8:270000 | -
bash | 5.2.21-r0 ; 5.2.26-r0 ; 5.2.37-r0 | The GNU Bourne Again shell | https://www.gnu.org/software/bash/bash.html | GPL-3.0-or-later | 449000 | 1219000 | readline, libncursesw | bin:bin/bash:1200000, text:etc/bash/bashrc | -
expat | 2.6.4-r0 | XML Parser library written in C | https://libexpat.github.io/ | MIT | 84000 | 185000 | - | lib:usr/lib/libexpat.so.1.9.3:libexpat.so.1:180000 | -
git | 2.43.6-r0 ; 2.45.3-r0 ; 2.47.2-r0 | Distributed version control system | https://www.git-scm.com/ | GPL-2.0-or-later | 6700000 | 16000000 | libcurl, expat, pcre2, zlib | bin:usr/bin/git:3500000, bin:usr/libexec/git-core/git-remote-http:1700000, data:usr/share/git-core/templates/description:73 | -
oniguruma | 6.9.9-r0 | a regular expressions library | https://github.com/kkos/oniguruma | BSD-2-Clause | 190000 | 540000 | - | lib:usr/lib/libonig.so.5.4.0:libonig.so.5:530000 | -
jq | 1.7.1-r0 | A lightweight and flexible command-line JSON processor | https://jqlang.github.io/jq/ | MIT | 301000 | 707000 | oniguruma | bin:usr/bin/jq:700000 | -
libmagic | 5.45-r1 ; 5.45-r1 ; 5.46-r2 | File type identification library | https://www.darwinsys.com/file | BSD-2-Clause | 7900000 | 9900000 | - | lib:usr/lib/libmagic.so.1.0.0:libmagic.so.1:160000, data:usr/share/misc/magic.mgc:9700000 | -
file | 5.45-r1 ; 5.45-r1 ; 5.46-r2 | File type identification utility | https://www.darwinsys.com/file | BSD-2-Clause | 24000 | 26000 | libmagic | bin:usr/bin/file:26000 | -
nano | 7.2-r1 ; 8.0-r0 ; 8.2-r0 | Enhanced clone of the Pico text editor | https://www.nano-editor.org/ | GPL-3.0-or-later | 293000 | 689000 | libmagic, libncursesw | bin:usr/bin/nano:680000 | -
xxd | 9.0.2127-r0 ; 9.1.0414-r0 ; 9.1.1105-r0 | Hexdump utility from vim | https://www.vim.org/ | Vim | 20000 | 20000 | - | bin:usr/bin/xxd:20000 | -
vim-common | 9.0.2127-r0 ; 9.1.0414-r0 ; 9.1.1105-r0 | Vim common files | https://www.vim.org/ | Vim | 6300000 | 23000000 | - | data:usr/share/vim/vim91/defaults.vim:6000, data:usr/share/vim/vim91/syntax.tar:23000000 | noarch
vim | 9.0.2127-r0 ; 9.1.0414-r0 ; 9.1.1105-r0 | Improved vi-style text editor | https://www.vim.org/ | Vim | 1500000 | 3300000 | xxd, vim-common, libncursesw | bin:usr/bin/vim:3300000, link:usr/bin/vimdiff>vim | -
tzdata | 2025a-r0 | Timezone data | https://www.iana.org/time-zones | Public-Domain | 442000 | 1500000 | - | data:usr/share/zoneinfo/UTC:114, data:usr/share/zoneinfo/Europe/Paris:2962, data:usr/share/zoneinfo/America/New_York:3552, data:usr/share/zoneinfo/zones.tar:1450000 | -
openssl | 3.1.8-r0 ; 3.3.3-r0 ; 3.3.3-r0 | Toolkit for Transport Layer Security (TLS) | https://www.openssl.org/ | Apache-2.0 | 359000 | 694000 | libcrypto3, libssl3 | bin:usr/bin/openssl:690000 | -
make | 4.4.1-r2 | GNU make utility to maintain groups of programs | https://www.gnu.org/software/make | GPL-3.0-or-later | 240000 | 273000 | - | bin:usr/bin/make:270000 | -
tree | 2.1.1-r0 ; 2.1.1-r0 ; 2.2.1-r0 | A recursive directory indented listing of files | https://oldmanprogrammer.net/source.php?dir=projects/tree | GPL-2.0-or-later | 45000 | 87000 | - | bin:usr/bin/tree:85000 | -
less | 643-r2 ; 643-r2 ; 668-r0 | File pager | https://www.greenwoodsoftware.com/less/ | GPL-3.0-or-later OR BSD-2-Clause | 134000 | 286000 | libncursesw | bin:usr/bin/less:280000 | -
htop | 3.2.2-r1 ; 3.3.0-r0 ; 3.3.0-r0 | Interactive process viewer | https://htop.dev/ | GPL-2.0-or-later | 130000 | 291000 | libncursesw | bin:usr/bin/htop:290000 | -
net-tools | 2.10-r3 | Linux networking base tools | https://sourceforge.net/projects/net-tools/ | GPL-2.0-or-later | 198000 | 442000 | - | bin:bin/netstat:150000, bin:sbin/ifconfig:80000, bin:sbin/route:70000 | -
libproc2 | 4.0.4-r0 ; 4.0.4-r0 ; 4.0.4-r2 | Library for monitoring system and processes | https://gitlab.com/procps-ng/procps | GPL-2.0-or-later AND LGPL-2.1-or-later | 56000 | 133000 | - | lib:usr/lib/libproc2.so.0.0.2:libproc2.so.0:130000 | -
procps-ng | 4.0.4-r0 ; 4.0.4-r0 ; 4.0.4-r2 | Utilities for monitoring your system and processes on your system | https://gitlab.com/procps-ng/procps | GPL-2.0-or-later AND LGPL-2.1-or-later | 362000 | 1114000 | libproc2, libncursesw | bin:bin/ps:140000, bin:usr/bin/top:130000, bin:usr/bin/free:20000, bin:usr/bin/pgrep:40000, bin:usr/bin/watch:30000 | provides=procps
libcap2 | 2.69-r1 ; 2.70-r0 ; 2.71-r0 | POSIX 1003.1e capabilities (libraries) | https://sites.google.com/site/fullycapable/ | BSD-3-Clause OR GPL-2.0-only | 21000 | 42000 | - | lib:usr/lib/libcap.so.2.71:libcap.so.2:40000 | -
iputils-ping | 20221126-r2 ; 20240117-r0 ; 20240905-r0 | A set of small useful utilities for Linux networking (ping) | https://github.com/iputils/iputils | BSD-3-Clause AND GPL-2.0-or-later | 20000 | 53000 | libcap2 | bin:bin/ping:52000 | -
iputils-tracepath | 20221126-r2 ; 20240117-r0 ; 20240905-r0 | A set of small useful utilities for Linux networking (tracepath) | https://github.com/iputils/iputils | BSD-3-Clause AND GPL-2.0-or-later | 9000 | 17000 | - | bin:usr/bin/tracepath:17000 | -
iputils-arping | 20221126-r2 ; 20240117-r0 ; 20240905-r0 | A set of small useful utilities for Linux networking (arping) | https://github.com/iputils/iputils | BSD-3-Clause AND GPL-2.0-or-later | 11000 | 25000 | libcap2 | bin:usr/sbin/arping:25000 | -
iputils | 20221126-r2 ; 20240117-r0 ; 20240905-r0 | A set of small useful utilities for Linux networking | https://github.com/iputils/iputils | BSD-3-Clause AND GPL-2.0-or-later | 1500 | 0 | iputils-arping, iputils-ping, iputils-tracepath | - | -
libbz2 | 1.0.8-r6 | Shared library for bz2 | https://sourceware.org/bzip2/ | bzip2-1.0.6 | 30000 | 72000 | - | lib:usr/lib/libbz2.so.1.0.8:libbz2.so.1:70000 | -
libffi | 3.4.4-r3 ; 3.4.6-r0 ; 3.4.6-r0 | portable, high level programming interface to various calling conventions. | https://sourceware.org/libffi/ | MIT | 14000 | 42000 | - | lib:usr/lib/libffi.so.8.1.4:libffi.so.8:40000 | -
gdbm | 1.23-r1 ; 1.23-r1 ; 1.24-r0 | GNU dbm is a set of database routines that use extensible hashing | https://www.gnu.org/software/gdbm/ | GPL-3.0-or-later | 21000 | 74000 | - | lib:usr/lib/libgdbm.so.6.0.0:libgdbm.so.6:72000 | -
xz-libs | 5.4.5-r1 ; 5.6.2-r0 ; 5.6.3-r0 | Library and CLI tools for XZ and LZMA compressed files (libraries) | https://tukaani.org/xz | 0BSD | 144000 | 274000 | - | lib:usr/lib/liblzma.so.5.6.3:liblzma.so.5:270000 | -
mpdecimal | 2.5.1-r2 ; 4.0.0-r0 ; 4.0.0-r0 | complete implementation of the arbitrary precision floating point standard | https://www.bytereef.org/mpdecimal/ | BSD-2-Clause | 94000 | 216000 | - | lib:usr/lib/libmpdec.so.4.0.0:libmpdec.so.4:210000 | -
sqlite-libs | 3.44.2-r0 ; 3.45.3-r1 ; 3.48.0-r0 | Sqlite3 library | https://www.sqlite.org/ | blessing | 666000 | 1453000 | - | lib:usr/lib/libsqlite3.so.3.48.0:libsqlite3.so.0:1450000 | -
python3 | 3.11.11-r0 ; 3.12.9-r0 ; 3.12.9-r0 | A high-level scripting language | https://www.python.org/ | PSF-2.0 | 13800000 | 50000000 | libbz2, libffi, gdbm, xz-libs, mpdecimal, libpanelw, readline, sqlite-libs | bin:usr/bin/python{minor}:14000, link:usr/bin/python3>python{minor}, lib:usr/lib/libpython{minor}.so.1.0:libpython{minor}.so.1.0:5000000, data:usr/lib/python{minor}/stdlib.tar:44000000 | provides=python3-dev-minimal
pyc | 3.11.11-r0 ; 3.12.9-r0 ; 3.12.9-r0 | Precompiled Python bytecode | https://www.python.org/ | PSF-2.0 | 1400 | 0 | - | - | noarch
python3-pyc | 3.11.11-r0 ; 3.12.9-r0 ; 3.12.9-r0 | A high-level scripting language (precompiled bytecode) | https://www.python.org/ | PSF-2.0 | 1400 | 0 | pyc, python3-pycache-pyc0 | - | noarch
python3-pycache-pyc0 | 3.11.11-r0 ; 3.12.9-r0 ; 3.12.9-r0 | A high-level scripting language (.pyc files) | https://www.python.org/ | PSF-2.0 | 2300000 | 8000000 | - | data:usr/lib/python3/__pycache__.tar:8000000 | noarch
py3-pip | 23.3.1-r0 ; 24.0-r2 ; 24.3.1-r0 | Tool for installing and managing Python packages | https://pip.pypa.io | MIT | 2800000 | 10000000 | python3 | text:usr/bin/pip3, link:usr/bin/pip>pip3 | noarch
libgcc | 13.2.1_git20231014-r0 ; 13.2.1_git20240309-r0 ; 14.2.0-r4 | GNU C compiler runtime libraries | https://gcc.gnu.org | GPL-2.0-or-later AND LGPL-2.1-or-later | 89000 | 174000 | - | lib:usr/lib/libgcc_s.so.1:libgcc_s.so.1:170000 | -
libstdc++ | 13.2.1_git20231014-r0 ; 13.2.1_git20240309-r0 ; 14.2.0-r4 | GNU C++ standard runtime library | https://gcc.gnu.org | GPL-2.0-or-later AND LGPL-2.1-or-later | 752000 | 2613000 | libgcc | lib:usr/lib/libstdc++.so.6.0.33:libstdc++.so.6:2600000 | -
icu-data-en | 74.1-r0 ; 74.2-r0 ; 74.2-r0 | Stripped down ICU data with only en_US/GB locale | https://icu.unicode.org/ | Unicode-3.0 | 8900000 | 9000000 | - | data:usr/share/icu/74.2/icudt74l.dat:9000000 | noarch provides=icu-data
icu-libs | 74.1-r0 ; 74.2-r0 ; 74.2-r0 | International Components for Unicode library (libraries) | https://icu.unicode.org/ | Unicode-3.0 | 1500000 | 4600000 | icu-data-en, libgcc, libstdc++ | lib:usr/lib/libicuuc.so.74.2:libicuuc.so.74:2000000, lib:usr/lib/libicui18n.so.74.2:libicui18n.so.74:2600000 | -
ada-libs | 2.7.4-r0 ; 2.7.8-r0 ; 2.9.2-r1 | WHATWG-compliant and fast URL parser written in modern C++ (libraries) | https://github.com/ada-url/ada | MIT OR Apache-2.0 | 71000 | 188000 | libstdc++ | lib:usr/lib/libada.so.2:libada.so.2:188000 | -
simdutf | 4.0.8-r0 ; 5.2.8-r0 ; 5.6.3-r0 | Unicode validation and transcoding at billions of characters per second | https://simdutf.github.io/simdutf/ | Apache-2.0 OR MIT | 116000 | 331000 | libstdc++ | lib:usr/lib/libsimdutf.so.18:libsimdutf.so.18:330000 | -
nodejs | 20.15.1-r0 ; 20.15.1-r0 ; 22.13.1-r0 | JavaScript runtime built on V8 engine - LTS version | https://nodejs.org/ | MIT | 11000000 | 42000000 | ca-certificates, ada-libs, brotli-libs, c-ares, icu-libs, libstdc++, nghttp2-libs, simdutf, libgcc | bin:usr/bin/node:42000000, data:usr/share/doc/nodejs/README.md:40000 | -
npm | 10.2.5-r0 ; 10.8.0-r0 ; 10.9.1-r0 | The package manager for JavaScript | https://docs.npmjs.com/cli/ | Artistic-2.0 | 1200000 | 8500000 | nodejs | text:usr/lib/node_modules/npm/package.json, text:usr/lib/node_modules/npm/bin/npm-cli.js, link:usr/bin/npm>../lib/node_modules/npm/bin/npm-cli.js, data:usr/lib/node_modules/npm/lib/npm-bundle.tgz:8400000 | noarch
binutils | 2.41-r1 ; 2.42-r0 ; 2.43.1-r1 | Tools necessary to build programs | https://www.gnu.org/software/binutils/ | GPL-2.0-or-later AND GPL-3.0-or-later AND LGPL-2.0-or-later | 4500000 | 9000000 | jansson, zlib, zstd-libs | bin:usr/bin/ld:1500000, bin:usr/bin/as:1400000, bin:usr/bin/objdump:600000 | -
jansson | 2.14-r4 | library for encoding, decoding and manipulating JSON data | https://www.digip.org/jansson/ | MIT | 21000 | 50000 | - | lib:usr/lib/libjansson.so.4.14.0:libjansson.so.4:50000 | -
gmp | 6.3.0-r0 ; 6.3.0-r1 ; 6.3.0-r2 | free library for arbitrary precision arithmetic | https://gmplib.org/ | LGPL-3.0-or-later OR GPL-2.0-or-later | 257000 | 434000 | - | lib:usr/lib/libgmp.so.10.5.0:libgmp.so.10:430000 | -
isl26 | 0.26-r1 | An Integer Set Library for the Polyhedral Model | https://libisl.sourceforge.io | MIT | 611000 | 1800000 | gmp | lib:usr/lib/libisl.so.23.3.0:libisl.so.23:1800000 | -
mpfr4 | 4.2.1-r0 ; 4.2.1-r0 ; 4.2.1-r1 | multiple-precision floating-point library | https://www.mpfr.org/ | LGPL-3.0-or-later | 284000 | 500000 | gmp | lib:usr/lib/libmpfr.so.6.2.1:libmpfr.so.6:500000 | -
mpc1 | 1.3.1-r1 | Multiprecision C library | https://www.multiprecision.org/ | LGPL-3.0-or-later | 48000 | 108000 | gmp, mpfr4 | lib:usr/lib/libmpc.so.3.3.1:libmpc.so.3:108000 | -
libgomp | 13.2.1_git20231014-r0 ; 13.2.1_git20240309-r0 ; 14.2.0-r4 | GCC shared-memory parallel programming API library | https://gcc.gnu.org | GPL-2.0-or-later AND LGPL-2.1-or-later | 124000 | 300000 | - | lib:usr/lib/libgomp.so.1.0.0:libgomp.so.1:300000 | -
libatomic | 13.2.1_git20231014-r0 ; 13.2.1_git20240309-r0 ; 14.2.0-r4 | GCC Atomic library | https://gcc.gnu.org | GPL-2.0-or-later AND LGPL-2.1-or-later | 9000 | 26000 | - | lib:usr/lib/libatomic.so.1.2.0:libatomic.so.1:26000 | -
gcc | 13.2.1_git20231014-r0 ; 13.2.1_git20240309-r0 ; 14.2.0-r4 | The GNU Compiler Collection | https://gcc.gnu.org | GPL-2.0-or-later AND LGPL-2.1-or-later | 29000000 | 100000000 | binutils, libgomp, libatomic, libgcc, gmp, isl26, mpc1, mpfr4, zlib, zstd-libs | bin:usr/bin/gcc:1000000, link:usr/bin/cc>gcc, bin:usr/libexec/gcc/cc1:30000000 | -
libstdc++-dev | 13.2.1_git20231014-r0 ; 13.2.1_git20240309-r0 ; 14.2.0-r4 | GNU C++ standard runtime library (development files) | https://gcc.gnu.org | GPL-2.0-or-later AND LGPL-2.1-or-later | 16000000 | 40000000 | libstdc++ | data:usr/include/c++/headers.tar:40000000 | -
g++ | 13.2.1_git20231014-r0 ; 13.2.1_git20240309-r0 ; 14.2.0-r4 | GNU C++ standard library and compiler | https://gcc.gnu.org | GPL-2.0-or-later AND LGPL-2.1-or-later | 14000000 | 60000000 | libstdc++, libstdc++-dev, gcc | bin:usr/bin/g++:1000000, link:usr/bin/c++>g++ | -
musl-dev | 1.2.4_git20230717-r5 ; 1.2.5-r1 ; 1.2.5-r9 | the musl C library (libc) implementation (development files) | https://musl.libc.org/ | MIT | 1100000 | 4100000 | - | data:usr/include/libc-headers.tar:4100000 | -
libc-dev | 0.7.2-r5 | Meta package to pull in correct libc | https://alpinelinux.org | BSD-2-Clause AND BSD-3-Clause | 1400 | 0 | musl-dev | - | -
fortify-headers | 1.1-r3 ; 1.1-r3 ; 1.1-r5 | standalone fortify source implementation | https://git.2f30.org/fortify-headers/ | 0BSD | 14000 | 101000 | - | data:usr/include/fortify/stdio.h:5000 | noarch
patch | 2.7.6-r10 | Utility to apply diffs to files | https://www.gnu.org/software/patch/patch.html | GPL-3.0-or-later | 100000 | 123000 | - | bin:usr/bin/patch:120000 | -
build-base | 0.5-r3 | Meta package for build base | https://alpinelinux.org | MIT | 1500 | 0 | binutils, file, gcc, g++, make, libc-dev, fortify-headers, patch | - | -
`;

const PIP_SCRIPT =
  '#!/usr/bin/python3\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom pip._internal.cli.main import main\nif __name__ == "__main__":\n    sys.exit(main())\n';

/** Contents of the `text:` files, by path. */
const TEXT: Record<string, (version: string) => { content: string; mode?: number }> = {
  'etc/bash/bashrc': () => ({
    content: "# /etc/bash/bashrc\nif [[ $- != *i* ]] ; then\n\treturn\nfi\nPS1='\\h:\\w\\$ '\n",
  }),
  'usr/bin/pip3': () => ({ content: PIP_SCRIPT, mode: 0o755 }),
  'usr/lib/node_modules/npm/package.json': (v) => ({
    content: `{\n  "name": "npm",\n  "version": "${v.replace(/-r\d+$/, '')}"\n}\n`,
  }),
  'usr/lib/node_modules/npm/bin/npm-cli.js': () => ({
    content: "#!/usr/bin/env node\nrequire('../lib/cli.js')(process)\n",
    mode: 0o755,
  }),
};

function fileOf(spec: string, version: string, minor: string): PackageFile {
  const [kind, ...rest] = spec.replace(/\{minor\}/g, minor).split(':');
  if (kind === 'link') {
    const [path, target] = rest.join(':').split('>') as [string, string];
    return f.link(path, target);
  }
  if (kind === 'bin') return f.bin(rest[0]!, Number(rest[1]), rest[2]);
  if (kind === 'lib') return f.lib(rest[0]!, rest[1]!, Number(rest[2]));
  if (kind === 'text') {
    const t = TEXT[rest[0]!]!(version);
    return f.text(rest[0]!, t.content, t.mode);
  }
  if (kind === 'dir') return f.dir(rest[0]!);
  return f.data(rest[0]!, Number(rest[1]));
}

function list(cell: string): string[] {
  return cell
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '' && x !== '-');
}

function tableSpecs(branch: Branch): PackageSpec[] {
  const i = BRANCHES.indexOf(branch);
  const pythons = /^python3 \| ([^|]*)/m.exec(TABLE)![1]!.trim().split(' ; ');
  const minor = pythons[i]!.split('.').slice(0, 2).join('.');
  return TABLE.trim()
    .split('\n')
    .map((line) => {
      const [name, versions, summary, url, license, size, installed, depends, files, flags] = line.split(' | ') as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const v = versions.split(' ; ');
      const version = v[i] ?? v[0]!;
      const flagList = flags.split(' ');
      return pkg(name, version, summary, {
        size: Number(size),
        installed: Number(installed),
        depends: list(depends),
        provides: flagList.filter((x) => x.startsWith('provides=')).map((x) => x.slice(9)),
        files: list(files).map((spec) => fileOf(spec, version, minor)),
        homepage: url,
        license,
        trigger: flagList.includes('trigger'),
        arch: flagList.includes('noarch') ? 'all' : 'any',
      });
    });
}

/** The packages every Alpine image already has (/etc/apk/world plus what they pull in). */
export const ALPINE_BASE: Readonly<Record<Branch, readonly [string, string, string, number][]>> = {
  '3.21': [
    ['alpine-baselayout', '3.6.8-r1', 'Alpine base dir structure and init scripts', 8_192],
    ['alpine-baselayout-data', '3.6.8-r1', 'Alpine base dir structure and init scripts', 77_824],
    ['alpine-keys', '2.5-r0', 'Public keys for Alpine Linux packages', 73_728],
    ['alpine-release', '3.21.3-r0', 'Alpine release data', 20_480],
    ['apk-tools', '2.14.6-r3', 'Alpine Package Keeper - package manager for alpine', 258_048],
    ['busybox', '1.37.0-r12', 'Size optimized toolbox of many common UNIX utilities', 819_200],
    ['busybox-binsh', '1.37.0-r12', 'busybox ash /bin/sh', 4_096],
    ['ca-certificates-bundle', '20241121-r1', 'Pre generated bundle of Mozilla certificates', 225_280],
    ['libcrypto3', '3.3.3-r0', 'Crypto library from openssl', 4_796_416],
    ['libssl3', '3.3.3-r0', 'SSL shared libraries', 802_816],
    ['musl', '1.2.5-r9', 'the musl c library (libc) implementation', 659_456],
    ['musl-utils', '1.2.5-r9', 'the musl c library (libc) implementation', 114_688],
    ['scanelf', '1.3.8-r1', 'Scan ELF binaries for stuff', 57_344],
    ['ssl_client', '1.37.0-r12', 'EXternal ssl_client for busybox wget', 20_480],
    ['zlib', '1.3.1-r2', 'A compression/decompression Library', 102_400],
  ],
  '3.20': [
    ['alpine-baselayout', '3.6.5-r0', 'Alpine base dir structure and init scripts', 8_192],
    ['alpine-baselayout-data', '3.6.5-r0', 'Alpine base dir structure and init scripts', 77_824],
    ['alpine-keys', '2.4-r1', 'Public keys for Alpine Linux packages', 163_840],
    ['alpine-release', '3.20.6-r0', 'Alpine release data', 20_480],
    ['apk-tools', '2.14.4-r1', 'Alpine Package Keeper - package manager for alpine', 258_048],
    ['busybox', '1.36.1-r31', 'Size optimized toolbox of many common UNIX utilities', 811_008],
    ['busybox-binsh', '1.36.1-r31', 'busybox ash /bin/sh', 4_096],
    ['ca-certificates-bundle', '20241121-r0', 'Pre generated bundle of Mozilla certificates', 225_280],
    ['libcrypto3', '3.3.3-r0', 'Crypto library from openssl', 4_792_320],
    ['libssl3', '3.3.3-r0', 'SSL shared libraries', 802_816],
    ['musl', '1.2.5-r1', 'the musl c library (libc) implementation', 659_456],
    ['musl-utils', '1.2.5-r1', 'the musl c library (libc) implementation', 114_688],
    ['scanelf', '1.3.7-r2', 'Scan ELF binaries for stuff', 57_344],
    ['ssl_client', '1.36.1-r31', 'EXternal ssl_client for busybox wget', 20_480],
    ['zlib', '1.3.1-r1', 'A compression/decompression Library', 102_400],
  ],
  '3.19': [
    ['alpine-baselayout', '3.4.3-r2', 'Alpine base dir structure and init scripts', 8_192],
    ['alpine-baselayout-data', '3.4.3-r2', 'Alpine base dir structure and init scripts', 77_824],
    ['alpine-keys', '2.4-r1', 'Public keys for Alpine Linux packages', 163_840],
    ['alpine-release', '3.19.7-r0', 'Alpine release data', 20_480],
    ['apk-tools', '2.14.4-r0', 'Alpine Package Keeper - package manager for alpine', 258_048],
    ['busybox', '1.36.1-r20', 'Size optimized toolbox of many common UNIX utilities', 811_008],
    ['busybox-binsh', '1.36.1-r20', 'busybox ash /bin/sh', 4_096],
    ['ca-certificates-bundle', '20241121-r0', 'Pre generated bundle of Mozilla certificates', 225_280],
    ['libcrypto3', '3.1.8-r0', 'Crypto library from openssl', 4_407_296],
    ['libssl3', '3.1.8-r0', 'SSL shared libraries', 626_688],
    ['musl', '1.2.4_git20230717-r5', 'the musl c library (libc) implementation', 659_456],
    ['musl-utils', '1.2.4_git20230717-r5', 'the musl c library (libc) implementation', 114_688],
    ['scanelf', '1.3.7-r2', 'Scan ELF binaries for stuff', 57_344],
    ['ssl_client', '1.36.1-r20', 'EXternal ssl_client for busybox wget', 20_480],
    ['zlib', '1.3.1-r0', 'A compression/decompression Library', 102_400],
  ],
};

/** Packages that live in the community repository rather than main. */
export const COMMUNITY = new Set(['npm', 'simdutf', 'ada-libs']);

const indexes = new Map<Branch, PackageIndex>();

export function isAlpineBranch(branch: string): branch is Branch {
  return (BRANCHES as readonly string[]).includes(branch);
}

/** The index of an Alpine branch (3.19–3.21), base packages included. */
export function alpineIndex(branch: Branch): PackageIndex {
  let index = indexes.get(branch);
  if (index) return index;
  const base = ALPINE_BASE[branch].map(([name, version, summary, installed]) =>
    pkg(name, version, summary, {
      installed,
      size: Math.round(installed * 0.45),
      provides: name === 'busybox-binsh' ? ['/bin/sh'] : [],
    }),
  );
  index = new PackageIndex([...base, ...tableSpecs(branch)]);
  indexes.set(branch, index);
  return index;
}
