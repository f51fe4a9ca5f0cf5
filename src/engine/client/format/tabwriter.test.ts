// Go's text/tabwriter as docker configures it (minwidth 10, padding 3): columns as wide as their
// widest cell plus 3, never under 10; the text after the last tab of a line outside any column; a
// line without tabs ending the table above it.
import { describe, expect, test } from 'vitest';
import { tabwrite } from './tabwriter';

describe('tabwriter', () => {
  test('docker images', () => {
    expect(
      tabwrite('REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\nnginx\talpine\tffb0ff99fb1b\t21 months ago\t54.4kB\n'),
    ).toBe(
      'REPOSITORY   TAG       IMAGE ID       CREATED         SIZE\n' +
        'nginx        alpine    ffb0ff99fb1b   21 months ago   54.4kB\n',
    );
  });

  test('a column spans only the lines that have a cell in it', () => {
    expect(tabwrite('a\tb\tc\nlonger-first-cell\td\nx\ty\tz\n')).toBe(
      'a' + ' '.repeat(19) + 'b         c\nlonger-first-cell   d\nx' + ' '.repeat(19) + 'y         z\n',
    );
  });

  test('a line without tabs flushes: the tables above and below are laid out apart', () => {
    expect(tabwrite('a\tb\nvery-long-cell-here\tc\n\nx\ty\n')).toBe(
      'a' + ' '.repeat(21) + 'b\nvery-long-cell-here   c\n\nx         y\n',
    );
  });

  test('widths count characters, not bytes (… is one)', () => {
    expect(tabwrite('ab…\tx\nabc\ty\n')).toBe('ab…       x\nabc       y\n');
  });

  test('other settings: docker version (20, padding 1)', () => {
    expect(tabwrite(' Version:\t28.2.2\n', { minWidth: 20, padding: 1, padChar: ' ' })).toBe(
      ' Version:           28.2.2\n',
    );
  });
});
