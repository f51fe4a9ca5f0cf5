// cat copies its files (or stdin) to stdout, in order, as they come — it streams, so
// `cat /dev/zero` runs until something stops it. tee copies stdin to stdout and to files.

import { isFsError } from '../../layer/fs-errors';
import type { OutputStream } from '../contract';
import { openInput, openOutput } from '../files';
import { concatBytes } from '../../bytes';
import { parseArgs, withUsage } from './args';
import { busyboxOpen, gnuOpen } from './io';
import { registerApplet, type Tool } from './registry';

async function copy(tool: Tool, path: string, numbering: { n: number; on: boolean }): Promise<boolean> {
  let input;
  try {
    if (path === '-') input = tool.ctx.stdin;
    else {
      if (tool.ctx.fs.exists(path) && tool.ctx.fs.stat(path).type === 'dir') {
        tool.err(`${tool.name}: ${tool.gnu ? `${path}: Is a directory` : 'read error: Is a directory'}\n`);
        return false;
      }
      input = openInput(tool.ctx, path);
    }
  } catch (err) {
    if (!isFsError(err)) throw err;
    tool.err(`${tool.name}: ${(tool.gnu ? gnuOpen : busyboxOpen)(path, err)}\n`);
    return false;
  }
  let pending: Uint8Array = new Uint8Array(0);
  for (let chunk = await input.read(); chunk !== undefined; chunk = await input.read()) {
    if (!numbering.on) tool.ctx.stdout.write(chunk);
    else {
      const all = concatBytes([pending, chunk]);
      const text = new TextDecoder().decode(all);
      const lines = text.split('\n');
      const last = lines.pop() as string;
      tool.out(lines.map((l) => `${String(++numbering.n).padStart(6)}\t${l}\n`).join(''));
      pending = new TextEncoder().encode(last);
    }
    await tool.step();
  }
  if (numbering.on && pending.length > 0)
    tool.out(`${String(++numbering.n).padStart(6)}\t${new TextDecoder().decode(pending)}`);
  return true;
}

registerApplet('cat', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, { flags: 'nbuvteAE', long: { number: 'n' } });
    const numbering = { n: 0, on: options.has('n') };
    let status = 0;
    for (const path of operands.length === 0 ? ['-'] : operands) {
      if (!(await copy(tool, path, numbering))) status = 1;
    }
    return status;
  }),
);

registerApplet('tee', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, { flags: 'ai', long: { append: 'a' } });
    const outputs: OutputStream[] = [tool.ctx.stdout];
    let status = 0;
    for (const path of operands) {
      try {
        outputs.push(openOutput(tool.ctx, path, { append: options.has('a') }));
      } catch (err) {
        if (!isFsError(err)) throw err;
        tool.err(`${tool.name}: ${tool.gnu ? `${path}: ${err.reason}` : `can't open '${path}': ${err.reason}`}\n`);
        status = 1;
      }
    }
    for (let chunk = await tool.ctx.stdin.read(); chunk !== undefined; chunk = await tool.ctx.stdin.read()) {
      for (const out of outputs) out.write(chunk);
      await tool.step();
    }
    return status;
  }),
);
