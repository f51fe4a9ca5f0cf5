// Docker's tables are aligned by Go's text/tabwriter, set up as `NewWriter(out, 10, 1, 3, ' ', 0)`:
// cells end at a tab; a column is as wide as its widest cell plus 3 blanks, and at least 10; the
// text after a line's last tab is not part of any column. A column only spans the consecutive
// lines that have a cell in it, and a line without any tab ends the table above it — the rules
// that make `REPOSITORY   TAG       IMAGE ID` line up the way it does.

export interface TabwriterOptions {
  minWidth: number;
  padding: number;
  padChar: string;
}

export const DOCKER_TABLE: TabwriterOptions = { minWidth: 10, padding: 3, padChar: ' ' };

type Line = string[] & { newline?: boolean };

/** Width of a cell as tabwriter counts it: in characters (runes), not bytes. */
function widthOf(text: string): number {
  return [...text].length;
}

/** Lay out lines of tab-separated cells (one block, no tab-less lines inside). */
function formatBlock(lines: Line[], options: TabwriterOptions): string {
  let out = '';
  const widths: number[] = [];
  const write = (from: number, to: number) => {
    for (let l = from; l < to; l++) {
      const cells = lines[l]!;
      cells.forEach((cell, j) => {
        if (j < widths.length && j < cells.length - 1) {
          out += cell + options.padChar.repeat(Math.max(0, widths[j]! - widthOf(cell)));
        } else out += cell;
      });
      if (lines[l]!.newline) out += '\n';
    }
  };
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let l = line0; l < line1; l++) {
      if (column >= lines[l]!.length - 1) continue;
      write(line0, l);
      line0 = l;
      let width = options.minWidth;
      for (; l < line1; l++) {
        const cells = lines[l]!;
        if (column >= cells.length - 1) break;
        width = Math.max(width, widthOf(cells[column]!) + options.padding);
      }
      widths.push(width);
      format(line0, l);
      widths.pop();
      line0 = l;
      l--;
    }
    write(line0, line1);
  };
  format(0, lines.length);
  return out;
}

/** Align `text` as a tabwriter with `options` would, once flushed. */
export function tabwrite(text: string, options: TabwriterOptions = DOCKER_TABLE): string {
  let out = '';
  let block: Line[] = [];
  const parts = text.split('\n');
  parts.forEach((raw, i) => {
    const last = i === parts.length - 1;
    if (last && raw === '') return;
    const line: Line = raw.split('\t');
    line.newline = !last;
    block.push(line);
    // A line with a single cell cannot affect the columns of the lines after it: flush.
    if (line.length === 1 && !last) {
      out += formatBlock(block, options);
      block = [];
    }
  });
  if (block.length > 0) out += formatBlock(block, options);
  return out;
}
