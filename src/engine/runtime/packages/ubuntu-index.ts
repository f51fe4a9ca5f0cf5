// A slice of Ubuntu 24.04 "noble" (February 2025), the same packages as the Debian slice with
// Ubuntu's versions — and Ubuntu's names: noble went through the 64-bit time_t transition, so
// many libraries gained a `t64` suffix (libcurl4t64, libssl3t64, libpsl5t64). Packages from the
// universe component say so in apt's Get lines (`noble/universe amd64 tree amd64 2.1.1-2ubuntu3`).
import { debTable } from './deb-table';
import { PackageIndex } from './model';

const T = debTable(
  `
curl | 8.5.0-2ubuntu10.6 | web | any | foreign | 227 | 534 | command line tool for transferring data with URL syntax | libc6, libcurl4t64, zlib1g | - | - | bin:usr/bin/curl:280000:curl
libcurl4t64 | 8.5.0-2ubuntu10.6 | libs | any | same | 341 | 872 | easy-to-use client-side URL transfer library (OpenSSL flavour) | libbrotli1, libc6, libgssapi-krb5-2, libidn2-0, libldap2, libnghttp2-14, libpsl5t64, librtmp1, libssh-4, libssl3t64, libzstd1, zlib1g | ca-certificates | - | lib:usr/lib/{triplet}/libcurl.so.4.8.0:libcurl.so.4:700000
libcurl3t64-gnutls | 8.5.0-2ubuntu10.6 | libs | any | same | 334 | 851 | easy-to-use client-side URL transfer library (GnuTLS flavour) | libbrotli1, libc6, libgnutls30t64, libgssapi-krb5-2, libidn2-0, libldap2, libnghttp2-14, libpsl5t64, librtmp1, libssh-4, libzstd1, zlib1g | ca-certificates | - | lib:usr/lib/{triplet}/libcurl-gnutls.so.4.8.0:libcurl-gnutls.so.4:690000
libbrotli1 | 1.1.0-2build2 | libs | any | same | 339 | 843 | library implementing brotli encoder and decoder (shared libraries) | libc6 | - | - | lib:usr/lib/{triplet}/libbrotlidec.so.1.1.0:libbrotlidec.so.1:50000
libgssapi-krb5-2 | 1.20.1-6ubuntu2.5 | libs | any | same | 143 | 395 | MIT Kerberos runtime libraries - krb5 GSS-API Mechanism | libc6, libcom-err2, libk5crypto3, libkrb5-3, libkrb5support0 | krb5-locales | krb5-doc, krb5-user | lib:usr/lib/{triplet}/libgssapi_krb5.so.2.2:libgssapi_krb5.so.2:330000
libk5crypto3 | 1.20.1-6ubuntu2.5 | libs | any | same | 81.9 | 301 | MIT Kerberos runtime libraries - Crypto Library | libc6, libkrb5support0 | - | krb5-doc, krb5-user | lib:usr/lib/{triplet}/libk5crypto.so.3.1:libk5crypto.so.3:180000
libkrb5-3 | 1.20.1-6ubuntu2.5 | libs | any | same | 348 | 1045 | MIT Kerberos runtime libraries | libc6, libcom-err2, libk5crypto3, libkeyutils1, libkrb5support0, libssl3t64 | krb5-locales | krb5-doc, krb5-user | lib:usr/lib/{triplet}/libkrb5.so.3.3:libkrb5.so.3:900000
libkrb5support0 | 1.20.1-6ubuntu2.5 | libs | any | same | 34.1 | 159 | MIT Kerberos runtime libraries - Support library | libc6 | - | - | lib:usr/lib/{triplet}/libkrb5support.so.0.1:libkrb5support.so.0:60000
libkeyutils1 | 1.6.3-3build1 | misc | any | same | 9.5 | 41 | Linux Key Management Utilities (library) | libc6 | - | - | lib:usr/lib/{triplet}/libkeyutils.so.1.10:libkeyutils.so.1:20000
krb5-locales | 1.20.1-6ubuntu2.5 | localization | all | foreign | 14.0 | 101 | internationalization support for MIT Kerberos | - | - | - | data:usr/share/locale/de/LC_MESSAGES/mit-krb5.mo:150000
libldap2 | 2.6.7+dfsg-1~exp1ubuntu8.2 | libs | any | same | 194 | 574 | OpenLDAP libraries | libc6, libgnutls30t64, libsasl2-2 | libldap-common | - | lib:usr/lib/{triplet}/libldap.so.2.0.200:libldap.so.2:380000
libldap-common | 2.6.7+dfsg-1~exp1ubuntu8.2 | libs | all | foreign | 31.7 | 185 | OpenLDAP common files for libraries | - | - | - | data:etc/ldap/ldap.conf:332
libsasl2-2 | 2.1.28+dfsg1-5ubuntu3.1 | libs | any | same | 53.6 | 172 | Cyrus SASL - authentication abstraction library | libc6, libsasl2-modules-db | libsasl2-modules | - | lib:usr/lib/{triplet}/libsasl2.so.2.0.25:libsasl2.so.2:120000
libsasl2-modules-db | 2.1.28+dfsg1-5ubuntu3.1 | libs | any | same | 20.0 | 79 | Cyrus SASL - pluggable authentication modules (DB) | libc6, libdb5.3t64 | - | - | lib:usr/lib/{triplet}/sasl2/libsasldb.so.2.0.25:libsasldb.so.2:40000
libsasl2-modules | 2.1.28+dfsg1-5ubuntu3.1 | libs | any | same | 69.9 | 219 | Cyrus SASL - pluggable authentication modules | libc6, libssl3t64 | - | libsasl2-modules-gssapi-mit/libsasl2-modules-gssapi-heimdal, libsasl2-modules-ldap, libsasl2-modules-otp, libsasl2-modules-sql | lib:usr/lib/{triplet}/sasl2/libplain.so.2.0.25:libplain.so.2:20000
libnghttp2-14 | 1.59.0-1ubuntu0.1 | libs | any | same | 74.3 | 229 | library implementing HTTP/2 protocol (shared library) | libc6 | - | - | lib:usr/lib/{triplet}/libnghttp2.so.14.25.1:libnghttp2.so.14:160000
libpsl5t64 | 0.21.2-1.1build1 | libs | any | same | 57.1 | 93 | Library for Public Suffix List (shared libraries) | libidn2-0, libunistring5 | publicsuffix | - | lib:usr/lib/{triplet}/libpsl.so.5.3.4:libpsl.so.5:70000
publicsuffix | 20231001.0357-0.1 | net | all | foreign | 129 | 331 | accurate, machine-readable list of domain name suffixes | - | - | - | data:usr/share/publicsuffix/public_suffix_list.dat:230000
librtmp1 | 2.4+20151223.gitfa8646d.1-2build7 | libs | any | same | 56.3 | 145 | toolkit for RTMP streams (shared library) | libc6, libgmp10, libgnutls30t64, libhogweed6t64, libnettle8t64, zlib1g | - | - | lib:usr/lib/{triplet}/librtmp.so.1:librtmp.so.1:120000
libssh-4 | 0.10.6-2build2 | libs | any | same | 189 | 511 | tiny C SSH library (OpenSSL flavor) | libc6, libgssapi-krb5-2, libssl3t64, zlib1g | - | - | lib:usr/lib/{triplet}/libssh.so.4.9.6:libssh.so.4:450000
openssl | 3.0.13-0ubuntu3.4 | utils | any | foreign | 1002 | 2129 | Secure Sockets Layer toolkit - cryptographic utility | libc6, libssl3t64 | ca-certificates | - | bin:usr/bin/openssl:1000000
ca-certificates | 20240203 | misc | all | foreign | 159 | 389 | Common CA certificates | debconf, openssl | - | - | bin:usr/sbin/update-ca-certificates:12000, data:usr/share/ca-certificates/mozilla/certs.tar:400000
wget | 1.21.4-1ubuntu4.1 | web | any | foreign | 334 | 965 | retrieves files from the web | libc6, libidn2-0, libpcre2-8-0, libpsl5t64, libssl3t64, libuuid1, zlib1g | ca-certificates | - | bin:usr/bin/wget:520000:wget
git | 1:2.43.0-1ubuntu7.2 | vcs | any | foreign | 3680 | 22180 | fast, scalable, distributed revision control system | libc6, libcurl3t64-gnutls, libexpat1, libpcre2-8-0, zlib1g, perl, liberror-perl, git-man | ca-certificates, patch, less, ssh-client | gettext-base, git-daemon-run/git-daemon-sysvinit, git-doc, git-email, git-gui, gitk, gitweb, git-cvs, git-mediawiki, git-svn | bin:usr/bin/git:4000000:git
git-man | 1:2.43.0-1ubuntu7.2 | doc | all | foreign | 1100 | 2400 | fast, scalable, distributed revision control system (manual pages) | - | - | - | data:usr/share/man/man1/git.1.gz:40000
libexpat1 | 2.6.1-2ubuntu0.2 | libs | any | same | 88.1 | 281 | XML parsing C library - runtime library | libc6 | - | - | lib:usr/lib/{triplet}/libexpat.so.1.9.1:libexpat.so.1:180000
liberror-perl | 0.17029-2 | perl | all | foreign | 25.6 | 77 | Perl module for error/exception handling in an OO-ish way | perl | - | - | data:usr/share/perl5/Error.pm:30000
perl | 5.38.2-3.2build2 | perl | any | foreign | 231 | 715 | Larry Wall's Practical Extraction and Report Language | perl-base, perl-modules-5.38, libperl5.38t64 | netbase | perl-doc, libterm-readline-gnu-perl/libterm-readline-perl-perl, make, libtap-harness-archive-perl | bin:usr/bin/perl5.38.2:3900000:perl, link:usr/bin/perl>perl5.38.2
perl-modules-5.38 | 5.38.2-3.2build2 | perl | all | foreign | 3110 | 18000 | Core Perl modules | perl-base | - | - | data:usr/share/perl/5.38.2/modules.tar:17000000
libperl5.38t64 | 5.38.2-3.2build2 | libs | any | same | 4870 | 28800 | shared Perl library | libbz2-1.0, libc6, libcrypt1, libdb5.3t64, libgdbm-compat4t64, libgdbm6t64, zlib1g, perl-modules-5.38 | - | - | lib:usr/lib/{triplet}/libperl.so.5.38.2:libperl.so.5.38:4000000
libgdbm6t64 | 1.23-5.1build1 | libs | any | same | 34.3 | 98 | GNU dbm database routines (runtime version) | libc6 | - | gdbm-l10n | lib:usr/lib/{triplet}/libgdbm.so.6.0.0:libgdbm.so.6:70000
libgdbm-compat4t64 | 1.23-5.1build1 | libs | any | same | 6.5 | 30 | GNU dbm database routines (legacy support runtime version) | libc6, libgdbm6t64 | - | - | lib:usr/lib/{triplet}/libgdbm_compat.so.4.0.0:libgdbm_compat.so.4:20000
less | 590-2ubuntu2.1 | text | any | foreign | 142 | 339 | pager program similar to more | libc6, libtinfo6 | - | - | bin:usr/bin/less:180000:less
patch | 2.7.6-7build3 | vcs | any | foreign | 104 | 235 | Apply a diff file to an original | libc6 | - | ed, diffutils-doc | bin:usr/bin/patch:120000:patch
openssh-client | 1:9.6p1-3ubuntu13.8 | net | any | foreign | 906 | 5000 | secure shell (SSH) client, for secure access to remote machines | libc6, libedit2, libfido2-1, libgssapi-krb5-2, libselinux1, libssl3t64, zlib1g | xauth | keychain, libpam-ssh, monkeysphere, ssh-askpass | bin:usr/bin/ssh:900000:ssh, bin:usr/bin/scp:150000:scp
libedit2 | 3.1-20230828-1build1 | libs | any | same | 97.6 | 253 | BSD editline and history libraries | libbsd0, libc6, libtinfo6 | - | - | lib:usr/lib/{triplet}/libedit.so.2.0.71:libedit.so.2:200000
libbsd0 | 0.12.1-1build1 | libs | any | same | 41.5 | 145 | utility functions from BSD systems - shared library | libc6, libmd0 | - | - | lib:usr/lib/{triplet}/libbsd.so.0.12.1:libbsd.so.0:90000
libfido2-1 | 1.14.0-1build3 | libs | any | same | 83.5 | 247 | library for generating and verifying FIDO 2.0 objects | libc6, libcbor0.10, libssl3t64, libudev1, zlib1g | - | - | lib:usr/lib/{triplet}/libfido2.so.1.14.0:libfido2.so.1:170000
libcbor0.10 | 0.10.2-1.2ubuntu2 | libs | any | same | 25.7 | 84 | library for parsing and generating CBOR (RFC 7049) | libc6 | - | - | lib:usr/lib/{triplet}/libcbor.so.0.10.2:libcbor.so.0.10:40000
netbase | 6.4 | admin | all | foreign | 13.0 | 45 | Basic TCP/IP networking system | - | - | - | data:etc/services:12813, data:etc/protocols:2932
vim | 2:9.1.0016-1ubuntu7.6 | editors | any | foreign | 1881 | 4087 | Vi IMproved - enhanced vi editor | vim-common, vim-runtime, libacl1, libc6, libgpm2, libpython3.12t64, libselinux1, libsodium23, libtinfo6 | - | ctags, vim-doc, vim-scripts | bin:usr/bin/vim.basic:3300000:vim, link:usr/bin/vim>vim.basic
vim-common | 2:9.1.0016-1ubuntu7.6 | editors | all | foreign | 385 | 428 | Vi IMproved - Common files | - | - | - | data:usr/share/vim/vimrc:662
vim-runtime | 2:9.1.0016-1ubuntu7.6 | editors | all | foreign | 7280 | 42600 | Vi IMproved - Runtime files | - | - | - | data:usr/share/vim/vim91/runtime.tar:42000000
libgpm2 | 1.20.7-11 | libs | any | same | 14.8 | 47 | General Purpose Mouse - shared library | libc6 | - | - | lib:usr/lib/{triplet}/libgpm.so.2:libgpm.so.2:30000
libsodium23 | 1.0.18-1build3 | libs | any | same | 161 | 381 | Network communication, cryptography and signaturing library | libc6 | - | - | lib:usr/lib/{triplet}/libsodium.so.23.3.0:libsodium.so.23:350000
nano | 7.2-2ubuntu0.1 | editors | any | foreign | 280 | 881 | small, friendly text editor inspired by Pico | libc6, libncursesw6, libtinfo6 | - | hunspell | bin:bin/nano:280000:nano
jq | 1.7.1-3build1 | utils | any | foreign | 65.7 | 104 | lightweight and flexible command-line JSON processor | libjq1, libc6 | - | - | bin:usr/bin/jq:30000:jq
libjq1 | 1.7.1-3build1 | libs | any | same | 141 | 400 | lightweight and flexible command-line JSON processor - shared library | libc6, libonig5 | - | - | lib:usr/lib/{triplet}/libjq.so.1.0.4:libjq.so.1:350000
libonig5 | 6.9.9-1build1 | libs | any | same | 172 | 626 | regular expressions library | libc6 | - | - | lib:usr/lib/{triplet}/libonig.so.5.4.0:libonig.so.5:560000
python3 | 3.12.3-0ubuntu2 | python | any | allowed | 23.0 | 91 | interactive high-level object-oriented language (default python3 version) | python3-minimal, python3.12, libpython3-stdlib | - | python3-doc, python3-tk, python3-venv | link:usr/bin/python3>python3.12
python3-minimal | 3.12.3-0ubuntu2 | python | any | allowed | 27.4 | 135 | minimal subset of the Python language (default python3 version) | python3.12-minimal, dpkg | - | - | -
python3.12 | 3.12.3-1ubuntu0.4 | python | any | allowed | 651 | 683 | Interactive high-level object-oriented language (version 3.12) | python3.12-minimal, libpython3.12-stdlib, media-types, tzdata | - | python3.12-venv, python3.12-doc, binutils | -
python3.12-minimal | 3.12.3-1ubuntu0.4 | python | any | allowed | 2334 | 6336 | Minimal subset of the Python language (version 3.12) | libpython3.12-minimal, libexpat1, zlib1g | - | binfmt-support | bin:usr/bin/python3.12:6300000:python3.12
libpython3.12-minimal | 3.12.3-1ubuntu0.4 | python | any | same | 836 | 5151 | Minimal subset of the Python language (version 3.12) | libc6, libssl3t64 | - | - | data:usr/lib/python3.12/os.py:40000
libpython3.12-stdlib | 3.12.3-1ubuntu0.4 | python | any | same | 2068 | 8104 | Interactive high-level object-oriented language (standard library, version 3.12) | libpython3.12-minimal, media-types, libbz2-1.0, libc6, libdb5.3t64, libffi8, liblzma5, libncursesw6, libreadline8t64, libsqlite3-0, libtinfo6, libuuid1 | - | - | data:usr/lib/python3.12/stdlib.tar:8100000
libpython3.12t64 | 3.12.3-1ubuntu0.4 | libs | any | same | 2339 | 7500 | Shared Python runtime library (version 3.12) | libpython3.12-stdlib, libc6, libexpat1, zlib1g | - | - | lib:usr/lib/{triplet}/libpython3.12.so.1.0:libpython3.12.so.1.0:7400000
libpython3-stdlib | 3.12.3-0ubuntu2 | python | any | same | 10.0 | 37 | interactive high-level object-oriented language (default python3 version) | libpython3.12-stdlib | - | - | -
media-types | 10.1.0 | net | all | foreign | 27.2 | 103 | List of standard media types and their usual file extension | - | - | - | data:etc/mime.types:71000
libsqlite3-0 | 3.45.1-1ubuntu2.1 | libs | any | same | 701 | 1703 | SQLite 3 shared library | libc6 | - | sqlite3 | lib:usr/lib/{triplet}/libsqlite3.so.0.8.6:libsqlite3.so.0:1700000
libreadline8t64 | 8.2-4build1 | libs | any | same | 153 | 479 | GNU readline and history libraries, run-time libraries | readline-common, libc6, libtinfo6 | - | - | lib:usr/lib/{triplet}/libreadline.so.8.2:libreadline.so.8:300000
readline-common | 8.2-4build1 | utils | all | foreign | 56.5 | 99 | GNU readline and history libraries, common files | - | - | readline-doc | data:etc/inputrc:1748
tzdata | 2024b-0ubuntu0.24.04.1 | localization | all | foreign | 276 | 1478 | time zone and daylight-saving time data | debconf | - | - | data:usr/share/zoneinfo/UTC:114, data:usr/share/zoneinfo/zones.tar:1400000
python3-pip | 24.0+dfsg-1ubuntu1.1 | python | all | foreign | 1317 | 7173 | Python package installer | ca-certificates, python3-setuptools, python3-wheel, python3 | build-essential, python3-dev | - | data:usr/lib/python3/dist-packages/pip.tar:7000000, bin:usr/bin/pip3:1000:pip3
python3-setuptools | 68.1.2-2ubuntu1.1 | python | all | foreign | 397 | 2380 | Python3 Distutils Enhancements | python3-pkg-resources, python3 | - | python-setuptools-doc | data:usr/lib/python3/dist-packages/setuptools.tar:2300000
python3-pkg-resources | 68.1.2-2ubuntu1.1 | python | all | foreign | 168 | 830 | Package Discovery and Resource Access using pkg_resources | python3 | - | - | data:usr/lib/python3/dist-packages/pkg_resources.tar:800000
python3-wheel | 0.42.0-2 | python | all | foreign | 53.1 | 210 | built-package format for Python | python3 | - | - | data:usr/lib/python3/dist-packages/wheel.tar:200000
nodejs | 18.19.1+dfsg-6ubuntu5 | javascript | any | foreign | 306 | 860 | evented I/O for V8 javascript - runtime executable | libc6, libnode109 | ca-certificates, nodejs-doc | npm | bin:usr/bin/node:1000:node, link:usr/bin/nodejs>node
libnode109 | 18.19.1+dfsg-6ubuntu5 | libs | any | same | 11600 | 52000 | evented I/O for V8 javascript - runtime library | libbrotli1, libc6, libcares2, libicu74, libnghttp2-14, libssl3t64, libuv1t64, zlib1g | - | - | lib:usr/lib/{triplet}/libnode.so.109:libnode.so.109:51000000
nodejs-doc | 18.19.1+dfsg-6ubuntu5 | doc | all | foreign | 3900 | 19300 | API documentation for Node.js, the javascript platform | - | - | - | data:usr/share/doc/nodejs/api.tar:19000000
libcares2 | 1.27.0-1.0ubuntu1 | libs | any | same | 73.8 | 200 | asynchronous name resolver | libc6 | - | - | lib:usr/lib/{triplet}/libcares.so.2.12.0:libcares.so.2:180000
libicu74 | 74.2-1ubuntu3.1 | libs | any | same | 10900 | 35900 | International Components for Unicode | libc6, libgcc-s1, libstdc++6 | - | - | lib:usr/lib/{triplet}/libicuuc.so.74.2:libicuuc.so.74:2000000, data:usr/lib/{triplet}/libicudata.so.74.2:31000000
libuv1t64 | 1.48.0-1.1build1 | libs | any | same | 97.6 | 330 | asynchronous event notification library - runtime library | libc6 | - | - | lib:usr/lib/{triplet}/libuv.so.1.0.0:libuv.so.1:300000
npm | 9.2.0~ds1-2 | javascript | all | foreign | 1500 | 8000 | package manager for Node.js | nodejs, node-gyp, node-semver, node-abbrev, node-nopt | - | - | data:usr/share/nodejs/npm/npm.tar:8000000, link:usr/bin/npm>../share/nodejs/npm/bin/npm-cli.js
node-gyp | 9.3.0-3 | javascript | all | foreign | 128 | 600 | Native addon build tool for Node.js | nodejs, node-semver, node-abbrev, node-nopt, make | - | - | data:usr/share/nodejs/node-gyp/index.js:2000
node-semver | 7.5.4+~7.5.0-2 | javascript | all | foreign | 44 | 160 | Semantic Versioning for Node.js | nodejs | - | - | data:usr/share/nodejs/semver/index.js:2000
node-abbrev | 1.1.1+~1.1.2-1 | javascript | all | foreign | 5.1 | 19 | Get unique abbreviations for a set of strings - Node.js module | nodejs | - | - | data:usr/share/nodejs/abbrev/abbrev.js:1800
node-nopt | 5.0.0-4 | javascript | all | foreign | 10.8 | 34 | Command-line option parser for Node.js | nodejs, node-abbrev | - | - | data:usr/share/nodejs/nopt/lib/nopt.js:9000
build-essential | 12.10ubuntu1 | devel | any | - | 4.9 | 21 | Informational list of build-essential packages | libc6-dev, gcc, g++, make, dpkg-dev | - | - | -
gcc | 4:13.2.0-7ubuntu1 | devel | any | - | 5.0 | 51 | GNU C compiler | cpp, gcc-13 | - | gcc-multilib, make, manpages-dev, autoconf, automake, libtool, flex, bison, gdb, gcc-doc | link:usr/bin/gcc>gcc-13, link:usr/bin/cc>gcc
gcc-13 | 13.3.0-6ubuntu2~24.04 | devel | any | - | 21100 | 71000 | GNU C compiler | cpp-13, gcc-13-base, libcc1-0, binutils, libgcc-13-dev, libisl23, libmpc3, libmpfr6, libzstd1, zlib1g | - | gcc-13-multilib, gcc-13-doc, gcc-13-locales | bin:usr/bin/gcc-13:1200000:gcc
gcc-13-base | 13.3.0-6ubuntu2~24.04 | libs | any | same | 51.5 | 280 | GCC, the GNU Compiler Collection (base package) | - | - | - | -
cpp | 4:13.2.0-7ubuntu1 | interpreters | any | allowed | 4.1 | 30 | GNU C preprocessor (cpp) | cpp-13 | - | cpp-doc | link:usr/bin/cpp>cpp-13
cpp-13 | 13.3.0-6ubuntu2~24.04 | interpreters | any | - | 1038 | 3200 | GNU C preprocessor | cpp-13-x86-64-linux-gnu | - | - | -
cpp-13-x86-64-linux-gnu | 13.3.0-6ubuntu2~24.04 | interpreters | any | - | 10800 | 33000 | GNU C preprocessor for x86_64-linux-gnu | gcc-13-base, libgmp10, libisl23, libmpc3, libmpfr6, zlib1g | - | - | bin:usr/bin/x86_64-linux-gnu-cpp-13:1200000:cpp, bin:usr/libexec/gcc/x86_64-linux-gnu/13/cc1:30000000:cc1
libcc1-0 | 14.2.0-4ubuntu2~24.04 | libs | any | same | 47.7 | 150 | GCC cc1 plugin for GDB | libc6, libstdc++6 | - | - | lib:usr/lib/{triplet}/libcc1.so.0.0.0:libcc1.so.0:130000
libgcc-13-dev | 13.3.0-6ubuntu2~24.04 | libdevel | any | same | 2681 | 10500 | GCC support library (development files) | gcc-13-base, libgcc-s1, libgomp1, libitm1, libatomic1, libasan8, liblsan0, libtsan2, libubsan1, libhwasan0, libquadmath0 | - | - | data:usr/lib/gcc/{triplet}/13/libgcc.a:10000000
libgomp1 | 14.2.0-4ubuntu2~24.04 | libs | any | same | 148 | 350 | GCC OpenMP (GOMP) support library | libc6 | - | - | lib:usr/lib/{triplet}/libgomp.so.1.0.0:libgomp.so.1:300000
libitm1 | 14.2.0-4ubuntu2~24.04 | libs | any | same | 29.7 | 120 | GNU Transactional Memory Library | libc6 | - | - | lib:usr/lib/{triplet}/libitm.so.1.0.0:libitm.so.1:100000
libatomic1 | 14.2.0-4ubuntu2~24.04 | libs | any | same | 10.5 | 44 | support library providing __atomic built-in functions | libc6 | - | - | lib:usr/lib/{triplet}/libatomic.so.1.2.0:libatomic.so.1:30000
libasan8 | 14.2.0-4ubuntu2~24.04 | libs | any | same | 3030 | 9800 | AddressSanitizer -- a fast memory error detector | libc6, libgcc-s1, libstdc++6 | - | - | lib:usr/lib/{triplet}/libasan.so.8.0.0:libasan.so.8:7500000
liblsan0 | 14.2.0-4ubuntu2~24.04 | libs | any | same | 1318 | 4100 | LeakSanitizer -- a memory leak detector (runtime) | libc6, libgcc-s1, libstdc++6 | - | - | lib:usr/lib/{triplet}/liblsan.so.0.0.0:liblsan.so.0:2900000
libtsan2 | 14.2.0-4ubuntu2~24.04 | libs | any | same | 2737 | 8900 | ThreadSanitizer -- a Valgrind-based detector of data races (runtime) | libc6, libgcc-s1, libstdc++6 | - | - | lib:usr/lib/{triplet}/libtsan.so.2.0.0:libtsan.so.2:7300000
libubsan1 | 14.2.0-4ubuntu2~24.04 | libs | any | same | 1175 | 3700 | UBSan -- undefined behaviour sanitizer (runtime) | libc6, libgcc-s1, libstdc++6 | - | - | lib:usr/lib/{triplet}/libubsan.so.1.0.0:libubsan.so.1:2800000
libhwasan0 | 14.2.0-4ubuntu2~24.04 | libs | any | same | 1632 | 5100 | AddressSanitizer -- a fast memory error detector | libc6, libgcc-s1, libstdc++6 | - | - | lib:usr/lib/{triplet}/libhwasan.so.0.0.0:libhwasan.so.0:5000000
libquadmath0 | 14.2.0-4ubuntu2~24.04 | libs | any | same | 153 | 300 | GCC Quad-Precision Math Library | libc6 | - | - | lib:usr/lib/{triplet}/libquadmath.so.0.0.0:libquadmath.so.0:280000
libisl23 | 0.26-3build1.1 | libs | any | same | 680 | 2300 | manipulating sets and relations of integer points bounded by linear constraints | libc6, libgmp10 | - | - | lib:usr/lib/{triplet}/libisl.so.23.3.0:libisl.so.23:2200000
libmpc3 | 1.3.1-1build1.1 | libs | any | same | 55.3 | 125 | multiple precision complex floating-point library | libc6, libgmp10, libmpfr6 | - | - | lib:usr/lib/{triplet}/libmpc.so.3.3.1:libmpc.so.3:110000
libmpfr6 | 4.2.1-1build1.1 | libs | any | same | 353 | 1300 | multiple precision floating-point computation | libc6, libgmp10 | - | - | lib:usr/lib/{triplet}/libmpfr.so.6.2.1:libmpfr.so.6:1200000
binutils | 2.42-4ubuntu2.3 | devel | any | foreign | 18.1 | 80 | GNU assembler, linker and binary utilities | binutils-common, libbinutils, binutils-x86-64-linux-gnu | - | binutils-doc, gprofng-gui | -
binutils-common | 2.42-4ubuntu2.3 | devel | any | same | 240 | 1200 | Common files for the GNU assembler, linker and binary utilities | - | - | binutils-doc | data:usr/share/locale/de/LC_MESSAGES/binutils.mo:80000
libbinutils | 2.42-4ubuntu2.3 | devel | any | same | 577 | 2500 | GNU binary utilities (private shared library) | binutils-common, libc6, zlib1g | - | - | lib:usr/lib/{triplet}/libbfd-2.42-system.so:libbfd-2.42-system.so:1700000
binutils-x86-64-linux-gnu | 2.42-4ubuntu2.3 | devel | any | allowed | 2463 | 10600 | GNU binary utilities, for x86-64-linux-gnu target | binutils-common, libbinutils, libc6, zlib1g | - | binutils-doc | bin:usr/bin/x86_64-linux-gnu-ld.bfd:1700000:ld, bin:usr/bin/x86_64-linux-gnu-as:800000:as
g++ | 4:13.2.0-7ubuntu1 | devel | any | - | 1.1 | 14 | GNU C++ compiler | cpp, gcc, g++-13 | - | - | link:usr/bin/g++>g++-13
g++-13 | 13.3.0-6ubuntu2~24.04 | devel | any | - | 16.0 | 80 | GNU C++ compiler | gcc-13-base, gcc-13, libstdc++-13-dev | - | g++-13-multilib, gcc-13-doc | bin:usr/bin/g++-13:1200000:g++
libstdc++-13-dev | 13.3.0-6ubuntu2~24.04 | libdevel | any | same | 2399 | 19000 | GNU Standard C++ Library v3 (development files) | gcc-13-base, libgcc-13-dev, libstdc++6, libc6-dev | - | libstdc++-13-doc | data:usr/include/c++/13/headers.tar:18000000
make | 4.3-4.1build2 | devel | any | allowed | 180 | 414 | utility for directing compilation | libc6 | - | make-doc | bin:usr/bin/make:230000:make
dpkg-dev | 1.22.6ubuntu6.1 | utils | all | foreign | 1074 | 2000 | Debian package development tools | perl, libdpkg-perl, binutils, bzip2, make, patch, xz-utils | build-essential, fakeroot, gnupg, gpgv | debian-keyring | data:usr/bin/dpkg-buildpackage:60000
libdpkg-perl | 1.22.6ubuntu6.1 | perl | all | foreign | 268 | 2000 | Dpkg perl modules | perl, dpkg | - | debian-keyring, gnupg, gpgv, binutils | data:usr/share/perl5/Dpkg.pm:12000
bzip2 | 1.0.8-5.1build0.1 | utils | any | foreign | 34.5 | 124 | high-quality block-sorting file compressor - utilities | libbz2-1.0, libc6 | - | bzip2-doc | bin:bin/bzip2:40000:bzip2
xz-utils | 5.6.1+really5.4.5-1ubuntu0.2 | utils | any | foreign | 267 | 800 | XZ-format compression utilities | libc6, liblzma5 | - | - | bin:usr/bin/xz:90000:xz
libc6-dev | 2.39-0ubuntu8.4 | libdevel | any | same | 1742 | 12000 | GNU C Library: Development Libraries and Header Files | libc6, libc-dev-bin, linux-libc-dev, libcrypt-dev, rpcsvc-proto | - | glibc-doc, manpages-dev | data:usr/include/libc-headers.tar:12000000
libc-dev-bin | 2.39-0ubuntu8.4 | libdevel | any | foreign | 20.4 | 120 | GNU C Library: Development binaries | libc6 | - | - | data:usr/bin/gencat:30000
linux-libc-dev | 6.8.0-53.55 | devel | any | same | 1900 | 12000 | Linux Kernel Headers for development | - | - | - | data:usr/include/linux/headers.tar:12000000
libcrypt-dev | 1:4.4.36-4build1 | libdevel | any | same | 112 | 300 | libcrypt development files | libcrypt1 | - | - | data:usr/include/crypt.h:10000
rpcsvc-proto | 1.4.2-0ubuntu7 | devel | any | foreign | 67.4 | 212 | RPC protocol compiler and definitions | libc6 | - | - | bin:usr/bin/rpcgen:100000:rpcgen
iputils-ping | 3:20240117-1ubuntu0.1 | net | any | foreign | 44.7 | 117 | Tools to test the reachability of network hosts | libc6, libcap2-bin, libidn2-0 | - | - | bin:usr/bin/ping:90000:ping
libcap2-bin | 1:2.66-5ubuntu2.2 | utils | any | foreign | 34.2 | 140 | POSIX 1003.1e capabilities (utilities) | libcap2 | - | libpam-cap | bin:usr/sbin/setcap:20000:setcap, bin:usr/sbin/getcap:20000:getcap
net-tools | 2.10-0.1ubuntu4 | net | any | foreign | 204 | 811 | NET-3 networking toolkit | libc6, libselinux1 | - | - | bin:usr/bin/netstat:150000:netstat, bin:usr/sbin/ifconfig:80000:ifconfig, bin:usr/sbin/route:70000:route
htop | 3.3.0-4build1 | utils | any | foreign | 171 | 434 | interactive processes viewer | libc6, libncursesw6, libnl-3-200, libnl-genl-3-200, libtinfo6 | - | lm-sensors, lsof, strace | bin:usr/bin/htop:300000:htop
libnl-3-200 | 3.7.0-0.3build1.1 | libs | any | same | 55.7 | 185 | library for dealing with netlink sockets | libc6 | - | - | lib:usr/lib/{triplet}/libnl-3.so.200.26.0:libnl-3.so.200:130000
libnl-genl-3-200 | 3.7.0-0.3build1.1 | libs | any | same | 12.0 | 54 | library for dealing with netlink sockets - generic netlink | libc6, libnl-3-200 | - | - | lib:usr/lib/{triplet}/libnl-genl-3.so.200.26.0:libnl-genl-3.so.200:30000
tree | 2.1.1-2ubuntu3 | utils | any | foreign | 47.7 | 112 | displays an indented directory tree, in color | libc6 | - | - | bin:usr/bin/tree:90000:tree
file | 1:5.45-3build1 | utils | any | foreign | 22.0 | 86 | Recognize the type of data in a file using "magic" numbers | libc6, libmagic1t64 | - | - | bin:usr/bin/file:30000:file
libmagic1t64 | 1:5.45-3build1 | libs | any | same | 87.2 | 230 | Recognize the type of data in a file using "magic" numbers - library | libbz2-1.0, libc6, liblzma5, zlib1g, libmagic-mgc | - | file | lib:usr/lib/{triplet}/libmagic.so.1.0.0:libmagic.so.1:160000
libmagic-mgc | 1:5.45-3build1 | libs | any | - | 307 | 7200 | File type determination library using "magic" numbers (compiled magic file) | - | - | file | data:usr/lib/file/magic.mgc:7000000
unzip | 6.0-28ubuntu4.1 | utils | any | foreign | 174 | 384 | De-archiver for .zip files | libbz2-1.0, libc6 | - | zip | bin:usr/bin/unzip:180000:unzip
`,
  'https://ubuntu.com/',
);

