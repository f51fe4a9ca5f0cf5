// cp and mv. Copying reads each file and writes a new one (with -a/-p keeping mode, owner and
// time); a directory needs -r. Moving is rename(2) — except that overlay2 cannot rename a
// directory that comes from the image's layers (EXDEV, "Cross-device link"), so mv falls back to
// copying everything and removing the original, exactly as the real mv does across filesystems.

import { isFsError } from '../../layer/fs-errors';
import { parseArgs, withUsage } from './args';
import { registerApplet, type Tool } from './registry';

interface CopyOptions {
  recursive: boolean;
  preserve: boolean;
  noDereference: boolean;
}

function join(dir: string, name: string): string {
  return `${dir.replace(/\/+$/, '')}/${name}`;
}

function baseName(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() ?? path;
}

/** Copy `from` to `to` (which must not be a directory), recursively when asked. */
async function copyTree(tool: Tool, from: string, to: string, o: CopyOptions): Promise<void> {
  const fs = tool.ctx.fs;
  const st = o.noDereference ? fs.lstat(from) : fs.stat(from);
  await tool.step();
  if (st.type === 'symlink') {
    if (fs.exists(to) || isSymlink(tool, to)) fs.rm(to);
    fs.symlink(fs.readlink(from), to);
    return;
  }
  if (st.type === 'dir') {
    if (!fs.exists(to)) fs.mkdir(to, { mode: st.mode });
    for (const name of fs.readdir(from)) await copyTree(tool, join(from, name), join(to, name), o);
  } else {
    fs.writeFile(to, fs.readFile(from), { mode: st.mode, uid: tool.ctx.uid, gid: tool.ctx.gid });
  }
  if (o.preserve) {
    fs.chmod(to, st.mode);
    fs.chown(to, st.uid, st.gid);
    fs.utimes(to, st.mtime);
  }
}

function isSymlink(tool: Tool, path: string): boolean {
  try {
    return tool.ctx.fs.lstat(path).type === 'symlink';
  } catch {
    return false;
  }
}

function isDir(tool: Tool, path: string): boolean {
  try {
    return tool.ctx.fs.stat(path).type === 'dir';
  } catch {
    return false;
  }
}

/** Sources and destination: `cp a b`, or `cp a b c dir/` into a directory. */
function plan(tool: Tool, operands: string[]): { pairs: [string, string][] } | { error: string } {
  if (operands.length < 2) {
    const what =
      operands.length === 0 ? 'missing file operand' : `missing destination file operand after '${operands[0] ?? ''}'`;
    return {
      error: tool.gnu
        ? `${what}\nTry '${tool.name} --help' for more information.`
        : `usage: ${tool.name} [OPTIONS] SOURCE... DEST`,
    };
  }
  const dest = operands[operands.length - 1] as string;
  const sources = operands.slice(0, -1);
  if (isDir(tool, dest)) return { pairs: sources.map((s) => [s, join(dest, baseName(s))]) };
  if (sources.length > 1)
    return { error: tool.gnu ? `target '${dest}' is not a directory` : `'${dest}' is not a directory` };
  return { pairs: [[sources[0] as string, dest]] };
}

registerApplet('cp', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, {
      flags: 'rRapfdPLnvi',
      long: { recursive: 'r', archive: 'a', preserve: 'p', force: 'f', 'no-clobber': 'n' },
    });
    const o: CopyOptions = {
      recursive: options.has('r') || options.has('R') || options.has('a'),
      preserve: options.has('a') || options.has('p'),
      noDereference: options.has('a') || options.has('d') || options.has('P'),
    };
    const p = plan(tool, operands);
    if ('error' in p) return tool.fail(p.error);
    let status = 0;
    for (const [from, to] of p.pairs) {
      try {
        const st = tool.ctx.fs.stat(from);
        if (st.type === 'dir' && !o.recursive) {
          tool.err(
            tool.gnu ? `cp: -r not specified; omitting directory '${from}'\n` : `cp: omitting directory '${from}'\n`,
          );
          status = 1;
          continue;
        }
        if (options.has('n') && tool.ctx.fs.exists(to)) continue;
        await copyTree(tool, from, to, o);
      } catch (err) {
        if (!isFsError(err)) throw err;
        const gnu =
          err.path === from || (err.code === 'ENOENT' && !tool.ctx.fs.exists(from))
            ? `cannot stat '${from}': ${err.reason}`
            : `cannot create regular file '${to}': ${err.reason}`;
        const busybox = gnu.startsWith('cannot stat')
          ? `can't stat '${from}': ${err.reason}`
          : `can't create '${to}': ${err.reason}`;
        tool.err(`cp: ${tool.gnu ? gnu : busybox}\n`);
        status = 1;
      }
    }
    return status;
  }),
);

registerApplet('mv', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, {
      flags: 'fnvi',
      long: { force: 'f', 'no-clobber': 'n' },
    });
    const p = plan(tool, operands);
    if ('error' in p) return tool.fail(p.error);
    const fs = tool.ctx.fs;
    let status = 0;
    for (const [from, to] of p.pairs) {
      try {
        if (options.has('n') && fs.exists(to)) continue;
        try {
          fs.rename(from, to);
        } catch (err) {
          if (!isFsError(err, 'EXDEV')) throw err;
          // Across "devices" (an image directory on overlay2): copy, then delete the original.
          if (fs.exists(to) && isDir(tool, to)) fs.rm(to, { recursive: true });
          await copyTree(tool, from, to, { recursive: true, preserve: true, noDereference: true });
          fs.rm(from, { recursive: true });
        }
        if (options.has('v')) tool.out(`renamed '${from}' -> '${to}'\n`);
      } catch (err) {
        if (!isFsError(err)) throw err;
        const missing = err.code === 'ENOENT' && !fs.exists(from) && !isSymlink(tool, from);
        tool.err(
          `mv: ${
            tool.gnu
              ? missing
                ? `cannot stat '${from}': ${err.reason}`
                : `cannot move '${from}' to '${to}': ${err.reason}`
              : `can't rename '${from}': ${err.reason}`
          }\n`,
        );
        status = 1;
      }
    }
    return status;
  }),
);
