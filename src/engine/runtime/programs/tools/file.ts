// `file`: what kind of file is this? It reads the first bytes ("magic numbers") — an ELF header
// says executable and for which machine (the stand-ins carry real ELF headers), `#!` says script
// — and otherwise looks at the text. A few of libmagic's verdicts, in its wording.
import { elfMachineOf, libraryOf } from '../../../image/official/elf';
import type { Program } from '../../contract';

const MACHINES: Record<number, string> = { 62: 'x86-64', 183: 'ARM aarch64' };

function describe(bytes: Uint8Array): string {
  const machine = elfMachineOf(bytes);
  if (machine !== undefined) {
    const type = bytes[16]! | (bytes[17]! << 8);
    const kind = libraryOf(bytes) !== undefined ? 'shared object' : type === 2 ? 'executable' : 'pie executable';
    return `ELF 64-bit LSB ${kind}, ${MACHINES[machine] ?? `machine ${machine}`}, version 1 (SYSV), stripped`;
  }
  if (bytes.length === 0) return 'empty';
  const text = new TextDecoder().decode(bytes.subarray(0, 2048));
  if (text.startsWith('#!')) {
    const interp = text.slice(2).split('\n')[0]!.trim().split(/\s+/);
    const name = (interp[0] === '/usr/bin/env' ? interp[1] : interp[0]?.split('/').pop()) ?? 'sh';
    const label = /sh$/.test(name)
      ? `${name === 'sh' ? 'POSIX shell' : name.replace(/^./, (c) => c.toUpperCase()) + '-Again shell'} script`
      : `${name} script`;
    return `${label}, ASCII text executable`;
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip compressed data';
  // eslint-disable-next-line no-control-regex
  if (/^[\x09\x0a\x0d\x20-\x7e]*$/.test(text)) return /^\s*[{[]/.test(text) ? 'JSON text data' : 'ASCII text';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 2048));
    return 'Unicode text, UTF-8 text';
  } catch {
    return 'data';
  }
}

export const file: Program = async (ctx) => {
  const paths = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (paths.length === 0) {
    ctx.stderr.write(
      'Usage: file [-bcdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]\n            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]\n            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]\n            <file> ...\n       file -C [-m <magicfiles>]\n       file [--help]\n',
    );
    return 1;
  }
  const width = Math.max(...paths.map((p) => p.length)) + 1;
  for (const p of paths) {
    let verdict: string;
    try {
      const st = ctx.fs.lstat(p);
      if (st.type === 'dir') verdict = 'directory';
      else if (st.type === 'symlink') verdict = `symbolic link to ${ctx.fs.readlink(p)}`;
      else verdict = describe(ctx.fs.readFile(p));
    } catch {
      verdict = `cannot open \`${p}' (No such file or directory)`;
    }
    ctx.stdout.write(`${`${p}:`.padEnd(width)} ${verdict}\n`);
  }
  return 0;
};
