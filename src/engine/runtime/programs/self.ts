// A program reading its own executable — what Linux offers as /proc/self/exe. hello-world needs it:
// its message is a string inside the binary (as in the real one, where it is in .rodata), and the
// catalogue's stand-in stores it right after the program marker, NUL-terminated.
import { fromUtf8, type Bytes } from '../../bytes';
import { PROGRAM_MARKER } from '../../image/official/elf';
import type { ProcessContext } from '../contract';

const ELF_HEADER_SIZE = 64;

/** The path of the running executable: the runtime's answer if it gives one, else argv[0] on PATH. */
export function executablePath(ctx: ProcessContext): string | undefined {
  const given = (ctx as ProcessContext & { executable?: string }).executable;
  if (given) return given;
  const argv0 = ctx.argv[0] ?? '';
  if (argv0.includes('/')) return argv0;
  for (const dir of (ctx.env.get('PATH') ?? '').split(':')) {
    const candidate = `${dir || '.'}/${argv0}`;
    if (ctx.fs.exists(candidate)) return candidate;
  }
  return undefined;
}

/** The bytes of the running executable, or undefined when they cannot be read. */
export function ownBinary(ctx: ProcessContext): Bytes | undefined {
  const path = executablePath(ctx);
  if (path === undefined) return undefined;
  try {
    return ctx.fs.readFile(path);
  } catch {
    return undefined;
  }
}

/** The text a stand-in binary carries after its marker (hello-world's message), if any. */
export function embeddedText(binary: Bytes): string | undefined {
  const markerEnd = binary.indexOf(0, ELF_HEADER_SIZE + PROGRAM_MARKER.length);
  if (markerEnd < 0) return undefined;
  const end = binary.indexOf(0, markerEnd + 1);
  if (end <= markerEnd + 1) return undefined;
  try {
    return fromUtf8(binary.subarray(markerEnd + 1, end));
  } catch {
    return undefined; // filler bytes, not text
  }
}
