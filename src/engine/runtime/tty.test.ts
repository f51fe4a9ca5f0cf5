import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../bytes';
import { OutputBuffer, readAll } from './streams';
import { onlcr, Terminal } from './tty';

function terminal() {
  const screen = new OutputBuffer();
  const signals: string[] = [];
  const term = new Terminal({ screen, signal: (s) => signals.push(s) });
  return { screen, signals, term };
}

describe('the line discipline', () => {
  it('echoes keys, erases with Backspace, and delivers whole lines', async () => {
    const { screen, term } = terminal();
    term.type('lx\x7fs\r');
    term.type('pw');
    term.type('d\r');
    term.hangUp();
    expect(fromUtf8(await readAll(term.input))).toBe('ls\npwd\n');
    expect(screen.text).toBe('lx\b \bs\r\npwd\r\n');
  });

  it('turns Ctrl-C and Ctrl-\\ into signals and drops the line being typed', async () => {
    const { screen, signals, term } = terminal();
    term.type('half\x03');
    term.type('\x1c');
    term.hangUp();
    expect(signals).toEqual(['SIGINT', 'SIGQUIT']);
    expect(screen.text).toBe('half^C\r\n^\\\r\n');
    expect(fromUtf8(await readAll(term.input))).toBe('');
  });

  it('ends input with Ctrl-D at the start of a line, and flushes a partial line otherwise', async () => {
    const { term } = terminal();
    term.type('abc\x04');
    term.type('\x04');
    expect(fromUtf8(await readAll(term.input))).toBe('abc');
  });

  it('writes program output with \\r\\n line ends', () => {
    const { screen, term } = terminal();
    term.output.write('a\nb\r\n');
    expect(screen.text).toBe('a\r\nb\r\n');
    expect(fromUtf8(onlcr(new TextEncoder().encode('x\n')))).toBe('x\r\n');
  });
});
