import { describe, expect, it } from 'vitest';
import type { List } from './ast';
import { Dialect } from './dialect';
import { parseScript } from './parser';
import { ShellSyntaxError, needsMoreInput } from './syntax-error';

function firstCommand(list: List) {
  return list.items[0]?.command.first.commands[0];
}

describe('parser', () => {
  it('keeps how each part of a word was quoted', () => {
    const cmd = firstCommand(parseScript(`echo "a $x" 'b $y' c\\$z`));
    expect(cmd?.type).toBe('simple');
    if (cmd?.type !== 'simple') return;
    expect(cmd.words.map((w) => w.parts)).toEqual([
      [{ type: 'literal', value: 'echo', quoted: false }],
      [
        { type: 'literal', value: 'a ', quoted: true },
        { type: 'param', name: 'x', quoted: true },
      ],
      [{ type: 'literal', value: 'b $y', quoted: true }],
      [
        { type: 'literal', value: 'c', quoted: false },
        { type: 'literal', value: '$', quoted: true },
        { type: 'literal', value: 'z', quoted: false },
      ],
    ]);
  });

  it('reads assignments, redirections with descriptors and here-documents', () => {
    const cmd = firstCommand(parseScript('A=1 B=x cmd 2>&1 >out <<EOF\nbody\nEOF\n'));
    if (cmd?.type !== 'simple') throw new Error('not simple');
    expect(cmd.assignments.map((a) => a.name)).toEqual(['A', 'B']);
    expect(cmd.redirects.map((r) => [r.fd, r.op, r.target.text])).toEqual([
      [2, '>&', '1'],
      [1, '>', 'out'],
      [0, '<<', 'EOF'],
    ]);
    expect(cmd.redirects[2]?.heredoc?.body.parts).toEqual([{ type: 'literal', value: 'body\n', quoted: true }]);
  });

  it('treats reserved words as keywords only where a command starts', () => {
    const cmd = firstCommand(parseScript('echo if then fi'));
    expect(cmd?.type === 'simple' && cmd.words.map((w) => w.text)).toEqual(['echo', 'if', 'then', 'fi']);
  });

  it.each([
    [
      'fi',
      'sh: syntax error: unexpected "fi"',
      'sh: 1: Syntax error: "fi" unexpected',
      "bash: -c: line 1: syntax error near unexpected token `fi'",
    ],
    [
      'if true',
      'sh: syntax error: unexpected end of file (expecting "then")',
      'sh: 1: Syntax error: end of file unexpected (expecting "then")',
      'bash: -c: line 1: syntax error: unexpected end of file',
    ],
    [
      'for 1 in a; do :; done',
      'sh: syntax error: unexpected word',
      'sh: 1: Syntax error: word unexpected',
      'bash: -c: line 1: syntax error: unexpected end of file',
    ],
    [
      'a &&',
      'sh: syntax error: unexpected end of file',
      'sh: 1: Syntax error: end of file unexpected',
      'bash: -c: line 1: syntax error: unexpected end of file',
    ],
    [
      'echo `x',
      'sh: syntax error: EOF in backquote substitution',
      'sh: 1: Syntax error: EOF in backquote substitution',
      'bash: -c: line 1: syntax error: unexpected end of file',
    ],
    [
      "echo 'x",
      'sh: syntax error: unterminated quoted string',
      'sh: 1: Syntax error: Unterminated quoted string',
      "bash: -c: line 1: unexpected EOF while looking for matching `''",
    ],
    [
      'echo ${x',
      "sh: syntax error: missing '}'",
      "sh: 1: Syntax error: Missing '}'",
      'bash: -c: line 1: syntax error: unexpected end of file',
    ],
  ])('%j is refused in each shell’s words', (source, ash, dash, bash) => {
    let err: ShellSyntaxError | undefined;
    try {
      parseScript(source);
    } catch (e) {
      err = e as ShellSyntaxError;
    }
    expect(err).toBeInstanceOf(ShellSyntaxError);
    const site = { arg0: 'sh', line: 1, named: false, interactive: false };
    expect(new Dialect('ash').syntax(err as ShellSyntaxError, site, source)[0]).toBe(ash);
    expect(new Dialect('dash').syntax(err as ShellSyntaxError, site, source)[0]).toBe(dash);
    expect(new Dialect('bash').syntax(err as ShellSyntaxError, { ...site, arg0: 'bash' }, source)[0]).toBe(bash);
  });

  it('knows when more input could finish a command (an interactive shell then prompts with PS2)', () => {
    const problem = (s: string) => {
      try {
        parseScript(s);
        return undefined;
      } catch (e) {
        return needsMoreInput(e as ShellSyntaxError);
      }
    };
    expect(problem('if true; then')).toBe(true);
    expect(problem('echo "open')).toBe(true);
    expect(problem('fi')).toBe(false);
    expect(problem('echo ok')).toBeUndefined();
  });
});