T.find((p) => p.name === 'openssh-client')!.provides.push('ssh-client');

/** Packages from noble's universe component (the rest are in main). */
export const NOBLE_UNIVERSE = new Set([
  'tree',
  'nodejs',
  'libnode109',
  'nodejs-doc',
  'npm',
  'node-gyp',
  'node-semver',
  'node-abbrev',
  'node-nopt',
  'htop',
  'libcares2',
]);

/** Packages in ubuntu:24.04 before anything is installed: [name, version, multiArch]. */
export const NOBLE_BASE: readonly [string, string, ('same' | 'foreign')?][] = [
  ['apt', '2.7.14build2'],
  ['base-files', '13ubuntu10.1'],
  ['base-passwd', '3.6.3build1'],
  ['bash', '5.2.21-2ubuntu4'],
  ['bsdutils', '1:2.39.3-9ubuntu6.2'],
  ['coreutils', '9.4-3ubuntu6'],
  ['dash', '0.5.12-6ubuntu5'],
  ['debconf', '1.5.86ubuntu1'],
  ['debianutils', '5.17build1'],
  ['diffutils', '1:3.10-1build1'],
  ['dpkg', '1.22.6ubuntu6.1'],
  ['findutils', '4.9.0-5build1'],
  ['gcc-14-base', '14.2.0-4ubuntu2~24.04', 'same'],
  ['gpgv', '2.4.4-2ubuntu17'],
  ['grep', '3.11-4build1'],
  ['gzip', '1.12-1ubuntu3'],
  ['hostname', '3.23+nmu2ubuntu2'],
  ['init-system-helpers', '1.66ubuntu1'],
  ['libacl1', '2.3.2-1build1.1', 'same'],
  ['libapt-pkg6.0t64', '2.7.14build2', 'same'],
  ['libattr1', '1:2.5.2-1build1.1', 'same'],
  ['libaudit-common', '1:3.1.2-2.1build1.1'],
  ['libaudit1', '1:3.1.2-2.1build1.1', 'same'],
  ['libblkid1', '2.39.3-9ubuntu6.2', 'same'],
  ['libbz2-1.0', '1.0.8-5.1build0.1', 'same'],
  ['libc-bin', '2.39-0ubuntu8.4'],
  ['libc6', '2.39-0ubuntu8.4', 'same'],
  ['libcap-ng0', '0.8.4-2build2', 'same'],
  ['libcap2', '1:2.66-5ubuntu2.2', 'same'],
  ['libcom-err2', '1.47.0-2.4~exp1ubuntu4.1', 'same'],
  ['libcrypt1', '1:4.4.36-4build1', 'same'],
  ['libdb5.3t64', '5.3.28+dfsg2-7', 'same'],
  ['libdebconfclient0', '0.271ubuntu3', 'same'],
  ['libffi8', '3.4.6-1build1', 'same'],
  ['libgcc-s1', '14.2.0-4ubuntu2~24.04', 'same'],
  ['libgcrypt20', '1.10.3-2build1', 'same'],
  ['libgmp10', '2:6.3.0+dfsg-2ubuntu6.1', 'same'],
  ['libgnutls30t64', '3.8.3-1.1ubuntu3.3', 'same'],
  ['libgpg-error0', '1.47-3build2.1', 'same'],
  ['libhogweed6t64', '3.9.1-2.2build1.1', 'same'],
  ['libidn2-0', '2.3.7-2build1.1', 'same'],
  ['liblz4-1', '1.9.4-1build1.1', 'same'],
  ['liblzma5', '5.6.1+really5.4.5-1ubuntu0.2', 'same'],
  ['libmd0', '1.1.0-2build1.1', 'same'],
  ['libmount1', '2.39.3-9ubuntu6.2', 'same'],
  ['libncursesw6', '6.4+20240113-1ubuntu2', 'same'],
  ['libnettle8t64', '3.9.1-2.2build1.1', 'same'],
  ['libp11-kit0', '0.25.3-4ubuntu2.1', 'same'],
  ['libpam-modules', '1.5.3-5ubuntu5.1', 'same'],
  ['libpam-modules-bin', '1.5.3-5ubuntu5.1'],
  ['libpam-runtime', '1.5.3-5ubuntu5.1'],
  ['libpam0g', '1.5.3-5ubuntu5.1', 'same'],
  ['libpcre2-8-0', '10.42-4ubuntu2.1', 'same'],
  ['libproc2-0', '2:4.0.4-4ubuntu3.2', 'same'],
  ['libselinux1', '3.5-2ubuntu2.1', 'same'],
  ['libsemanage-common', '3.5-1build5'],
  ['libsemanage2', '3.5-1build5', 'same'],
  ['libsepol2', '3.5-2build1', 'same'],
  ['libsmartcols1', '2.39.3-9ubuntu6.2', 'same'],
  ['libssl3t64', '3.0.13-0ubuntu3.4', 'same'],
  ['libstdc++6', '14.2.0-4ubuntu2~24.04', 'same'],
  ['libsystemd0', '255.4-1ubuntu8.5', 'same'],
  ['libtasn1-6', '4.19.0-3ubuntu0.24.04.1', 'same'],
  ['libtinfo6', '6.4+20240113-1ubuntu2', 'same'],
  ['libudev1', '255.4-1ubuntu8.5', 'same'],
  ['libunistring5', '1.1-2build1.1', 'same'],
  ['libuuid1', '2.39.3-9ubuntu6.2', 'same'],
  ['libxxhash0', '0.8.2-2build1', 'same'],
  ['libzstd1', '1.5.5+dfsg2-2build1.1', 'same'],
  ['login', '1:4.13+dfsg1-4ubuntu3.2'],
  ['mawk', '1.3.4.20240123-1build1'],
  ['mount', '2.39.3-9ubuntu6.2'],
  ['ncurses-base', '6.4+20240113-1ubuntu2'],
  ['ncurses-bin', '6.4+20240113-1ubuntu2'],
  ['passwd', '1:4.13+dfsg1-4ubuntu3.2'],
  ['perl-base', '5.38.2-3.2build2'],
  ['procps', '2:4.0.4-4ubuntu3.2'],
  ['sed', '4.9-2build1'],
  ['sensible-utils', '0.0.22'],
  ['sysvinit-utils', '3.08-6ubuntu3'],
  ['tar', '1.35+dfsg-3build1'],
  ['ubuntu-keyring', '2023.11.28.1'],
  ['util-linux', '2.39.3-9ubuntu6.2'],
  ['zlib1g', '1:1.3.dfsg-3.1ubuntu2.1', 'same'],
];

export const nobleIndex = new PackageIndex(T);
