// What a terminal sends when a key is pressed. xterm.js hands us the bytes a real terminal would
// write to its pty: printable text as itself, control keys as control characters (Ctrl+C is
// `\x03`), and cursor and editing keys as escape sequences (`ESC [ D` is ←). This module cuts such
// a string into keys, so a paste of several lines and a burst of arrow presses are read the same.

export type Key = { kind: 'text'; text: string } | { kind: KeyName };

export type KeyName =
  | 'enter'
  | 'backspace'
  | 'delete'
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'home'
  | 'end'
  | 'tab'
  | 'interrupt'
  | 'eof'
  | 'clear-screen'
  | 'kill-before'
  | 'kill-after'
  | 'delete-word'
  | 'word-left'
  | 'word-right'
  | 'ignored';

const sequences: Record<string, KeyName> = {
  '\x1b[A': 'up',
  '\x1b[B': 'down',
  '\x1b[C': 'right',
  '\x1b[D': 'left',
  '\x1bOA': 'up',
  '\x1bOB': 'down',
  '\x1bOC': 'right',
  '\x1bOD': 'left',
  '\x1b[H': 'home',
  '\x1b[F': 'end',
  '\x1bOH': 'home',
  '\x1bOF': 'end',
  '\x1b[1~': 'home',
  '\x1b[4~': 'end',
  '\x1b[7~': 'home',
  '\x1b[8~': 'end',
  '\x1b[3~': 'delete',
  '\x1b[1;5D': 'word-left',
  '\x1b[1;5C': 'word-right',
  '\x1bb': 'word-left',
  '\x1bf': 'word-right',
};

const controls: Record<string, KeyName> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\t': 'tab',
  '\x01': 'home', // Ctrl+A
  '\x05': 'end', // Ctrl+E
  '\x02': 'left', // Ctrl+B
  '\x06': 'right', // Ctrl+F
  '\x10': 'up', // Ctrl+P
  '\x0e': 'down', // Ctrl+N
  '\x03': 'interrupt', // Ctrl+C
  '\x04': 'eof', // Ctrl+D
  '\x0c': 'clear-screen', // Ctrl+L
  '\x15': 'kill-before', // Ctrl+U
  '\x0b': 'kill-after', // Ctrl+K
  '\x17': 'delete-word', // Ctrl+W
};

/** An escape sequence: CSI (`ESC [ params final`), SS3 (`ESC O x`) or Alt+key (`ESC x`). */
// Terminal escape sequences start with ESC: control characters are the point here.
// eslint-disable-next-line no-control-regex
const escape = /^\x1b(?:\[[0-9;?]*[@-~]|O[@-~]|[^[O]|$)/;

/** Cut terminal input into keys; runs of printable text stay together. */
export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < data.length) {
    const ch = data[i]!;
    if (ch === '\x1b') {
      flush();
      const match = escape.exec(data.slice(i));
      const seq = match ? match[0] : ch;
      keys.push({ kind: sequences[seq] ?? 'ignored' });
      i += Math.max(1, seq.length);
      continue;
    }
    if (ch === '\r' && data[i + 1] === '\n') i++; // a pasted CRLF is one line break
    const control = controls[ch];
    if (control) {
      flush();
      keys.push({ kind: control });
    } else if (ch < ' ') {
      flush();
      keys.push({ kind: 'ignored' });
    } else {
      text += ch;
    }
    i++;
  }
  flush();
  return keys;
}
