// grep: print the lines that match. `-i` ignores case, `-v` inverts, `-c` counts, `-n` numbers,
// `-l` names the files, `-q` only sets the exit status, `-E` extended and `-F` fixed patterns,
// `-w`/`-x` whole words/lines, `-o` only the match, `-r` directories too. Exit status is the
// scripting interface: 0 found, 1 not found, 2 trouble.

import { isFsError } from '../../layer/fs-errors';
import { listDir, statPath } from '../files';
import { decodeLenient } from '../streams';
import { parseArgs, withUsage } from './args';
import { linesOf, readInput } from './io';
import { literalRegex, posixRegex, RegexError } from './regex';
import { registerApplet, type Tool } from './registry';

function collect(tool: Tool, path: string, into: string[]): void {
  let isDir = false;
  try {
    isDir = statPath(tool.ctx, path).type === 'dir';
  } catch (err) {
    if (!isFsError(err)) throw err;
  }
  if (!isDir) {
    into.push(path);
    return;
  }
  for (const name of listDir(tool.ctx, path)) collect(tool, `${path.replace(/\/+$/, '')}/${name}`, into);
}

registerApplet(['grep', 'egrep', 'fgrep'], (tool) =>
  withUsage(
    tool,
    async () => {
      const { options, all, operands } = parseArgs(tool, tool.args, {
        flags: 'ivcnEFwxqlLosrRhHZ',
        values: 'ef',
        long: {
          'ignore-case': 'i',
          'invert-match': 'v',
          count: 'c',
          'line-number': 'n',
          'extended-regexp': 'E',
          'fixed-strings': 'F',
          'word-regexp': 'w',
          'line-regexp': 'x',
          quiet: 'q',
          silent: 'q',
          'files-with-matches': 'l',
          'only-matching': 'o',
          recursive: 'r',
          'no-filename': 'h',
          'with-filename': 'H',
          'regexp=': 'e',
          'color=': 'color',
          'colour=': 'color',
        },
      });
      const patterns = [...(all.get('e') ?? [])];
      const files = [...operands];
      if (patterns.length === 0) {
        const p = files.shift();
        if (p === undefined) {
          tool.err(
            tool.gnu
              ? "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"
              : 'Usage: grep [-HhnlLoqvsrRiwFExz] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n',
          );
          return 2;
        }
        patterns.push(...p.split('\n'));
      }
      const extended = options.has('E') || tool.name === 'egrep';
      const fixed = options.has('F') || tool.name === 'fgrep';
      const ignoreCase = options.has('i');
      let regexes: RegExp[];
      try {
        regexes = patterns.map((p) => {
          const base = fixed ? literalRegex(p, ignoreCase).source : posixRegex(p, { extended }).source;
          const wrapped = options.has('x')
            ? `^(?:${base})$`
            : options.has('w')
              ? `(?<![A-Za-z0-9_])(?:${base})(?![A-Za-z0-9_])`
              : base;
          return new RegExp(wrapped, `${ignoreCase ? 'i' : ''}g`);
        });
      } catch (err) {
        if (!(err instanceof RegexError)) throw err;
        return tool.fail(err.message, 2);
      }
      const recursive = options.has('r') || options.has('R');
      const targets: string[] = [];
      if (files.length === 0) targets.push(recursive ? '.' : '-');
      for (const f of files) {
        if (recursive) collect(tool, f, targets);
        else targets.push(f);
      }
      const showNames = options.has('H') || (!options.has('h') && (targets.length > 1 || recursive));
      let matchedAny = false;
      let trouble = false;
      for (const target of targets) {
        const data = await readInput(tool, target, { busybox: (p, e) => `${p}: ${e.reason}` });
        if (data === undefined) {
          trouble = true;
          continue;
        }
        const name = target === '-' ? '(standard input)' : target;
        const prefix = showNames ? `${name}:` : '';
        let count = 0;
        const out: string[] = [];
        for (const [i, line] of linesOf(decodeLenient(data)).entries()) {
          const found = regexes.some((re) => {
            re.lastIndex = 0;
            return re.test(line);
          });
          if (found === options.has('v')) continue;
          count++;
          matchedAny = true;
          if (options.has('q')) return 0;
          if (options.has('l') || options.has('c')) continue;
          const number = options.has('n') ? `${i + 1}:` : '';
          if (options.has('o') && !options.has('v')) {
            for (const re of regexes) {
              re.lastIndex = 0;
              for (const h of line.matchAll(re)) if (h[0] !== '') out.push(`${prefix}${number}${h[0]}`);
            }
          } else out.push(`${prefix}${number}${line}`);
        }
        if (options.has('l')) {
          if (count > 0) tool.out(`${name}\n`);
        } else if (options.has('c')) tool.out(`${prefix}${count}\n`);
        else if (out.length > 0) tool.out(out.map((l) => `${l}\n`).join(''));
        await tool.step();
      }
      if (trouble && !options.has('s')) return matchedAny && !tool.gnu ? 0 : 2;
      return matchedAny ? 0 : 1;
    },
    2,
  ),
);
