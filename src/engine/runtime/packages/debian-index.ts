// A slice of Debian 12 "bookworm" (12.9, February 2025): the packages people `apt-get install` in
// Dockerfiles and what they pull in — with real names and versions, the dependencies abridged.
// Recommends are listed because apt installs them by default (`--no-install-recommends` is the
// classic way to keep an image small): curl recommends nothing itself, but libcurl4 recommends
// ca-certificates and libsasl2-2 recommends libsasl2-modules.
import { debTable } from './deb-table';
import { PackageIndex } from './model';

const T = debTable(`
curl | 7.88.1-10+deb12u8 | web | any | foreign | 315 | 500 | command line tool for transferring data with URL syntax | libc6, libcurl4, zlib1g | - | - | bin:usr/bin/curl:280000:curl
libcurl4 | 7.88.1-10+deb12u8 | libs | any | same | 391 | 851 | easy-to-use client-side URL transfer library (OpenSSL flavour) | libbrotli1, libc6, libgssapi-krb5-2, libidn2-0, libldap-2.5-0, libnghttp2-14, libpsl5, librtmp1, libssh2-1, libssl3, libzstd1, zlib1g | ca-certificates | - | lib:usr/lib/{triplet}/libcurl.so.4.8.0:libcurl.so.4:700000, link:usr/lib/{triplet}/libcurl.so.4>libcurl.so.4.8.0
libcurl3-gnutls | 7.88.1-10+deb12u8 | libs | any | same | 385 | 837 | easy-to-use client-side URL transfer library (GnuTLS flavour) | libbrotli1, libc6, libgnutls30, libgssapi-krb5-2, libidn2-0, libldap-2.5-0, libnghttp2-14, libpsl5, librtmp1, libssh2-1, libzstd1, zlib1g | ca-certificates | - | lib:usr/lib/{triplet}/libcurl-gnutls.so.4.8.0:libcurl-gnutls.so.4:690000
libbrotli1 | 1.0.9-2+b6 | libs | any | same | 270 | 785 | library implementing brotli encoder and decoder (shared libraries) | libc6 | - | - | lib:usr/lib/{triplet}/libbrotlidec.so.1.0.9:libbrotlidec.so.1:50000
libgssapi-krb5-2 | 1.20.1-2+deb12u2 | libs | any | same | 134 | 365 | MIT Kerberos runtime libraries - krb5 GSS-API Mechanism | libc6, libcom-err2, libk5crypto3, libkrb5-3, libkrb5support0 | krb5-locales | krb5-doc, krb5-user | lib:usr/lib/{triplet}/libgssapi_krb5.so.2.2:libgssapi_krb5.so.2:330000
libk5crypto3 | 1.20.1-2+deb12u2 | libs | any | same | 79 | 285 | MIT Kerberos runtime libraries - Crypto Library | libc6, libkrb5support0 | - | krb5-doc, krb5-user | lib:usr/lib/{triplet}/libk5crypto.so.3.1:libk5crypto.so.3:180000
libkrb5-3 | 1.20.1-2+deb12u2 | libs | any | same | 332 | 1013 | MIT Kerberos runtime libraries | libc6, libcom-err2, libk5crypto3, libkeyutils1, libkrb5support0, libssl3 | krb5-locales | krb5-doc, krb5-user | lib:usr/lib/{triplet}/libkrb5.so.3.3:libkrb5.so.3:900000
libkrb5support0 | 1.20.1-2+deb12u2 | libs | any | same | 32 | 151 | MIT Kerberos runtime libraries - Support library | libc6 | - | - | lib:usr/lib/{triplet}/libkrb5support.so.0.1:libkrb5support.so.0:60000
libkeyutils1 | 1.6.3-2 | misc | any | same | 8.8 | 41 | Linux Key Management Utilities (library) | libc6 | - | - | lib:usr/lib/{triplet}/libkeyutils.so.1.10:libkeyutils.so.1:20000
krb5-locales | 1.20.1-2+deb12u2 | localization | all | foreign | 63.1 | 1053 | internationalization support for MIT Kerberos | - | - | - | data:usr/share/locale/de/LC_MESSAGES/mit-krb5.mo:150000
libldap-2.5-0 | 2.5.13+dfsg-5 | libs | any | same | 183 | 574 | OpenLDAP libraries | libc6, libgnutls30, libsasl2-2 | libldap-common | - | lib:usr/lib/{triplet}/libldap-2.5.so.0.1.8:libldap-2.5.so.0:380000
libldap-common | 2.5.13+dfsg-5 | libs | all | foreign | 29.3 | 180 | OpenLDAP common files for libraries | - | - | - | data:etc/ldap/ldap.conf:332
libsasl2-2 | 2.1.28+dfsg-10 | libs | any | same | 57.3 | 182 | Cyrus SASL - authentication abstraction library | libc6, libsasl2-modules-db | libsasl2-modules | - | lib:usr/lib/{triplet}/libsasl2.so.2.0.25:libsasl2.so.2:120000
libsasl2-modules-db | 2.1.28+dfsg-10 | libs | any | same | 20.3 | 83 | Cyrus SASL - pluggable authentication modules (DB) | libc6, libdb5.3 | - | - | lib:usr/lib/{triplet}/sasl2/libsasldb.so.2.0.25:libsasldb.so.2:40000
libsasl2-modules | 2.1.28+dfsg-10 | libs | any | same | 66.6 | 225 | Cyrus SASL - pluggable authentication modules | libc6, libssl3 | - | libsasl2-modules-gssapi-mit/libsasl2-modules-gssapi-heimdal, libsasl2-modules-ldap, libsasl2-modules-otp, libsasl2-modules-sql | lib:usr/lib/{triplet}/sasl2/libplain.so.2.0.25:libplain.so.2:20000
libnghttp2-14 | 1.52.0-1+deb12u2 | libs | any | same | 72.3 | 221 | library implementing HTTP/2 protocol (shared library) | libc6 | - | - | lib:usr/lib/{triplet}/libnghttp2.so.14.24.1:libnghttp2.so.14:160000
libpsl5 | 0.21.2-1 | libs | any | same | 58.7 | 93 | Library for Public Suffix List (shared libraries) | libidn2-0, libunistring2 | publicsuffix | - | lib:usr/lib/{triplet}/libpsl.so.5.3.4:libpsl.so.5:70000
publicsuffix | 20230209.2326-1 | net | all | foreign | 126 | 318 | accurate, machine-readable list of domain name suffixes | - | - | - | data:usr/share/publicsuffix/public_suffix_list.dat:230000
librtmp1 | 2.4+20151223.gitfa8646d.1-2+b2 | libs | any | same | 60.8 | 150 | toolkit for RTMP streams (shared library) | libc6, libgmp10, libgnutls30, libhogweed6, libnettle8, zlib1g | - | - | lib:usr/lib/{triplet}/librtmp.so.1:librtmp.so.1:120000
libssh2-1 | 1.10.0-3+b1 | libs | any | same | 179 | 454 | SSH2 client-side library | libc6, libssl3, zlib1g | - | - | lib:usr/lib/{triplet}/libssh2.so.1.0.1:libssh2.so.1:250000
openssl | 3.0.15-1~deb12u1 | utils | any | foreign | 1427 | 2290 | Secure Sockets Layer toolkit - cryptographic utility | libc6, libssl3 | ca-certificates | - | bin:usr/bin/openssl:1000000
ca-certificates | 20230311 | misc | all | foreign | 153 | 403 | Common CA certificates | debconf, openssl | - | - | bin:usr/sbin/update-ca-certificates:12000, data:usr/share/ca-certificates/mozilla/certs.tar:400000
wget | 1.21.3-1+b2 | web | any | foreign | 937 | 3672 | retrieves files from the web | libc6, libgnutls30, libidn2-0, libnettle8, libpcre2-8-0, libpsl5, libuuid1, zlib1g | ca-certificates | - | bin:usr/bin/wget:520000:wget
git | 1:2.39.5-0+deb12u2 | vcs | any | foreign | 7260 | 39049 | fast, scalable, distributed revision control system | libc6, libcurl3-gnutls, libexpat1, libpcre2-8-0, zlib1g, perl, liberror-perl, git-man | ca-certificates, patch, less, ssh-client | gettext-base, git-daemon-run/git-daemon-sysvinit, git-doc, git-email, git-gui, gitk, gitweb, git-cvs, git-mediawiki, git-svn | bin:usr/bin/git:4000000:git, bin:usr/lib/git-core/git-remote-http:1700000:git-remote-http
git-man | 1:2.39.5-0+deb12u2 | doc | all | foreign | 2053 | 2393 | fast, scalable, distributed revision control system (manual pages) | - | - | - | data:usr/share/man/man1/git.1.gz:40000
libexpat1 | 2.5.0-1+deb12u1 | libs | any | same | 99 | 370 | XML parsing C library - runtime library | libc6 | - | - | lib:usr/lib/{triplet}/libexpat.so.1.8.10:libexpat.so.1:180000
liberror-perl | 0.17029-2 | perl | all | foreign | 29.7 | 77 | Perl module for error/exception handling in an OO-ish way | perl | - | - | data:usr/share/perl5/Error.pm:30000
perl | 5.36.0-7+deb12u1 | perl | any | foreign | 239 | 696 | Larry Wall's Practical Extraction and Report Language | perl-base, perl-modules-5.36, libperl5.36 | netbase | perl-doc, libterm-readline-gnu-perl/libterm-readline-perl-perl, make, libtap-harness-archive-perl | bin:usr/bin/perl5.36.0:3900000:perl, link:usr/bin/perl>perl5.36.0
perl-modules-5.36 | 5.36.0-7+deb12u1 | perl | all | foreign | 2815 | 17807 | Core Perl modules | perl-base | - | - | data:usr/share/perl/5.36.0/modules.tar:17000000
libperl5.36 | 5.36.0-7+deb12u1 | libs | any | same | 4218 | 28300 | shared Perl library | libbz2-1.0, libc6, libcrypt1, libdb5.3, libgdbm-compat4, libgdbm6, zlib1g, perl-modules-5.36 | - | - | lib:usr/lib/{triplet}/libperl.so.5.36.0:libperl.so.5.36:4000000
libgdbm6 | 1.23-3 | libs | any | same | 72.3 | 210 | GNU dbm database routines (runtime version) | libc6 | - | gdbm-l10n | lib:usr/lib/{triplet}/libgdbm.so.6.0.0:libgdbm.so.6:70000
libgdbm-compat4 | 1.23-3 | libs | any | same | 48.2 | 71 | GNU dbm database routines (legacy support runtime version) | libc6, libgdbm6 | - | - | lib:usr/lib/{triplet}/libgdbm_compat.so.4.0.0:libgdbm_compat.so.4:20000
less | 590-2.1~deb12u2 | text | any | foreign | 132 | 322 | pager program similar to more | libc6, libtinfo6 | - | - | bin:usr/bin/less:180000:less
patch | 2.7.6-7 | vcs | any | foreign | 128 | 234 | Apply a diff file to an original | libc6 | - | ed, diffutils-doc | bin:usr/bin/patch:120000:patch
openssh-client | 1:9.2p1-2+deb12u4 | net | any | foreign | 991 | 5005 | secure shell (SSH) client, for secure access to remote machines | libc6, libedit2, libfido2-1, libgssapi-krb5-2, libselinux1, libssl3, zlib1g | xauth | keychain, libpam-ssh, monkeysphere, ssh-askpass | bin:usr/bin/ssh:900000:ssh, bin:usr/bin/scp:150000:scp
libedit2 | 3.1-20221030-2 | libs | any | same | 88.8 | 258 | BSD editline and history libraries | libbsd0, libc6, libtinfo6 | - | - | lib:usr/lib/{triplet}/libedit.so.2.0.70:libedit.so.2:200000
libbsd0 | 0.11.7-2 | libs | any | same | 117 | 324 | utility functions from BSD systems - shared library | libc6, libmd0 | - | - | lib:usr/lib/{triplet}/libbsd.so.0.11.7:libbsd.so.0:90000
libfido2-1 | 1.12.0-2+b1 | libs | any | same | 77.2 | 225 | library for generating and verifying FIDO 2.0 objects | libc6, libcbor0.8, libssl3, libudev1, zlib1g | - | - | lib:usr/lib/{triplet}/libfido2.so.1.12.0:libfido2.so.1:170000
libcbor0.8 | 0.8.0-2+b1 | libs | any | same | 27.4 | 103 | library for parsing and generating CBOR (RFC 7049) | libc6 | - | - | lib:usr/lib/{triplet}/libcbor.so.0.8.0:libcbor.so.0.8:40000
netbase | 6.4 | admin | all | foreign | 12.8 | 41 | Basic TCP/IP networking system | - | - | - | data:etc/services:12813, data:etc/protocols:2932
libncursesw6 | 6.4-4 | libs | any | same | 134 | 411 | shared libraries for terminal handling (wide character support) | libc6, libtinfo6 | - | gpm | lib:usr/lib/{triplet}/libncursesw.so.6.4:libncursesw.so.6:350000
vim | 2:9.0.1378-2 | editors | any | foreign | 1567 | 3890 | Vi IMproved - enhanced vi editor | vim-common, vim-runtime, libacl1, libc6, libgpm2, libselinux1, libsodium23, libtinfo6 | - | ctags, vim-doc, vim-scripts | bin:usr/bin/vim.basic:3300000:vim, link:usr/bin/vim>vim.basic
vim-common | 2:9.0.1378-2 | editors | all | foreign | 124 | 398 | Vi IMproved - Common files | - | - | - | data:usr/share/vim/vimrc:662
vim-runtime | 2:9.0.1378-2 | editors | all | foreign | 7025 | 37203 | Vi IMproved - Runtime files | - | - | - | data:usr/share/vim/vim90/runtime.tar:37000000
libgpm2 | 1.20.7-10+b1 | libs | any | same | 14.2 | 49 | General Purpose Mouse - shared library | libc6 | - | - | lib:usr/lib/{triplet}/libgpm.so.2:libgpm.so.2:30000
libsodium23 | 1.0.18-1 | libs | any | same | 161 | 377 | Network communication, cryptography and signaturing library | libc6 | - | - | lib:usr/lib/{triplet}/libsodium.so.23.3.0:libsodium.so.23:350000
nano | 7.2-1+deb12u1 | editors | any | foreign | 690 | 2917 | small, friendly text editor inspired by Pico | libc6, libncursesw6, libtinfo6 | - | hunspell | bin:bin/nano:280000:nano
jq | 1.6-2.1 | utils | any | foreign | 64.9 | 102 | lightweight and flexible command-line JSON processor | libjq1, libc6 | - | - | bin:usr/bin/jq:30000:jq
libjq1 | 1.6-2.1 | libs | any | same | 135 | 397 | lightweight and flexible command-line JSON processor - shared library | libc6, libonig5 | - | - | lib:usr/lib/{triplet}/libjq.so.1.0.4:libjq.so.1:350000
libonig5 | 6.9.8-1 | libs | any | same | 188 | 632 | regular expressions library | libc6 | - | - | lib:usr/lib/{triplet}/libonig.so.5.3.0:libonig.so.5:560000
python3 | 3.11.2-1+b1 | python | any | allowed | 26.2 | 88 | interactive high-level object-oriented language (default python3 version) | python3-minimal, python3.11, libpython3-stdlib | - | python3-doc, python3-tk, python3-venv | link:usr/bin/python3>python3.11
python3-minimal | 3.11.2-1+b1 | python | any | allowed | 26.3 | 131 | minimal subset of the Python language (default python3 version) | python3.11-minimal, dpkg | - | - | -
python3.11 | 3.11.2-6+deb12u5 | python | any | allowed | 573 | 675 | Interactive high-level object-oriented language (version 3.11) | python3.11-minimal, libpython3.11-stdlib, media-types, tzdata | - | python3.11-venv, python3.11-doc, binutils | -
python3.11-minimal | 3.11.2-6+deb12u5 | python | any | allowed | 2064 | 6181 | Minimal subset of the Python language (version 3.11) | libpython3.11-minimal, libexpat1, zlib1g | - | binfmt-support | bin:usr/bin/python3.11:6000000:python3.11
libpython3.11-minimal | 3.11.2-6+deb12u5 | python | any | same | 817 | 5061 | Minimal subset of the Python language (version 3.11) | libc6, libssl3 | - | - | data:usr/lib/python3.11/os.py:40000
libpython3.11-stdlib | 3.11.2-6+deb12u5 | python | any | same | 1798 | 7802 | Interactive high-level object-oriented language (standard library, version 3.11) | libpython3.11-minimal, media-types, libbz2-1.0, libc6, libdb5.3, libffi8, liblzma5, libncursesw6, libnsl2, libreadline8, libsqlite3-0, libtinfo6, libtirpc3, libuuid1 | - | - | data:usr/lib/python3.11/stdlib.tar:7800000
libpython3-stdlib | 3.11.2-1+b1 | python | any | same | 9.3 | 37 | interactive high-level object-oriented language (default python3 version) | libpython3.11-stdlib | - | - | -
media-types | 10.0.0 | net | all | foreign | 26.1 | 99 | List of standard media types and their usual file extension | - | - | - | data:etc/mime.types:71000
libsqlite3-0 | 3.40.1-2+deb12u1 | libs | any | same | 838 | 1817 | SQLite 3 shared library | libc6 | - | sqlite3 | lib:usr/lib/{triplet}/libsqlite3.so.0.8.6:libsqlite3.so.0:1800000
libreadline8 | 8.2-1.3 | libs | any | same | 167 | 471 | GNU readline and history libraries, run-time libraries | readline-common, libc6, libtinfo6 | - | - | lib:usr/lib/{triplet}/libreadline.so.8.2:libreadline.so.8:300000
readline-common | 8.2-1.3 | utils | all | foreign | 69.4 | 185 | GNU readline and history libraries, common files | - | - | readline-doc | data:etc/inputrc:1748
libnsl2 | 1.3.0-2 | libs | any | same | 39.5 | 127 | Public client interface for NIS(YP) and NIS+ | libc6, libtirpc3 | - | - | lib:usr/lib/{triplet}/libnsl.so.2.0.1:libnsl.so.2:60000
libtirpc3 | 1.3.3+ds-1 | libs | any | same | 85.2 | 226 | transport-independent RPC library | libc6, libgssapi-krb5-2, libtirpc-common | - | - | lib:usr/lib/{triplet}/libtirpc.so.3.0.0:libtirpc.so.3:200000
libtirpc-common | 1.3.3+ds-1 | libs | all | foreign | 14 | 34 | transport-independent RPC library - common files | - | - | - | data:etc/netconfig:767
python3-pip | 23.0.1+dfsg-1 | python | all | foreign | 1325 | 7298 | Python package installer | ca-certificates, python3-distutils, python3-setuptools, python3-wheel, python3 | build-essential, python3-dev | - | data:usr/lib/python3/dist-packages/pip.tar:7000000, bin:usr/bin/pip3:1000:pip3
python3-distutils | 3.11.2-3 | python | all | foreign | 131 | 644 | distutils package for Python 3.x | python3, python3-lib2to3 | - | - | data:usr/lib/python3.11/distutils.tar:600000
python3-lib2to3 | 3.11.2-3 | python | all | foreign | 75.9 | 403 | Interactive high-level object-oriented language (lib2to3) | python3 | - | - | data:usr/lib/python3.11/lib2to3.tar:400000
python3-setuptools | 66.1.1-1+deb12u1 | python | all | foreign | 522 | 2811 | Python3 Distutils Enhancements | python3-pkg-resources, python3 | - | python-setuptools-doc | data:usr/lib/python3/dist-packages/setuptools.tar:2800000
python3-pkg-resources | 66.1.1-1+deb12u1 | python | all | foreign | 296 | 1006 | Package Discovery and Resource Access using pkg_resources | python3 | - | - | data:usr/lib/python3/dist-packages/pkg_resources.tar:1000000
python3-wheel | 0.38.4-2 | python | all | foreign | 32.9 | 150 | built-package format for Python | python3 | - | - | data:usr/lib/python3/dist-packages/wheel.tar:150000
nodejs | 18.19.0+dfsg-6~deb12u2 | javascript | any | foreign | 319 | 880 | evented I/O for V8 javascript - runtime executable | libc6, libnode108 | ca-certificates, nodejs-doc | npm | bin:usr/bin/node:1000:node, link:usr/bin/nodejs>node
libnode108 | 18.19.0+dfsg-6~deb12u2 | libs | any | same | 11500 | 51200 | evented I/O for V8 javascript - runtime library | libbrotli1, libc6, libcares2, libicu72, libnghttp2-14, libssl3, libuv1, zlib1g | - | - | lib:usr/lib/{triplet}/libnode.so.108:libnode.so.108:51000000
nodejs-doc | 18.19.0+dfsg-6~deb12u2 | doc | all | foreign | 3900 | 19300 | API documentation for Node.js, the javascript platform | - | - | - | data:usr/share/doc/nodejs/api.tar:19000000
libcares2 | 1.18.1-3 | libs | any | same | 102 | 190 | asynchronous name resolver | libc6 | - | - | lib:usr/lib/{triplet}/libcares.so.2.5.3:libcares.so.2:150000
libicu72 | 72.1-3 | libs | any | same | 9396 | 36934 | International Components for Unicode | libc6, libgcc-s1, libstdc++6 | - | - | lib:usr/lib/{triplet}/libicuuc.so.72.1:libicuuc.so.72:2000000, data:usr/lib/{triplet}/libicudata.so.72.1:31000000
libuv1 | 1.44.2-1 | libs | any | same | 140 | 370 | asynchronous event notification library - runtime library | libc6 | - | - | lib:usr/lib/{triplet}/libuv.so.1.0.0:libuv.so.1:300000
npm | 9.2.0~ds1-1 | javascript | all | foreign | 1500 | 8000 | package manager for Node.js | nodejs, node-gyp, node-semver, node-abbrev, node-nopt | - | - | data:usr/share/nodejs/npm/npm.tar:8000000, link:usr/bin/npm>../share/nodejs/npm/bin/npm-cli.js
node-gyp | 9.3.0-2 | javascript | all | foreign | 128 | 600 | Native addon build tool for Node.js | nodejs, node-semver, node-abbrev, node-nopt, make | - | - | data:usr/share/nodejs/node-gyp/index.js:2000
node-semver | 7.3.5+~7.3.8-2 | javascript | all | foreign | 42 | 150 | Semantic Versioning for Node.js | nodejs | - | - | data:usr/share/nodejs/semver/index.js:2000
node-abbrev | 1.1.1+~1.1.2-1 | javascript | all | foreign | 5.1 | 19 | Get unique abbreviations for a set of strings - Node.js module | nodejs | - | - | data:usr/share/nodejs/abbrev/abbrev.js:1800
node-nopt | 5.0.0-4 | javascript | all | foreign | 10.8 | 34 | Command-line option parser for Node.js | nodejs, node-abbrev | - | - | data:usr/share/nodejs/nopt/lib/nopt.js:9000
build-essential | 12.9 | devel | any | - | 7.7 | 20 | Informational list of build-essential packages | libc6-dev, gcc, g++, make, dpkg-dev | - | - | -
gcc | 4:12.2.0-3 | devel | any | - | 5.2 | 51 | GNU C compiler | cpp, gcc-12 | - | gcc-multilib, make, manpages-dev, autoconf, automake, libtool, flex, bison, gdb, gcc-doc | link:usr/bin/gcc>gcc-12, link:usr/bin/cc>gcc
gcc-12 | 12.2.0-14 | devel | any | - | 19300 | 69800 | GNU C compiler | cpp-12, gcc-12-base, libcc1-0, binutils, libgcc-12-dev, libisl23, libmpc3, libmpfr6, libzstd1, zlib1g | - | gcc-12-multilib, gcc-12-doc, gcc-12-locales | bin:usr/bin/gcc-12:1200000:gcc
cpp | 4:12.2.0-3 | interpreters | any | allowed | 6.8 | 39 | GNU C preprocessor (cpp) | cpp-12 | - | cpp-doc | link:usr/bin/cpp>cpp-12
cpp-12 | 12.2.0-14 | interpreters | any | - | 9768 | 30700 | GNU C preprocessor | gcc-12-base, libgmp10, libisl23, libmpc3, libmpfr6, zlib1g | - | gcc-12-locales, cpp-12-doc | bin:usr/bin/cpp-12:1200000:cpp, bin:usr/lib/gcc/{triplet}/12/cc1:30000000:cc1
libcc1-0 | 12.2.0-14 | libs | any | same | 41.7 | 140 | GCC cc1 plugin for GDB | gcc-12-base, libc6, libstdc++6 | - | - | lib:usr/lib/{triplet}/libcc1.so.0.0.0:libcc1.so.0:130000
libgcc-12-dev | 12.2.0-14 | libdevel | any | same | 2437 | 10040 | GCC support library (development files) | gcc-12-base, libgcc-s1, libgomp1, libitm1, libatomic1, libasan8, liblsan0, libtsan2, libubsan1, libquadmath0 | - | - | data:usr/lib/gcc/{triplet}/12/libgcc.a:10000000
libgomp1 | 12.2.0-14 | libs | any | same | 116 | 335 | GCC OpenMP (GOMP) support library | gcc-12-base, libc6 | - | - | lib:usr/lib/{triplet}/libgomp.so.1.0.0:libgomp.so.1:300000
libitm1 | 12.2.0-14 | libs | any | same | 26 | 112 | GNU Transactional Memory Library | gcc-12-base, libc6 | - | - | lib:usr/lib/{triplet}/libitm.so.1.0.0:libitm.so.1:100000
libatomic1 | 12.2.0-14 | libs | any | same | 9.3 | 42 | support library providing __atomic built-in functions | gcc-12-base, libc6 | - | - | lib:usr/lib/{triplet}/libatomic.so.1.2.0:libatomic.so.1:30000
libasan8 | 12.2.0-14 | libs | any | same | 2193 | 7700 | AddressSanitizer -- a fast memory error detector | gcc-12-base, libc6, libgcc-s1, libstdc++6 | - | - | lib:usr/lib/{triplet}/libasan.so.8.0.0:libasan.so.8:7500000
liblsan0 | 12.2.0-14 | libs | any | same | 969 | 3000 | LeakSanitizer -- a memory leak detector (runtime) | gcc-12-base, libc6, libgcc-s1, libstdc++6 | - | - | lib:usr/lib/{triplet}/liblsan.so.0.0.0:liblsan.so.0:2900000
libtsan2 | 12.2.0-14 | libs | any | same | 2197 | 7500 | ThreadSanitizer -- a Valgrind-based detector of data races (runtime) | gcc-12-base, libc6, libgcc-s1, libstdc++6 | - | - | lib:usr/lib/{triplet}/libtsan.so.2.0.0:libtsan.so.2:7300000
libubsan1 | 12.2.0-14 | libs | any | same | 883 | 2900 | UBSan -- undefined behaviour sanitizer (runtime) | gcc-12-base, libc6, libgcc-s1, libstdc++6 | - | - | lib:usr/lib/{triplet}/libubsan.so.1.0.0:libubsan.so.1:2800000
libquadmath0 | 12.2.0-14 | libs | any | same | 145 | 291 | GCC Quad-Precision Math Library | gcc-12-base, libc6 | - | - | lib:usr/lib/{triplet}/libquadmath.so.0.0.0:libquadmath.so.0:280000
libisl23 | 0.25-1.1 | libs | any | same | 677 | 2250 | manipulating sets and relations of integer points bounded by linear constraints | libc6, libgmp10 | - | - | lib:usr/lib/{triplet}/libisl.so.23.2.0:libisl.so.23:2200000
libmpc3 | 1.3.1-1 | libs | any | same | 51.4 | 124 | multiple precision complex floating-point library | libc6, libgmp10, libmpfr6 | - | - | lib:usr/lib/{triplet}/libmpc.so.3.3.1:libmpc.so.3:110000
libmpfr6 | 4.2.0-1 | libs | any | same | 701 | 1271 | multiple precision floating-point computation | libc6, libgmp10 | - | - | lib:usr/lib/{triplet}/libmpfr.so.6.2.0:libmpfr.so.6:1200000
binutils | 2.40-2 | devel | any | foreign | 65 | 134 | GNU assembler, linker and binary utilities | binutils-common, libbinutils, binutils-x86-64-linux-gnu | - | binutils-doc, gprofng-gui | -
binutils-common | 2.40-2 | devel | any | same | 2487 | 11790 | Common files for the GNU assembler, linker and binary utilities | - | - | binutils-doc | data:usr/share/locale/de/LC_MESSAGES/binutils.mo:80000
libbinutils | 2.40-2 | devel | any | same | 572 | 2430 | GNU binary utilities (private shared library) | binutils-common, libc6, zlib1g | - | - | lib:usr/lib/{triplet}/libbfd-2.40-system.so:libbfd-2.40-system.so:1700000
binutils-x86-64-linux-gnu | 2.40-2 | devel | any | allowed | 2354 | 10200 | GNU binary utilities, for x86-64-linux-gnu target | binutils-common, libbinutils, libc6, zlib1g | - | binutils-doc | bin:usr/bin/x86_64-linux-gnu-ld.bfd:1700000:ld, bin:usr/bin/x86_64-linux-gnu-as:800000:as
g++ | 4:12.2.0-3 | devel | any | - | 1.4 | 15 | GNU C++ compiler | cpp, gcc, g++-12 | - | - | link:usr/bin/g++>g++-12
g++-12 | 12.2.0-14 | devel | any | - | 10700 | 36600 | GNU C++ compiler | gcc-12-base, gcc-12, libstdc++-12-dev | - | g++-12-multilib, gcc-12-doc | bin:usr/bin/g++-12:1200000:g++
libstdc++-12-dev | 12.2.0-14 | libdevel | any | same | 2047 | 18500 | GNU Standard C++ Library v3 (development files) | gcc-12-base, libgcc-12-dev, libstdc++6, libc6-dev | - | libstdc++-12-doc | data:usr/include/c++/12/headers.tar:18000000
make | 4.3-4.1 | devel | any | allowed | 396 | 1589 | utility for directing compilation | libc6 | - | make-doc | bin:usr/bin/make:230000:make
dpkg-dev | 1.21.22 | utils | all | foreign | 1353 | 3216 | Debian package development tools | perl, libdpkg-perl, binutils, bzip2, make, patch, xz-utils | build-essential, fakeroot, gnupg, gpgv | debian-keyring | data:usr/bin/dpkg-buildpackage:60000
libdpkg-perl | 1.21.22 | perl | all | foreign | 603 | 2017 | Dpkg perl modules | perl, dpkg | - | debian-keyring, gnupg, gpgv, binutils | data:usr/share/perl5/Dpkg.pm:12000
bzip2 | 1.0.8-5+b1 | utils | any | foreign | 48.8 | 124 | high-quality block-sorting file compressor - utilities | libbz2-1.0, libc6 | - | bzip2-doc | bin:bin/bzip2:40000:bzip2
xz-utils | 5.4.1-0.2 | utils | any | foreign | 471 | 1314 | XZ-format compression utilities | libc6, liblzma5 | - | - | bin:usr/bin/xz:90000:xz
libc6-dev | 2.36-9+deb12u9 | libdevel | any | same | 1903 | 12437 | GNU C Library: Development Libraries and Header Files | libc6, libc-dev-bin, linux-libc-dev, libcrypt-dev, libnsl-dev, rpcsvc-proto | - | glibc-doc, manpages-dev | data:usr/include/libc-headers.tar:12000000
libc-dev-bin | 2.36-9+deb12u9 | libdevel | any | foreign | 47.2 | 142 | GNU C Library: Development binaries | libc6 | - | - | data:usr/bin/gencat:30000
linux-libc-dev | 6.1.128-1 | devel | any | same | 2114 | 12700 | Linux support headers for userspace development | - | - | - | data:usr/include/linux/headers.tar:12000000
libcrypt-dev | 1:4.4.33-2 | libdevel | any | same | 119 | 321 | libcrypt development files | libcrypt1 | - | - | data:usr/include/crypt.h:10000
libnsl-dev | 1.3.0-2 | libdevel | any | same | 66.4 | 339 | libnsl development files | libnsl2, libtirpc-dev | - | - | data:usr/include/rpcsvc/nis.h:20000
libtirpc-dev | 1.3.3+ds-1 | libdevel | any | same | 193 | 800 | transport-independent RPC library - development files | libtirpc3 | - | - | data:usr/include/tirpc/rpc.h:20000
rpcsvc-proto | 1.4.3-1 | devel | any | foreign | 63.3 | 212 | RPC protocol compiler and definitions | libc6 | - | - | bin:usr/bin/rpcgen:100000:rpcgen
iputils-ping | 3:20221126-1+deb12u1 | net | any | foreign | 47.1 | 116 | Tools to test the reachability of network hosts | libc6, libcap2-bin, libidn2-0 | - | - | bin:bin/ping:90000:ping
libcap2-bin | 1:2.66-4 | utils | any | foreign | 34.6 | 139 | POSIX 1003.1e capabilities (utilities) | libcap2 | - | libpam-cap | bin:sbin/setcap:20000:setcap, bin:sbin/getcap:20000:getcap
procps | 2:4.0.2-3 | admin | any | foreign | 709 | 2399 | /proc file system utilities | libc6, libncursesw6, libproc2-0, libsystemd0, libtinfo6, init-system-helpers | psmisc | - | bin:bin/ps:140000:ps, bin:usr/bin/top:130000:top, bin:usr/bin/free:20000:free, bin:usr/bin/pgrep:40000:pgrep, bin:usr/bin/watch:30000:watch
libproc2-0 | 2:4.0.2-3 | libs | any | same | 62.8 | 182 | library for accessing process information from /proc | libc6, libsystemd0 | - | - | lib:usr/lib/{triplet}/libproc2.so.0.0.1:libproc2.so.0:150000
psmisc | 23.6-1 | admin | any | foreign | 259 | 904 | utilities that use the proc file system | libc6, libtinfo6 | - | x11-utils | bin:usr/bin/pstree:40000:pstree, bin:usr/bin/killall:30000:killall
net-tools | 2.10-0.1 | net | any | foreign | 243 | 1001 | NET-3 networking toolkit | libc6, libselinux1 | - | - | bin:bin/netstat:150000:netstat, bin:sbin/ifconfig:80000:ifconfig, bin:sbin/route:70000:route
htop | 3.2.2-2 | utils | any | foreign | 152 | 387 | interactive processes viewer | libc6, libncursesw6, libnl-3-200, libnl-genl-3-200, libtinfo6 | - | lm-sensors, lsof, strace | bin:usr/bin/htop:300000:htop
libnl-3-200 | 3.7.0-0.2+b1 | libs | any | same | 63.5 | 182 | library for dealing with netlink sockets | libc6 | - | - | lib:usr/lib/{triplet}/libnl-3.so.200.26.0:libnl-3.so.200:130000
libnl-genl-3-200 | 3.7.0-0.2+b1 | libs | any | same | 21.7 | 56 | library for dealing with netlink sockets - generic netlink | libc6, libnl-3-200 | - | - | lib:usr/lib/{triplet}/libnl-genl-3.so.200.26.0:libnl-genl-3.so.200:30000
tree | 2.1.0-1 | utils | any | foreign | 54.8 | 129 | displays an indented directory tree, in color | libc6 | - | - | bin:usr/bin/tree:90000:tree
file | 1:5.44-3 | utils | any | foreign | 42.5 | 91 | Recognize the type of data in a file using "magic" numbers | libc6, libmagic1 | - | - | bin:usr/bin/file:30000:file
libmagic1 | 1:5.44-3 | libs | any | same | 104 | 262 | Recognize the type of data in a file using "magic" numbers - library | libbz2-1.0, libc6, liblzma5, zlib1g, libmagic-mgc | - | file | lib:usr/lib/{triplet}/libmagic.so.1.0.0:libmagic.so.1:160000
libmagic-mgc | 1:5.44-3 | libs | any | - | 305 | 7000 | File type determination library using "magic" numbers (compiled magic file) | - | - | file | data:usr/lib/file/magic.mgc:7000000
unzip | 6.0-28 | utils | any | foreign | 166 | 385 | De-archiver for .zip files | libbz2-1.0, libc6 | - | zip | bin:usr/bin/unzip:180000:unzip
`);

