import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { utf8 } from '../../bytes';
import { elfMachineOf, elfStandIn, libraryOf, programOf } from './elf';
import { amd64, arm64, platforms } from './platforms';

describe('elfStandIn', () => {
  it.each([
    [amd64, 62],
    [arm64, 183],
  ])('writes a real ELF64 little-endian header for %s', (platform, machine) => {
    const bytes = elfStandIn({ name: 'ls', kind: 'program', platform, size: 200, seed: 'usr/bin/ls' });
    expect([...bytes.subarray(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
    expect(bytes[4]).toBe(2); // ELFCLASS64
    expect(bytes[5]).toBe(1); // little-endian
    expect(bytes[6]).toBe(1); // EV_CURRENT
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint16(16, true)).toBe(3); // ET_DYN (PIE)
    expect(view.getUint16(18, true)).toBe(machine);
    expect(view.getUint16(52, true)).toBe(64); // e_ehsize
    expect(elfMachineOf(bytes)).toBe(machine);
    expect(bytes).toHaveLength(200);
  });

  it('marks static executables ET_EXEC', () => {
    const bytes = elfStandIn({
      name: 'hello',
      kind: 'program',
      platform: amd64,
      size: 100,
      seed: 'hello',
      staticExecutable: true,
    });
    expect(new DataView(bytes.buffer).getUint16(16, true)).toBe(2);
  });

  it('differs between architectures beyond the header, as machine code does', () => {
    const [a, b] = platforms.map((platform) =>
      elfStandIn({ name: 'sh', kind: 'program', platform, size: 500, seed: 'bin/sh' }),
    );
    expect(a!.subarray(100)).not.toEqual(b!.subarray(100));
  });

  it('carries embedded text after the marker', () => {
    const bytes = elfStandIn({
      name: 'hello',
      kind: 'program',
      platform: arm64,
      size: 10,
      seed: 'x',
      embedded: 'Hello from Docker!',
    });
    expect(new TextDecoder('latin1').decode(bytes)).toContain('Hello from Docker!');
    expect(bytes.length).toBeGreaterThan(64 + 'Hello from Docker!'.length); // never cut below its contents
  });
});

describe('programOf', () => {
  it('reads back the program name of any stand-in', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-zA-Z0-9._+-]{1,40}$/),
        fc.constantFrom(...platforms),
        fc.integer({ min: 0, max: 400 }),
        (name, platform, size) => {
          const bytes = elfStandIn({ name, kind: 'program', platform, size, seed: name });
          expect(programOf(bytes)).toBe(name);
          expect(libraryOf(bytes)).toBeUndefined();
        },
      ),
    );
  });

  it('says a shared library is not a program', () => {
    const lib = elfStandIn({ name: 'libc.so.6', kind: 'library', platform: amd64, size: 300, seed: 'libc' });
    expect(programOf(lib)).toBeUndefined();
    expect(libraryOf(lib)).toBe('libc.so.6');
  });

  it.each([
    ['text', utf8('#!/bin/sh\necho hi\n')],
    ['empty', new Uint8Array(0)],
    ['ELF magic only', new Uint8Array([0x7f, 0x45, 0x4c, 0x46])],
    [
      'ELF without marker',
      new Uint8Array(128).fill(0x41).fill(0x7f, 0, 1).fill(0x45, 1, 2).fill(0x4c, 2, 3).fill(0x46, 3, 4),
    ],
  ])('returns undefined for %s', (_, bytes) => {
    expect(programOf(bytes)).toBeUndefined();
  });

  it('returns undefined when the marker is cut before its terminator', () => {
    const bytes = elfStandIn({ name: 'busybox', kind: 'program', platform: amd64, size: 0, seed: 'b' });
    expect(programOf(bytes.subarray(0, 64 + 'DOCKYARD-PROGRAM:busy'.length))).toBeUndefined();
  });
});
