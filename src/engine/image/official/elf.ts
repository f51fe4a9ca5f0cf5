// Miniature stand-ins for executables and shared libraries.
//
// A real `/bin/busybox` is an ELF file: a 64-byte header (magic `\x7fELF`, class, byte order, the
// machine it runs on) followed by machine code. Ours keeps a real ELF64 little-endian header for the
// architecture, then an ASCII marker naming the program, then deterministic random filler up to the
// chosen size. The container runtime reads the marker back with `programOf` to know what to run —
// the simulated equivalent of the kernel loading the code. Shared libraries get a different marker
// (`DOCKYARD-LIBRARY:`), so `programOf` says they are not programs, as running one would fail.
import { concatBytes, utf8, type Bytes } from '../../bytes';
import { randomBytes } from './prng';
import type { TargetPlatform } from './platforms';

export const PROGRAM_MARKER = 'DOCKYARD-PROGRAM:';
export const LIBRARY_MARKER = 'DOCKYARD-LIBRARY:';

const ELF_HEADER_SIZE = 64;
const ET_EXEC = 2;
const ET_DYN = 3;

export interface StandInOptions {
  /** Program name (`busybox`, `nginx`) or library soname (`libc.so.6`). */
  name: string;
  kind: 'program' | 'library';
  platform: TargetPlatform;
  /** Total size in bytes; never smaller than header + marker + embedded text. */
  size: number;
  /** Seed of the filler; the path is a good one (the architecture is added here). */
  seed: string;
  /** Strings the real binary carries, embedded after the marker (hello-world's message). */
  embedded?: string;
  /** Statically linked executables are ET_EXEC; PIE programs and libraries are ET_DYN. */
  staticExecutable?: boolean;
}

/** An ELF64 header for the platform: what `file` would call "ELF 64-bit LSB executable". */
export function elfHeader(platform: TargetPlatform, type: number): Bytes {
  const h = new Uint8Array(ELF_HEADER_SIZE);
  const v = new DataView(h.buffer);
  h.set([0x7f, 0x45, 0x4c, 0x46], 0); // \x7fELF
  h[4] = 2; // EI_CLASS: ELFCLASS64
  h[5] = 1; // EI_DATA: little-endian
  h[6] = 1; // EI_VERSION: current
  h[7] = 0; // EI_OSABI: System V
  v.setUint16(16, type, true); // e_type
  v.setUint16(18, platform.elfMachine, true); // e_machine
  v.setUint32(20, 1, true); // e_version
  v.setBigUint64(24, type === ET_EXEC ? 0x401000n : 0x1000n, true); // e_entry
  v.setBigUint64(32, 0n, true); // e_phoff: no program headers in a stand-in
  v.setBigUint64(40, 0n, true); // e_shoff
  v.setUint32(48, 0, true); // e_flags
  v.setUint16(52, ELF_HEADER_SIZE, true); // e_ehsize
  v.setUint16(54, 56, true); // e_phentsize
  v.setUint16(56, 0, true); // e_phnum
  v.setUint16(58, 64, true); // e_shentsize
  v.setUint16(60, 0, true); // e_shnum
  v.setUint16(62, 0, true); // e_shstrndx
  return h;
}

/** Build a stand-in binary: ELF header, marker, embedded text, random filler. */
export function elfStandIn(o: StandInOptions): Bytes {
  const type = o.kind === 'program' && o.staticExecutable ? ET_EXEC : ET_DYN;
  const marker = utf8(`${o.kind === 'program' ? PROGRAM_MARKER : LIBRARY_MARKER}${o.name}\0`);
  const embedded = o.embedded === undefined ? new Uint8Array(0) : utf8(`${o.embedded}\0`);
  const head = concatBytes([elfHeader(o.platform, type), marker, embedded]);
  const filler = randomBytes(`${o.seed}@${o.platform.arch}`, Math.max(0, o.size - head.length));
  return concatBytes([head, filler]);
}

/** The smallest size a stand-in for `name` can have. */
export function minimumStandInSize(name: string, embedded?: string): number {
  return ELF_HEADER_SIZE + PROGRAM_MARKER.length + utf8(name).length + 1 + (embedded ? utf8(embedded).length + 1 : 0);
}

function hasElfMagic(bytes: Uint8Array): boolean {
  return (
    bytes.length >= ELF_HEADER_SIZE && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46
  );
}

function markedName(bytes: Uint8Array, marker: string): string | undefined {
  if (!hasElfMagic(bytes)) return undefined;
  for (let i = 0; i < marker.length; i++) {
    if (bytes[ELF_HEADER_SIZE + i] !== marker.charCodeAt(i)) return undefined;
  }
  const start = ELF_HEADER_SIZE + marker.length;
  const end = bytes.indexOf(0, start);
  if (end <= start) return undefined;
  let name = '';
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c < 0x21 || c > 0x7e) return undefined; // names are printable ASCII without spaces
    name += String.fromCharCode(c);
  }
  return name;
}

/** Which program an executable stand-in is (`busybox`, `nginx`, `hello`), or undefined. */
export function programOf(bytes: Uint8Array): string | undefined {
  return markedName(bytes, PROGRAM_MARKER);
}

/** Which library a shared-object stand-in is (`libc.so.6`), or undefined. */
export function libraryOf(bytes: Uint8Array): string | undefined {
  return markedName(bytes, LIBRARY_MARKER);
}

/** The ELF e_machine of a file, or undefined if it is not ELF. */
export function elfMachineOf(bytes: Uint8Array): number | undefined {
  if (!hasElfMagic(bytes)) return undefined;
  return bytes[18]! | (bytes[19]! << 8);
}
