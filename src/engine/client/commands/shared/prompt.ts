// Reading what the user types at a prompt (`Username: `, `[y/N]`): one line from stdin.
import type { InputStream } from '../../cli/streams';

const carried = new WeakMap<InputStream, string>();

/** The next line typed (without its newline); '' at the end of input. */
export async function readLine(input: InputStream): Promise<string> {
  let text = carried.get(input) ?? '';
  const decoder = new TextDecoder();
  while (!text.includes('\n')) {
    const chunk = await input.read();
    if (chunk === undefined) break;
    text += decoder.decode(chunk, { stream: true }).replace(/\r/g, '\n');
  }
  const nl = text.indexOf('\n');
  const line = nl < 0 ? text : text.slice(0, nl);
  carried.set(input, nl < 0 ? '' : text.slice(nl + 1));
  return line;
}

/** docker/cli's PromptForConfirmation: `message [y/N] `, true only for `y`/`Y`. */
export async function confirm(
  input: InputStream,
  output: { write(text: string): void },
  message: string,
): Promise<boolean> {
  output.write(`${message} [y/N] `);
  const answer = (await readLine(input)).trim();
  return answer.toLowerCase() === 'y';
}
