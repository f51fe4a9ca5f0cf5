// buildpack-deps: the three layers node and python are built on. Starting FROM debian:bookworm,
// docker-library adds, in three RUN steps, (1) curl, wget, gnupg and CA certificates, (2) version
// control tools — git, mercurial, openssh-client, subversion, procps — and (3) compilers and
// development headers (gcc, g++, make, libssl-dev, …). Every image built on buildpack-deps shares
// these four layers: pull node after python and only node's own layers are downloaded.
import type { LayerRecipe, Step } from './assemble';
import { debianSteps } from './debian';
import { epochOf, step } from './history';
import type { TargetPlatform } from './platforms';
import { dpkgStatus, type DebPackage } from './package-db';
import { buildpackCurlPackages, buildpackDevPackages, buildpackScmPackages } from './package-lists';
import { FileTree } from './tree';

type Weights = readonly (readonly [path: string, kind: 'program' | 'library' | 'data', realSize: number])[];

/** The dpkg database after each of the three RUN steps: every step rewrites the whole file. */
const afterCurl = buildpackCurlPackages;
const afterScm = [...afterCurl, ...buildpackScmPackages];
/** Everything buildpack-deps:bookworm adds to Debian's base system (python's first RUN adds to it). */
export const buildpackDepsPackages: readonly DebPackage[] = [...afterScm, ...buildpackDevPackages];

function layerOf(
  key: string,
  created: string,
  target: number,
  files: Weights,
  installed: readonly DebPackage[],
): LayerRecipe {
  return {
    key,
    entries: (p: TargetPlatform) => {
      const t = new FileTree(p, epochOf(created));
      t.text('var/lib/dpkg/status', dpkgStatus(p, installed));
      for (const [rawPath, kind, size] of files) {
        const path = rawPath.replace('{triplet}', p.triplet);
        const name = path.slice(path.lastIndexOf('/') + 1);
        if (kind === 'program') t.program(path, name, size);
        else if (kind === 'library') t.library(path, name, size);
        else t.data(path, size);
      }
      return t.entries(target);
    },
  };
}

const curlCreated = '2025-02-04T01:31:43Z';
const scmCreated = '2025-02-04T02:21:07Z';
const devCreated = '2025-02-04T03:09:26Z';

const curlLayer = layerOf(
  'buildpack-deps-bookworm-curl',
  curlCreated,
  58_400,
  [
    ['usr/bin/curl', 'program', 280_000],
    ['usr/bin/wget', 'program', 520_000],
    ['usr/bin/gpg', 'program', 1_100_000],
    ['usr/bin/gpgv', 'program', 400_000],
    ['usr/bin/sq', 'program', 12_000_000],
    ['usr/lib/{triplet}/libcurl.so.4.8.0', 'library', 700_000],
    ['usr/lib/{triplet}/libgcrypt.so.20.4.1', 'library', 1_300_000],
    ['usr/lib/{triplet}/libldap-2.5.so.0.1.8', 'library', 380_000],
    ['usr/share/ca-certificates/mozilla.tar.gz', 'data', 220_000],
    ['usr/share/gnupg/help.tar.gz', 'data', 3_000_000],
  ],
  afterCurl,
);

const scmLayer = layerOf(
  'buildpack-deps-bookworm-scm',
  scmCreated,
  182_000,
  [
    ['usr/bin/git', 'program', 4_000_000],
    ['usr/lib/git-core/git-remote-http', 'program', 1_700_000],
    ['usr/bin/hg', 'program', 1_000],
    ['usr/bin/python3.11', 'program', 6_800_000],
    ['usr/lib/python3.11/stdlib.zip', 'data', 45_000_000],
    ['usr/lib/python3/dist-packages/mercurial.zip', 'data', 30_000_000],
    ['usr/bin/ssh', 'program', 900_000],
    ['usr/bin/scp', 'program', 130_000],
    ['usr/bin/svn', 'program', 300_000],
    ['usr/lib/{triplet}/libsvn_client-1.so.1.0.0', 'library', 20_000_000],
    ['usr/bin/ps', 'program', 150_000],
    ['usr/bin/top', 'program', 130_000],
    ['usr/bin/free', 'program', 30_000],
    ['usr/share/perl5/Git.tar.gz', 'data', 60_000_000],
  ],
  afterScm,
);

const devLayer = layerOf(
  'buildpack-deps-bookworm',
  devCreated,
  588_000,
  [
    ['usr/bin/gcc-12', 'program', 1_200_000],
    ['usr/bin/g++-12', 'program', 1_200_000],
    ['usr/libexec/gcc/{triplet}/12/cc1', 'program', 33_000_000],
    ['usr/libexec/gcc/{triplet}/12/cc1plus', 'program', 36_000_000],
    ['usr/bin/{triplet}-ld.bfd', 'program', 2_000_000],
    ['usr/bin/{triplet}-as', 'program', 900_000],
    ['usr/bin/make', 'program', 250_000],
    ['usr/bin/autoconf', 'program', 20_000],
    ['usr/lib/{triplet}/libMagickCore-6.Q16.so.6.0.0', 'library', 3_000_000],
    ['usr/lib/{triplet}/libicudata.so.72.1', 'library', 31_000_000],
    ['usr/lib/llvm-14/lib/libLLVM-14.so.1', 'library', 100_000_000],
    ['usr/include/headers.tar', 'data', 120_000_000],
    ['usr/lib/{triplet}/static-libraries.tar', 'data', 180_000_000],
    ['usr/share/perl/5.36/modules.tar', 'data', 80_000_000],
  ],
  buildpackDepsPackages,
);

/** The four steps of buildpack-deps:bookworm for platform `p`: Debian, then curl, scm and dev. */
export function buildpackDepsSteps(p: TargetPlatform): Step[] {
  const apt = (packages: string) =>
    `set -eux; apt-get update; apt-get install -y --no-install-recommends ${packages}; rm -rf /var/lib/apt/lists/*`;
  return [
    ...debianSteps(false, p),
    step.run(curlCreated, apt('ca-certificates curl gnupg netbase sq wget'), curlLayer),
    step.run(scmCreated, apt('git mercurial openssh-client subversion procps'), scmLayer),
    step.run(
      devCreated,
      apt(
        'autoconf automake bzip2 default-libmysqlclient-dev dpkg-dev file g++ gcc imagemagick libbz2-dev libc6-dev ' +
          'libcurl4-openssl-dev libdb-dev libevent-dev libffi-dev libgdbm-dev libglib2.0-dev libgmp-dev libjpeg-dev ' +
          'libkrb5-dev liblzma-dev libmagickcore-dev libmagickwand-dev libmaxminddb-dev libncurses5-dev ' +
          'libncursesw5-dev libpng-dev libpq-dev libreadline-dev libsqlite3-dev libssl-dev libtool libwebp-dev ' +
          'libxml2-dev libxslt-dev libyaml-dev make patch unzip xz-utils zlib1g-dev',
      ),
      devLayer,
    ),
  ];
}
