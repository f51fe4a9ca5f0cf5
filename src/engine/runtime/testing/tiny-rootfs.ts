// A root filesystem small enough to build in a test (and in the browser) without the catalogue:
// BusyBox as a real ELF stand-in with a few applet links, passwd and group files, a `#!` script,
// a text file that is not executable, and an ELF built for another architecture.

import type { FsEntry } from '../../layer/entry';
import { Overlay } from '../../layer/overlay';
import { applyLayer, emptySnapshot } from '../../layer/snapshot';
import { elfStandIn } from '../../image/official/elf';
import { amd64, arm64 } from '../../image/official/platforms';

const enc = new TextEncoder();

function file(path: string, content: string | Uint8Array, mode = 0o644): FsEntry {
  const bytes = typeof content === 'string' ? enc.encode(content) : content;
  return { path, type: 'file', mode, uid: 0, gid: 0, mtime: 1_739_503_716, content: bytes as FsEntry['content'] };
}

function dir(path: string, mode = 0o755): FsEntry {
  return { path, type: 'dir', mode, uid: 0, gid: 0, mtime: 1_739_503_716 };
}

function link(path: string, target: string): FsEntry {
  return { path, type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: 1_739_503_716, linkname: target };
}

const APPLETS = ['sh', 'ls', 'cat', 'echo', 'sleep', 'ps', 'env', 'true', 'false', 'id', 'kill', 'printf'];

/** Entries of the tiny root filesystem. */
export function tinyRootfsEntries(): FsEntry[] {
  return [
    dir('bin'),
    dir('etc'),
    dir('tmp', 0o1777),
    dir('root', 0o700),
    dir('usr'),
    dir('usr/bin'),
    file(
      'bin/busybox',
      elfStandIn({ name: 'busybox', kind: 'program', platform: amd64, size: 256, seed: 'bin/busybox' }),
      0o755,
    ),
    ...APPLETS.map((a) => link(`bin/${a}`, '/bin/busybox')),
    file('etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n'),
    file('etc/group', 'root:x:0:root\nwheel:x:10:root\nnobody:x:65534:\n'),
    file('usr/bin/hello.sh', '#!/bin/sh\necho "hello from $0 with $# args: $*"\nexit 3\n', 0o755),
    file('usr/bin/noshebang', 'echo "run by the shell: $1"\n', 0o755),
    file('usr/bin/missing-interpreter', '#!/bin/bash\necho never\n', 0o755),
    file('usr/bin/notes.txt', 'not a program\n', 0o644),
    file(
      'usr/bin/arm-only',
      elfStandIn({ name: 'busybox', kind: 'program', platform: arm64, size: 256, seed: 'arm' }),
      0o755,
    ),
  ];
}

/** A fresh container filesystem over the tiny root filesystem. */
export function tinyRootfs(now: () => number = () => 1_740_830_400): Overlay {
  return new Overlay(applyLayer(emptySnapshot(), tinyRootfsEntries()), { now });
}
