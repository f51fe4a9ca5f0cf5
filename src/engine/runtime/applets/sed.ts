// sed, the stream editor: reads lines, applies a script, prints the result. The script is
// commands with optional addresses (`3`, `$`, `/re/`, `1,/re/`, `!` to negate): `s/re/repl/flags`
// (g, i, p, a number), `d`, `p`, `q`, `=`, `y/abc/xyz/`, `a`/`i`/`c` text, `{ … }` groups. `-n`
// prints only on request, `-e` adds script pieces, `-E` uses extended expressions, `-i` edits
// files in place (nginx's entrypoint rewrites its own configuration that way).

import { isFsError } from '../../layer/fs-errors';
import { decodeLenient } from '../streams';
import { withUsage } from './args';
import { readInput } from './io';
import { ScriptParser, SedError, type Address, type SedCommand } from './sed-script';
import { registerApplet, type Tool } from './registry';

export { SedError };

/** `&` and `\1`…`\9` in a replacement. */
function substitute(replacement: string, match: RegExpExecArray): string {
  return replacement.replace(/\\([0-9&\\n])|&/g, (all, g: string | undefined) => {
    if (all === '&') return match[0];
    if (g === '&') return '&';
    if (g === '\\') return '\\';
    if (g === 'n') return '\n';
    return match[Number(g)] ?? '';
  });
}

interface RunState {
  lineNo: number;
  last: boolean;
  out: string[];
  quit: boolean;
  hold: string;
}

function matches(a: Address, line: string, st: RunState): boolean {
  if (a.kind === 'line') return st.lineNo === a.n;
  if (a.kind === 'last') return st.last;
  a.re.lastIndex = 0;
  return a.re.test(line);
}

function selected(cmd: SedCommand, line: string, st: RunState): boolean {
  let hit: boolean;
  if (cmd.a1 === undefined) hit = true;
  else if (cmd.a2 === undefined) hit = matches(cmd.a1, line, st);
  else if (cmd.active) {
    hit = true;
    const end = cmd.a2.kind === 'line' ? st.lineNo >= cmd.a2.n : matches(cmd.a2, line, st);
    if (end) cmd.active = false;
  } else if (matches(cmd.a1, line, st)) {
    hit = true;
    cmd.active = !(cmd.a2.kind === 'line' && cmd.a2.n <= st.lineNo);
  } else hit = false;
  return hit !== cmd.negate;
}

/** Run `commands` on one line; returns the pattern space, or undefined when deleted. */
function runLine(
  commands: SedCommand[],
  line: string,
  st: RunState,
  quiet: boolean,
): { space: string | undefined; after: string[] } {
  let space: string | undefined = line;
  const after: string[] = [];
  for (const cmd of commands) {
    if (space === undefined || st.quit) break;
    if (!selected(cmd, space, st)) continue;
    switch (cmd.name) {
      case 's': {
        const re = cmd.re as RegExp;
        re.lastIndex = 0;
        let n = 0;
        let changed = false;
        const current: string = space;
        space = current.replace(re, (...args: unknown[]) => {
          n++;
          const m = args.slice(0, -2) as unknown as RegExpExecArray;
          const whole = m[0] as string;
          if (
            cmd.occurrence !== undefined
              ? n !== cmd.occurrence && !(cmd.global && n > cmd.occurrence)
              : !cmd.global && n > 1
          )
            return whole;
          changed = true;
          return substitute(cmd.replacement ?? '', m);
        });
        if (changed && cmd.print) st.out.push(space);
        break;
      }
      case 'd':
        space = undefined;
        break;
      case 'p':
        st.out.push(space);
        break;
      case 'P':
        st.out.push(space.split('\n')[0] ?? '');
        break;
      case '=':
        st.out.push(String(st.lineNo));
        break;
      case 'q':
        st.quit = true;
        break;
      case 'Q':
        st.quit = true;
        space = undefined;
        break;
      case 'y': {
        const from = [...(cmd.from ?? '')];
        const to = [...(cmd.to ?? '')];
        space = [...space].map((c) => (from.includes(c) ? (to[from.indexOf(c)] as string) : c)).join('');
        break;
      }
      case 'a':
        after.push(cmd.text ?? '');
        break;
      case 'i':
        st.out.push(cmd.text ?? '');
        break;
      case 'c':
        if (cmd.a2 === undefined || !cmd.active) st.out.push(cmd.text ?? '');
        space = undefined;
        break;
      case 'h':
        st.hold = space;
        break;
      case 'H':
        st.hold += `\n${space}`;
        break;
      case 'g':
        space = st.hold;
        break;
      case 'G':
        space += `\n${st.hold}`;
        break;
      case 'x':
        [space, st.hold] = [st.hold, space];
        break;
      case '{': {
        const r = runLine(cmd.block ?? [], space, st, quiet);
        space = r.space;
        after.push(...r.after);
        break;
      }
      default:
        break;
    }
  }
  return { space, after };
}

