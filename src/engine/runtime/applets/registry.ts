// Applets: the small tools of a Linux userland. BusyBox is one program that becomes any of them
// depending on the name it was started under — `/bin/ls` is a link to `/bin/busybox`, and BusyBox
// looks at argv[0] — while Debian ships GNU coreutils, one program per tool. Both run the same
// implementations here; a `Tool` tells each applet which flavour it is playing, because the two
// word some errors differently (`ls: /x: No such file or directory` from BusyBox,
// `ls: cannot access '/x': No such file or directory` from GNU).

import type { ProcessContext, Program } from '../contract';
import { busyboxImageApplets } from '../../image/official/busybox-applets';
import { registerProgram } from '../programs';

export type Flavor = 'busybox' | 'gnu';

/** What an applet is given: its context, its name and flavour, its arguments, output helpers. */
export class Tool {
  readonly args: string[];

  constructor(
    readonly ctx: ProcessContext,
    /** The applet's name as invoked (`ls`, `[`), without directory. */
    readonly name: string,
    readonly flavor: Flavor,
    args?: readonly string[],
  ) {
    this.args = [...(args ?? ctx.argv.slice(1))];
  }

  get gnu(): boolean {
    return this.flavor === 'gnu';
  }

  out(text: string): void {
    this.ctx.stdout.write(text);
  }

  err(text: string): void {
    this.ctx.stderr.write(text);
  }

  /** `name: message` on stderr; returns `status` for `return tool.fail(…)`. */
  fail(message: string, status = 1): number {
    this.err(`${this.name}: ${message}\n`);
    return status;
  }

  /** Wait between units of work (keeps the page responsive, enforces the step budget). */
  async step(n = 1): Promise<void> {
    await this.ctx.checkpoint?.(n);
  }
}

export type Applet = (tool: Tool) => Promise<number>;

const applets = new Map<string, Applet>();

/** Add an applet under one or more names (`registerApplet(['[', 'test'], test)`). */
export function registerApplet(names: string | readonly string[], applet: Applet): void {
  for (const name of typeof names === 'string' ? [names] : names) applets.set(name, applet);
}

export function appletNamed(name: string): Applet | undefined {
  return applets.get(name);
}

export function appletNames(): string[] {
  return [...applets.keys()].sort();
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? (path === '' ? '' : '/') : (trimmed.split('/').pop() as string);
}

/** Run the applet `name` in `ctx` (the shells' builtins use this too). */
export async function runApplet(
  name: string,
  ctx: ProcessContext,
  flavor: Flavor,
  args?: readonly string[],
): Promise<number> {
  const applet = applets.get(name);
  if (applet === undefined) {
    ctx.stderr.write(`${name}: applet not found\n`);
    return 127;
  }
  return applet(new Tool(ctx, name, flavor, args));
}

export const BUSYBOX_VERSION = '1.37.0';

/**
 * BusyBox's main: dispatch on argv[0]'s base name, or on argv[1] when called as `busybox`.
 * Applets of the real image that are not simulated say so instead of pretending.
 */
export const busybox: Program = async (ctx) => {
  let name = basename(ctx.argv[0] ?? 'busybox');
  let argv = ctx.argv;
  if (name === 'busybox') {
    const first = ctx.argv[1];
    if (first === undefined || first === '--help') {
      ctx.stdout.write(
        `BusyBox v${BUSYBOX_VERSION} (2024-09-26 21:31:42 UTC) multi-call binary.\n` +
          'BusyBox is copyrighted by many authors between 1998-2015.\n' +
          'Licensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\n' +
          'Usage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n   or: function [arguments]...\n\n' +
          `Currently defined functions:\n\t${appletNames().join(', ')}\n`,
      );
      return 0;
    }
    if (first === '--list') {
      ctx.stdout.write(
        appletNames()
          .map((a) => `${a}\n`)
          .join(''),
      );
      return 0;
    }
    name = basename(first);
    argv = ctx.argv.slice(1);
  }
  const applet = applets.get(name);
  if (applet === undefined) {
    if (busyboxImageApplets.includes(name)) {
      ctx.stderr.write(`${name}: this applet is not simulated in Dockyard\n`);
      return 1;
    }
    ctx.stderr.write(`${name}: applet not found\n`);
    return 127;
  }
  return applet(new Tool(argv === ctx.argv ? ctx : { ...ctx, argv }, name, 'busybox', argv.slice(1)));
};

/** A GNU program (`/usr/bin/ls` on Debian): the applet of the same name, in GNU's words. */
export function gnuProgram(programName: string): Program {
  return async (ctx) => {
    const invoked = basename(ctx.argv[0] ?? programName);
    const applet = applets.get(invoked) ?? applets.get(programName);
    if (applet === undefined) {
      ctx.stderr.write(`${invoked}: this program is not simulated in Dockyard\n`);
      return 1;
    }
    return applet(new Tool(ctx, invoked === '[' ? '[' : programName, 'gnu'));
  };
}

/** Register BusyBox and the GNU programs with the runtime. */
export function registerUserlandPrograms(gnuNames: readonly string[]): void {
  registerProgram('busybox', busybox);
  for (const name of gnuNames) registerProgram(name, gnuProgram(name));
}
