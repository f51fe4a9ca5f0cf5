import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../engine/bytes';
import { readAllText } from '../../engine/client/cli/streams';
import type { SessionEvent, TerminalIO, WorkspaceSession } from '../workspace/contracts';
import { TerminalController } from './terminal-controller';
import { TinyScreen } from './screen.fixture';

const PROMPT = '$ ';

/** A small shell with a few commands whose behaviour the controller must handle. */
class ScriptedShell implements WorkspaceSession {
  readonly cwd = '/home/student';
  readonly ran: string[] = [];
  readonly columnsSeen: (number | undefined)[] = [];
  #clear = new Set<() => void>();

  prompt(): string {
    return PROMPT;
  }
  async run(line: string, io: TerminalIO): Promise<number> {
    this.ran.push(line);
    this.columnsSeen.push(io.out.columns);
    if (line === 'hello') io.out.write('Hello from Docker!\n');
    if (line === 'login') {
      io.out.write('Username: ');
      const chunk = await io.in.read();
      io.out.write(`Login as ${chunk ? fromUtf8(chunk).trim() : '?'}\n`);
    }
    if (line === 'cat') io.out.write(`<${await readAllText(io.in)}>\n`);
    if (line === 'sh') {
      io.in.setRaw?.(true);
      const chunk = await io.in.read();
      io.out.write(`raw:${JSON.stringify(chunk ? fromUtf8(chunk) : null)}\n`);
    }
    if (line === 'pull') {
      await new Promise<void>((resolve) => io.signal?.addEventListener('abort', () => resolve()));
      return 130;
    }
    if (line === 'clear') for (const l of this.#clear) l();
    return 0;
  }
  async complete(line: string, cursor: number) {
    return line.slice(0, cursor) === 'docker im'
      ? { from: 7, candidates: ['image', 'images'] }
      : { from: cursor, candidates: [] };
  }
  onEdit() {
    return () => {};
  }
  onClear(listener: () => void) {
    this.#clear.add(listener);
    return () => this.#clear.delete(listener);
  }
  subscribe(_listener: (e: SessionEvent) => void) {
    return () => {};
  }
}

class CrlfScreen extends TinyScreen {
  override write(data: string | Uint8Array): void {
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
    super.write(text.replace(/\r?\n/g, '\r\n')); // xterm's convertEol
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(history: string[] = []) {
  const shell = new ScriptedShell();
  const screen = new CrlfScreen(60);
  const saved: string[][] = [];
  const controller = new TerminalController(shell, screen, { history, onHistory: (h) => saved.push([...h]) });
  controller.start();
  return { shell, screen, controller, saved };
}

describe('TerminalController', () => {
  it('runs a line with terminal streams of the real width, then prompts again', async () => {
    const { shell, screen, controller, saved } = setup();
    controller.input('hello\r');
    await settle();
    expect(shell.ran).toEqual(['hello']);
    expect(shell.columnsSeen).toEqual([60]);
    expect(screen.lines()).toEqual(['$ hello', 'Hello from Docker!', '$']);
    expect(saved).toEqual([['hello']]);
  });

  it('hands a typed line to a command reading its input, echoed as a tty does', async () => {
    const { screen, controller } = setup();
    controller.input('login\r');
    await settle();
    controller.input('studenx\x7ft\r');
    await settle();
    expect(screen.lines()).toEqual(['$ login', 'Username: student', 'Login as student', '$']);
  });

  it('Ctrl+D ends the input of a command reading to the end', async () => {
    const { screen, controller } = setup();
    controller.input('cat\r');
    await settle();
    controller.input('one\rtwo\x04');
    await settle();
    controller.input('\x04');
    await settle();
    expect(screen.lines()).toEqual(['$ cat', 'one', 'two<one', 'two>', '$']);
  });

  it('in raw mode passes keys through unechoed, Ctrl+C included', async () => {
    const { screen, controller } = setup();
    controller.input('sh\r');
    await settle();
    controller.input('\x03');
    await settle();
    expect(screen.lines()).toEqual(['$ sh', 'raw:"\\u0003"', '$']);
  });

  it('Ctrl+C aborts a running command and prints ^C', async () => {
    const { screen, controller } = setup();
    controller.input('pull\r');
    await settle();
    expect(controller.running).toBe(true);
    controller.input('\x03');
    await settle();
    expect(controller.running).toBe(false);
    expect(screen.lines()).toEqual(['$ pull', '^C', '$']);
  });

  it('queues lines pasted together and runs them in turn', async () => {
    const { shell, screen, controller } = setup();
    controller.input('hello\rhello\r');
    await settle();
    await settle();
    expect(shell.ran).toEqual(['hello', 'hello']);
    expect(screen.lines()).toEqual(['$ hello', 'Hello from Docker!', '$ hello', 'Hello from Docker!', '$']);
  });

  it('completes with Tab through the session', async () => {
    const { screen, controller } = setup();
    controller.input('docker im\t');
    await settle();
    expect(controller.line).toBe('docker image');
    expect(screen.lines()).toEqual(['$ docker image']);
  });

  it('recalls restored history with ↑', () => {
    const { controller } = setup(['docker images']);
    controller.input('\x1b[A');
    expect(controller.line).toBe('docker images');
  });

  it('clears the screen when the session says clear', async () => {
    const { screen, controller } = setup();
    controller.input('hello\r');
    await settle();
    controller.input('clear\r');
    await settle();
    expect(screen.lines()).toEqual(['$']);
  });

  it('typeLine runs a line as if typed', async () => {
    const { shell, controller } = setup();
    controller.typeLine('hello');
    await settle();
    expect(shell.ran).toEqual(['hello']);
  });
});
