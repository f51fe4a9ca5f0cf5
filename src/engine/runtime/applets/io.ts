// Reading the files a text tool is given — or its standard input when given none, or `-` — with
// each tool's own complaint for a file it cannot open. BusyBox mostly says
// `cat: can't open 'x': No such file or directory`; GNU says `cat: x: No such file or directory`,
// and a few GNU tools their own sentence (`head: cannot open 'x' for reading: …`).

import type { Bytes } from '../../bytes';
import { isFsError, type FsError } from '../../layer/fs-errors';
import { readPath } from '../files';
import { decodeLenient, readAll } from '../streams';
import type { Tool } from './registry';

export type OpenMessage = (path: string, err: FsError) => string;

export const busyboxOpen: OpenMessage = (path, err) => `can't open '${path}': ${err.reason}`;
export const gnuOpen: OpenMessage = (path, err) => `${path}: ${err.reason}`;

/** The bytes of `path` (`-` is stdin); on failure prints the tool's message and returns undefined. */
export async function readInput(
  tool: Tool,
  path: string,
  messages: { busybox?: OpenMessage; gnu?: OpenMessage } = {},
): Promise<Bytes | undefined> {
  if (path === '-') return readAll(tool.ctx.stdin);
  try {
    return await readPath(tool.ctx, path);
  } catch (err) {
    if (!isFsError(err)) throw err;
    let text: string;
    if (err.code === 'EISDIR')
      text = tool.gnu || tool.name !== 'cat' ? `${path}: ${err.reason}` : `read error: ${err.reason}`;
    else text = (tool.gnu ? (messages.gnu ?? gnuOpen) : (messages.busybox ?? busyboxOpen))(path, err);
    tool.err(`${tool.name}: ${text}\n`);
    return undefined;
  }
}

/** Text of every input in turn (stdin when there are no operands). Sets `failed` when one fails. */
export async function readTexts(
  tool: Tool,
  operands: readonly string[],
  messages: { busybox?: OpenMessage; gnu?: OpenMessage } = {},
): Promise<{ inputs: { name: string; text: string }[]; failed: boolean }> {
  const names = operands.length === 0 ? ['-'] : operands;
  const inputs: { name: string; text: string }[] = [];
  let failed = false;
  for (const name of names) {
    const bytes = await readInput(tool, name, messages);
    if (bytes === undefined) failed = true;
    else inputs.push({ name, text: decodeLenient(bytes) });
    await tool.step();
  }
  return { inputs, failed };
}

/** Split text into lines, without the final empty piece after a trailing newline. */
export function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Write lines, each with its newline, in chunks (keeps long outputs cooperative). */
export async function writeLines(tool: Tool, lines: readonly string[]): Promise<void> {
  for (let i = 0; i < lines.length; i += 2000) {
    tool.out(
      lines
        .slice(i, i + 2000)
        .map((l) => `${l}\n`)
        .join(''),
    );
    await tool.step();
  }
}
