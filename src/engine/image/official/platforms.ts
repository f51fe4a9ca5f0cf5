// The platforms every official image is published for here: linux/amd64 and linux/arm64/v8.
//
// An image index (image-index.md) lists one manifest per platform; a client picks the entry whose
// `platform` matches its own. Each platform has its own config and layers: the machine code differs
// (ELF `e_machine` 62 = x86-64, 183 = AArch64) and so do a few names that carry the architecture
// (the musl loader `ld-musl-x86_64.so.1`, Debian's multiarch `/usr/lib/x86_64-linux-gnu`, the
// tarball name in `ADD alpine-minirootfs-3.21.3-x86_64.tar.gz /`), while text files are identical.
import type { Platform } from '../types';

export interface TargetPlatform {
  /** Docker's GOARCH name, also the key we use in seeds: `amd64`, `arm64`. */
  readonly arch: 'amd64' | 'arm64';
  /** As written in an index entry and an image config. */
  readonly platform: Platform;
  /** ELF e_machine of the architecture. */
  readonly elfMachine: number;
  /** Alpine's and the kernel's name (`uname -m`): `x86_64`, `aarch64`. */
  readonly uname: string;
  /** Debian's multiarch triplet, the library directory under /usr/lib. */
  readonly triplet: string;
  /** The glibc dynamic loader's file name. */
  readonly glibcLoader: string;
  /** The docker-library name of the architecture (`bashbrew.arch` annotation, hello-world's text). */
  readonly bashbrew: string;
  /** Node.js's name in its release tarballs. */
  readonly nodeArch: string;
}

export const amd64: TargetPlatform = {
  arch: 'amd64',
  platform: { architecture: 'amd64', os: 'linux' },
  elfMachine: 62,
  uname: 'x86_64',
  triplet: 'x86_64-linux-gnu',
  glibcLoader: 'ld-linux-x86-64.so.2',
  bashbrew: 'amd64',
  nodeArch: 'x64',
};

export const arm64: TargetPlatform = {
  arch: 'arm64',
  platform: { architecture: 'arm64', os: 'linux', variant: 'v8' },
  elfMachine: 183,
  uname: 'aarch64',
  triplet: 'aarch64-linux-gnu',
  glibcLoader: 'ld-linux-aarch64.so.1',
  bashbrew: 'arm64v8',
  nodeArch: 'arm64',
};

/** Index order: amd64 first, as Docker Hub lists them. */
export const platforms: readonly TargetPlatform[] = [amd64, arm64];
