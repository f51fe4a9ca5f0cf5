// `gcc`, `cc`, `g++`: the compilers of build-base / build-essential. `--version` names the
// distribution's build (`gcc (Alpine 14.2.0) 14.2.0`, `gcc (Debian 12.2.0-14) 12.2.0`); without
// input files gcc stops as the real one does. Compiling is beyond the simulation.
import type { Program } from '../../contract';
import { isAlpine, toolVersion } from './tool-version';

export const gcc: Program = async (ctx) => {
  const name = (ctx.argv[0] ?? 'gcc').split('/').pop()!.replace(/-\d+$/, '');
  const shown = name === 'cc' ? 'cc' : name === 'c++' ? 'c++' : name;
  const alpine = isAlpine(ctx);
  const pkgVersion = toolVersion(ctx, alpine ? 'gcc' : 'gcc-12', alpine ? '14.2.0' : '12.2.0');
  const args = ctx.argv.slice(1);
  if (args[0] === '--version') {
    const label = alpine ? `(Alpine ${pkgVersion}) ${pkgVersion}` : `(Debian ${pkgVersion}-14) ${pkgVersion}`;
    ctx.stdout.write(
      `${shown} ${label}\nCopyright (C) ${alpine ? 2024 : 2022} Free Software Foundation, Inc.\nThis is free software; see the source for copying conditions.  There is NO\nwarranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.\n\n`,
    );
    return 0;
  }
  if (args.filter((a) => !a.startsWith('-')).length === 0) {
    ctx.stderr.write(`${shown}: fatal error: no input files\ncompilation terminated.\n`);
    return 1;
  }
  ctx.stderr.write(`${shown}: compiling is beyond Dockyard's simulation\n`);
  return 1;
};