/** Edit `text` with a sed script; `quiet` is -n. */
export function sed(script: string, text: string, options: { quiet?: boolean; extended?: boolean } = {}): string {
  const commands = new ScriptParser(script, options.extended ?? false).parse();
  const lines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  if (endsWithNewline) lines.pop();
  const st: RunState = { lineNo: 0, last: false, out: [], quit: false, hold: '' };
  for (const [i, line] of lines.entries()) {
    st.lineNo = i + 1;
    st.last = i === lines.length - 1;
    const { space, after } = runLine(commands, line, st, options.quiet ?? false);
    if (space !== undefined && !options.quiet) st.out.push(space);
    st.out.push(...after);
    if (st.quit) break;
  }
  if (st.out.length === 0) return '';
  return st.out.join('\n') + (endsWithNewline || st.quit || st.out.length > lines.length ? '\n' : '');
}

registerApplet('sed', (tool: Tool) =>
  withUsage(tool, async () => {
    const scripts: string[] = [];
    const files: string[] = [];
    let quiet = false;
    let extended = false;
    let inPlace: string | undefined;
    for (let i = 0; i < tool.args.length; i++) {
      const a = tool.args[i] as string;
      if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true;
      else if (a === '-E' || a === '-r' || a === '--regexp-extended') extended = true;
      else if (a === '-e') scripts.push(tool.args[++i] ?? '');
      else if (a.startsWith('-i') || a.startsWith('--in-place'))
        inPlace = a.startsWith('-i') ? a.slice(2) : a.replace(/^--in-place=?/, '');
      else if (/^-[nEri]+$/.test(a)) {
        if (a.includes('n')) quiet = true;
        if (a.includes('E') || a.includes('r')) extended = true;
        if (a.includes('i')) inPlace = '';
      } else if (a.startsWith('-') && a !== '-')
        return tool.fail(tool.gnu ? `invalid option -- '${a[1] ?? ''}'` : `unrecognized option: ${a[1] ?? ''}`);
      else if (scripts.length === 0) scripts.push(a);
      else files.push(a);
    }
    if (scripts.length === 0)
      return tool.fail(tool.gnu ? 'no script specified' : 'usage: sed [-inrE] [-e CMD]... [FILE]...');
    const script = scripts.join('\n');
    const run = (text: string) => sed(script, text, { quiet, extended });
    try {
      run('');
    } catch (err) {
      if (err instanceof SedError)
        return tool.fail(tool.gnu ? `-e expression #1, char 0: ${err.message}` : err.message);
      throw err;
    }
    let status = 0;
    if (inPlace !== undefined) {
      for (const file of files) {
        try {
          const text = tool.ctx.fs.readText(file);
          if (inPlace !== '') tool.ctx.fs.writeFile(`${file}${inPlace}`, text);
          tool.ctx.fs.writeFile(file, run(text));
        } catch (err) {
          if (!isFsError(err)) throw err;
          tool.err(`sed: ${tool.gnu ? `can't read ${file}: ${err.reason}` : `can't open '${file}': ${err.reason}`}\n`);
          status = tool.gnu ? 2 : 1;
        }
      }
      return status;
    }
    let text = '';
    for (const file of files.length === 0 ? ['-'] : files) {
      const data = await readInput(tool, file, { gnu: (p, e) => `can't read ${p}: ${e.reason}` });
      if (data === undefined) status = tool.gnu ? 2 : 1;
      else text += decodeLenient(data);
    }
    tool.out(run(text));
    return status;
  }),
);
