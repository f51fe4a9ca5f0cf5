import { describe, expect, it } from 'vitest';
import { parseKeys } from './keys';
import { LineEditor, commonPrefix, visibleWidth, type LineEffect } from './line-editor';
import { TinyScreen } from './screen.fixture';

const PROMPT = 'student@laptop:~$ ';

function setup(columns = 80, history: string[] = []) {
  const editor = new LineEditor({ columns, history });
  const screen = new TinyScreen(columns);
  screen.write(editor.begin(PROMPT));
  const effects: LineEffect[] = [];
  const type = (data: string) => {
    for (const key of parseKeys(data)) {
      for (const effect of editor.key(key)) {
        if (effect.kind === 'write') screen.write(effect.data);
        else effects.push(effect);
      }
    }
  };
  return { editor, screen, effects, type };
}

describe('parseKeys', () => {
  it.each([
    ['\x1b[D', 'left'],
    ['\x1b[C', 'right'],
    ['\x1b[A', 'up'],
    ['\x1bOB', 'down'],
    ['\x1b[H', 'home'],
    ['\x1b[4~', 'end'],
    ['\x1b[3~', 'delete'],
    ['\x7f', 'backspace'],
    ['\x03', 'interrupt'],
    ['\x0c', 'clear-screen'],
    ['\t', 'tab'],
    ['\r', 'enter'],
    ['\x1b[15~', 'ignored'],
  ])('%j is %s', (data, kind) => {
    expect(parseKeys(data)).toEqual([{ kind }]);
  });

  it('keeps printable runs together and reads a pasted CRLF as one line break', () => {
    expect(parseKeys('ls\r\npwd\r')).toEqual([
      { kind: 'text', text: 'ls' },
      { kind: 'enter' },
      { kind: 'text', text: 'pwd' },
      { kind: 'enter' },
    ]);
  });
});

describe('LineEditor', () => {
  it('types after the prompt and submits the line', () => {
    const { screen, effects, type } = setup();
    type('docker ps\r');
    expect(screen.lines()).toEqual([`${PROMPT}docker ps`]);
    expect([screen.row, screen.col]).toEqual([1, 0]);
    expect(effects).toEqual([{ kind: 'submit', line: 'docker ps' }]);
  });

  it('inserts and deletes in the middle with ←, Backspace, Delete, Home and End', () => {
    const { editor, screen, type } = setup();
    type('docker ps');
    type('\x1b[D\x1b[D\x7f'); // delete the space before "ps"
    expect(editor.text).toBe('dockerps');
    type(' image ');
    expect(editor.text).toBe('docker image ps');
    type('\x1b[H\x1b[3~'); // Home, Delete
    expect(editor.text).toBe('ocker image ps');
    expect(screen.col).toBe(PROMPT.length);
    type('\x1b[F!');
    expect(screen.lines()).toEqual([`${PROMPT}ocker image ps!`]);
    expect(screen.col).toBe(PROMPT.length + 'ocker image ps!'.length);
  });

  it('Ctrl+U, Ctrl+K and Ctrl+W delete before, after and the word before the cursor', () => {
    const { editor, type } = setup();
    type('docker run alpine');
    type('\x17');
    expect(editor.text).toBe('docker run ');
    type('\x1b[H\x1b[C\x1b[C\x0b');
    expect(editor.text).toBe('do');
    type('\x15');
    expect(editor.text).toBe('');
  });

  it('walks the history with ↑ and ↓ and keeps the half-typed line', () => {
    const { editor, screen, type } = setup(80, ['docker pull alpine', 'docker images']);
    type('docker r');
    type('\x1b[A');
    expect(editor.text).toBe('docker images');
    type('\x1b[A\x1b[A'); // stays on the oldest
    expect(editor.text).toBe('docker pull alpine');
    type('\x1b[B\x1b[B');
    expect(editor.text).toBe('docker r');
    expect(screen.lines()).toEqual([`${PROMPT}docker r`]);
  });

  it('records history as bash does with ignoreboth', () => {
    const editor = new LineEditor();
    for (const line of ['ls', 'ls', '', ' secret', 'pwd  ']) editor.record(line);
    expect(editor.history).toEqual(['ls', 'pwd']);
  });

  it('redraws a line that wraps past the last column and moves across rows', () => {
    const columns = 24; // the prompt takes 18
    const { editor, screen, type } = setup(columns);
    type('docker run hello-world');
    expect(screen.lines()).toEqual([`${PROMPT}docker`, ' run hello-world']);
    type('\x1b[H');
    expect([screen.row, screen.col]).toEqual([0, PROMPT.length]);
    type('sudo ');
    expect(screen.lines()).toEqual([`${PROMPT}sudo d`, 'ocker run hello-world']);
    type('\x15');
    expect(screen.lines()).toEqual([`${PROMPT}docker`, ' run hello-world']);
    type('\x1b[F');
    expect([screen.row, screen.col]).toEqual([1, 16]);
    type('\x7f'.repeat(16));
    expect(editor.text).toBe('docker');
    expect(screen.lines()).toEqual([`${PROMPT}docker`]);
    expect([screen.row, screen.col]).toEqual([1, 0]); // exactly at the edge: wrapped
  });

  it('Ctrl+C abandons the line with ^C', () => {
    const { editor, screen, effects, type } = setup();
    type('docker pu\x03');
    expect(screen.lines()).toEqual([`${PROMPT}docker pu^C`]);
    expect([screen.row, screen.col]).toEqual([1, 0]);
    expect(effects).toEqual([{ kind: 'interrupt' }]);
    expect(editor.text).toBe('');
  });

  it('Ctrl+L clears the screen and keeps the line', () => {
    const { editor, screen, type } = setup();
    type('ls\r');
    screen.write('Dockerfile\r\n' + editor.begin(PROMPT));
    type('cat Dock');
    expect(screen.lines()).toHaveLength(3);
    type('\x0c');
    expect(screen.lines()).toEqual([`${PROMPT}cat Dock`]);
  });

  it('Ctrl+D on an empty line is end of input, else deletes under the cursor', () => {
    const { editor, effects, type } = setup();
    type('ab\x1b[D\x04');
    expect(editor.text).toBe('a');
    type('\x15\x04');
    expect(effects).toEqual([{ kind: 'eof' }]);
  });
});