/** Packages in debian:bookworm(-slim) before anything is installed: [name, version, multiArch]. */
export const BOOKWORM_BASE: readonly [string, string, ('same' | 'foreign')?][] = [
  ['adduser', '3.134'],
  ['apt', '2.6.1'],
  ['base-files', '12.4+deb12u9'],
  ['base-passwd', '3.6.1'],
  ['bash', '5.2.15-2+b7'],
  ['bsdutils', '1:2.38.1-5+deb12u3'],
  ['coreutils', '9.1-1'],
  ['dash', '0.5.12-2'],
  ['debconf', '1.5.82'],
  ['debian-archive-keyring', '2023.3+deb12u1'],
  ['debianutils', '5.7-0.5~deb12u1'],
  ['diffutils', '1:3.8-4'],
  ['dpkg', '1.21.22'],
  ['e2fsprogs', '1.47.0-2'],
  ['findutils', '4.9.0-4'],
  ['gcc-12-base', '12.2.0-14', 'same'],
  ['gpgv', '2.2.40-1.1'],
  ['grep', '3.8-5'],
  ['gzip', '1.12-1'],
  ['hostname', '3.23+nmu1'],
  ['init-system-helpers', '1.65.2'],
  ['libacl1', '2.3.1-3', 'same'],
  ['libapt-pkg6.0', '2.6.1', 'same'],
  ['libattr1', '1:2.5.1-4', 'same'],
  ['libaudit-common', '1:3.0.9-1'],
  ['libaudit1', '1:3.0.9-1', 'same'],
  ['libblkid1', '2.38.1-5+deb12u3', 'same'],
  ['libbz2-1.0', '1.0.8-5+b1', 'same'],
  ['libc-bin', '2.36-9+deb12u9'],
  ['libc6', '2.36-9+deb12u9', 'same'],
  ['libcap-ng0', '0.8.3-1+b3', 'same'],
  ['libcap2', '1:2.66-4', 'same'],
  ['libcom-err2', '1.47.0-2', 'same'],
  ['libcrypt1', '1:4.4.33-2', 'same'],
  ['libdb5.3', '5.3.28+dfsg2-1', 'same'],
  ['libdebconfclient0', '0.270', 'same'],
  ['libext2fs2', '1.47.0-2', 'same'],
  ['libffi8', '3.4.4-1', 'same'],
  ['libgcc-s1', '12.2.0-14', 'same'],
  ['libgcrypt20', '1.10.1-3', 'same'],
  ['libgmp10', '2:6.2.1+dfsg1-1.1', 'same'],
  ['libgnutls30', '3.7.9-2+deb12u3', 'same'],
  ['libgpg-error0', '1.46-1', 'same'],
  ['libhogweed6', '3.8.1-2', 'same'],
  ['libidn2-0', '2.3.3-1+b1', 'same'],
  ['liblz4-1', '1.9.4-1', 'same'],
  ['liblzma5', '5.4.1-0.2', 'same'],
  ['libmd0', '1.0.4-2', 'same'],
  ['libmount1', '2.38.1-5+deb12u3', 'same'],
  ['libnettle8', '3.8.1-2', 'same'],
  ['libp11-kit0', '0.24.1-2', 'same'],
  ['libpam-modules', '1.5.2-6+deb12u1', 'same'],
  ['libpam-modules-bin', '1.5.2-6+deb12u1'],
  ['libpam-runtime', '1.5.2-6+deb12u1'],
  ['libpam0g', '1.5.2-6+deb12u1', 'same'],
  ['libpcre2-8-0', '10.42-1', 'same'],
  ['libseccomp2', '2.5.4-1+deb12u1', 'same'],
  ['libselinux1', '3.4-1+b6', 'same'],
  ['libsemanage-common', '3.4-1'],
  ['libsemanage2', '3.4-1+b5', 'same'],
  ['libsepol2', '3.4-2.1', 'same'],
  ['libsmartcols1', '2.38.1-5+deb12u3', 'same'],
  ['libss2', '1.47.0-2', 'same'],
  ['libssl3', '3.0.15-1~deb12u1', 'same'],
  ['libstdc++6', '12.2.0-14', 'same'],
  ['libsystemd0', '252.33-1~deb12u1', 'same'],
  ['libtasn1-6', '4.19.0-2+deb12u1', 'same'],
  ['libtinfo6', '6.4-4', 'same'],
  ['libudev1', '252.33-1~deb12u1', 'same'],
  ['libunistring2', '1.0-2', 'same'],
  ['libuuid1', '2.38.1-5+deb12u3', 'same'],
  ['libxxhash0', '0.8.1-1', 'same'],
  ['libzstd1', '1.5.4+dfsg2-5', 'same'],
  ['login', '1:4.13+dfsg1-1+b1'],
  ['logsave', '1.47.0-2'],
  ['mawk', '1.3.4.20200120-3.1'],
  ['mount', '2.38.1-5+deb12u3'],
  ['ncurses-base', '6.4-4'],
  ['ncurses-bin', '6.4-4'],
  ['passwd', '1:4.13+dfsg1-1+b1'],
  ['perl-base', '5.36.0-7+deb12u1'],
  ['sed', '4.9-1'],
  ['sysvinit-utils', '3.06-4'],
  ['tar', '1.34+dfsg-1.2+deb12u1'],
  ['tzdata', '2024b-0+deb12u1'],
  ['usr-is-merged', '37~deb12u1'],
  ['util-linux', '2.38.1-5+deb12u3'],
  ['util-linux-extra', '2.38.1-5+deb12u3'],
  ['zlib1g', '1:1.2.13.dfsg-1', 'same'],
];

T.find((p) => p.name === 'openssh-client')!.provides.push('ssh-client');

export const bookwormIndex = new PackageIndex(T);
