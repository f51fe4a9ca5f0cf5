// `make`: GNU make from `apk add make` / build-essential. With no Makefile it says what GNU make
// says; `--version` tells which build. Running recipes is beyond the simulation.
import type { Program } from '../../contract';
import { isAlpine, toolVersion } from './tool-version';

export const make: Program = async (ctx) => {
  const version = toolVersion(ctx, 'make', '4.4.1');
  const args = ctx.argv.slice(1);
  if (args[0] === '--version' || args[0] === '-v') {
    const machine = ctx.architecture === 'arm64' ? 'aarch64' : 'x86_64';
    ctx.stdout.write(
      `GNU Make ${version}\nBuilt for ${machine}-${isAlpine(ctx) ? 'alpine-linux-musl' : 'pc-linux-gnu'}\nCopyright (C) 1988-2023 Free Software Foundation, Inc.\n` +
        'License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n',
    );
    return 0;
  }
  const dir = (args.includes('-C') ? args[args.indexOf('-C') + 1] : undefined) ?? ctx.cwd;
  const base = dir.startsWith('/') ? dir : `${ctx.cwd.replace(/\/$/, '')}/${dir}`;
  const makefile = ['GNUmakefile', 'makefile', 'Makefile']
    .map((n) => `${base.replace(/\/$/, '')}/${n}`)
    .find((p) => ctx.fs.exists(p));
  if (!makefile) {
    ctx.stderr.write(`make: *** No targets specified and no makefile found.  Stop.\n`);
    return 2;
  }
  ctx.stderr.write(`make: running ${makefile} is beyond Dockyard's simulation\n`);
  return 2;
};