describe('completion', () => {
  it('asks for a completion with the line and cursor', () => {
    const { effects, type } = setup();
    type('docker im\t');
    expect(effects).toEqual([{ kind: 'complete', line: 'docker im', cursor: 9 }]);
  });

  it('one candidate replaces the word and adds a space; a directory adds none', () => {
    const { editor, screen, type } = setup();
    type('docker im');
    screen.write(editor.complete({ from: 7, candidates: ['images'] }));
    expect(editor.text).toBe('docker images ');
    type('\x15cd we');
    screen.write(editor.complete({ from: 3, candidates: ['web/'] }));
    expect(screen.lines()).toEqual([`${PROMPT}cd web/`]);
  });

  it('several candidates fill in their common start, then list themselves', () => {
    const { editor, screen, type } = setup(40);
    type('docker c');
    screen.write(editor.complete({ from: 7, candidates: ['container', 'context', 'commit', 'cp', 'create'] }));
    expect(editor.text).toBe('docker c');
    expect(screen.lines()).toEqual([
      `${PROMPT}docker c`,
      'container  context    commit',
      'cp         create',
      `${PROMPT}docker c`,
    ]);
    type('o');
    screen.write(editor.complete({ from: 7, candidates: ['container', 'context'] }));
    expect(editor.text).toBe('docker cont');
  });

  it('rings the bell when nothing completes', () => {
    const { editor, type } = setup();
    type('docker zz');
    expect(editor.complete({ from: 7, candidates: [] })).toBe('\x07');
    expect(editor.text).toBe('docker zz');
  });
});

describe('helpers', () => {
  it('measures text without its colours', () => {
    expect(visibleWidth('\x1b[1;32mstudent\x1b[0m:~$ ')).toBe(11);
  });
  it('finds the common prefix', () => {
    expect(commonPrefix(['context', 'container'])).toBe('cont');
    expect(commonPrefix([])).toBe('');
  });
});
