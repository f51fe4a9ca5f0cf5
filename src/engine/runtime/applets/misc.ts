// The smallest tools: `true` and `false` (an exit status and nothing else), `sleep` (waits on the
// simulation's clock, so `sleep 60` can pass in an instant), `yes` (prints forever — until its
// reader goes away or the output limit stops it), `seq`, `basename`, `dirname`.

import { parseArgs, withUsage } from './args';
import { basename, registerApplet } from './registry';

registerApplet(':', async () => 0);
registerApplet('true', async () => 0);
registerApplet('false', async () => 1);

/** `sleep 1`, `sleep 0.5`, `sleep 2m`, `sleep 1h 30m` (suffixes s, m, h, d). */
registerApplet('sleep', async (tool) => {
  if (tool.args.length === 0) {
    if (tool.gnu) return tool.fail("missing operand\nTry 'sleep --help' for more information.");
    tool.err('Usage: sleep [N]...\n');
    return 1;
  }
  let ms = 0;
  for (const arg of tool.args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
    if (m === null) {
      if (arg === 'infinity' || arg === 'inf') {
        ms = Number.POSITIVE_INFINITY;
        continue;
      }
      return tool.fail(
        tool.gnu
          ? `invalid time interval '${arg}'\nTry 'sleep --help' for more information.`
          : `invalid number '${arg}'`,
      );
    }
    ms +=
      Number(m[1]) * { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  }
  if (ms === Number.POSITIVE_INFINITY) {
    for (;;) await tool.ctx.clock.sleep(86_400_000);
  }
  await tool.ctx.clock.sleep(ms);
  return 0;
});

registerApplet('yes', async (tool) => {
  const line = `${tool.args.length === 0 ? 'y' : tool.args.join(' ')}\n`;
  const block = line.repeat(Math.max(1, Math.floor(4096 / line.length)));
  for (;;) {
    tool.out(block);
    await tool.step(16);
  }
});

registerApplet('seq', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, { flags: 'w', values: 's', posix: true });
    const nums = operands.map(Number);
    if (operands.length === 0 || operands.length > 3 || nums.some((n) => Number.isNaN(n))) {
      const bad = operands.find((o) => Number.isNaN(Number(o)));
      if (bad !== undefined)
        return tool.fail(tool.gnu ? `invalid floating point argument: '${bad}'` : `invalid number '${bad}'`);
      return tool.fail(tool.gnu ? 'missing operand' : 'usage: seq [-w] [-s SEP] [FIRST [INC]] LAST');
    }
    const [first, step, last] =
      nums.length === 1
        ? [1, 1, nums[0] as number]
        : nums.length === 2
          ? [nums[0] as number, 1, nums[1] as number]
          : (nums as [number, number, number]);
    const sep = (options.get('s') as string | undefined) ?? '\n';
    const decimals = Math.max(...operands.map((o) => (o.includes('.') ? (o.split('.')[1] as string).length : 0)));
    const out: string[] = [];
    if (step === 0) return tool.fail(tool.gnu ? "invalid Zero increment value: '0'" : 'zero increment');
    for (let v = first, n = 0; step > 0 ? v <= last + 1e-9 : v >= last - 1e-9; n++, v = first + n * step) {
      out.push(v.toFixed(decimals));
      if (out.length % 1000 === 0) {
        tool.out(out.join(sep) + sep);
        out.length = 0;
        await tool.step(10);
      }
    }
    const width = options.has('w') ? Math.max(last.toFixed(decimals).length, first.toFixed(decimals).length) : 0;
    if (out.length > 0) tool.out(out.map((s) => s.padStart(width, '0')).join(sep) + (sep === '\n' ? '\n' : '\n'));
    return 0;
  }),
);

registerApplet('basename', async (tool) => {
  const args = tool.args[0] === '--' ? tool.args.slice(1) : tool.args;
  const [path, suffix] = args;
  if (path === undefined) {
    if (tool.gnu) return tool.fail("missing operand\nTry 'basename --help' for more information.");
    tool.err('Usage: basename FILE [SUFFIX]\n');
    return 1;
  }
  let base = basename(path);
  if (suffix !== undefined && base !== suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
  tool.out(`${base}\n`);
  return 0;
});

registerApplet('dirname', async (tool) => {
  if (tool.args.length === 0) {
    if (tool.gnu) return tool.fail("missing operand\nTry 'dirname --help' for more information.");
    tool.err('Usage: dirname FILENAME\n');
    return 1;
  }
  for (const path of tool.args) {
    const trimmed = path.replace(/\/+$/, '');
    let dir: string;
    if (path.startsWith('/') && trimmed === '') dir = '/';
    else if (!trimmed.includes('/')) dir = '.';
    else dir = trimmed.replace(/\/[^/]*$/, '').replace(/\/+$/, '') || '/';
    tool.out(`${dir}\n`);
  }
  return 0;
});
