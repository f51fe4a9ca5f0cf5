import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorld, restoreWorld, type World } from '../../actors/world/world';
import { imagesRequest, pullRequest } from '../../actors/world/world.fixture';
import { fromUtf8 } from '../../engine/bytes';
import type { SessionEvent, TerminalIO, WorkspaceEngine, WorkspaceSession } from './contracts';
import { WorkspaceStore } from './persistence';
import { Workspace, type WorkspaceOptions } from './workspace.svelte';

/**
 * A shell that knows two lines, each a real world command: `docker pull alpine` and
 * `docker images`. It announces commands as the terminal session does.
 */
class PullShell implements WorkspaceSession {
  readonly cwd = '/home/student';
  #listeners = new Set<(e: SessionEvent) => void>();
  #edit = new Set<(path: string) => void>();
  constructor(private readonly world: World) {}
  prompt() {
    return '$ ';
  }
  async run(line: string, io: TerminalIO): Promise<number> {
    for (const l of this.#listeners) l({ type: 'command.start', line });
    const request = line === 'docker pull alpine' ? pullRequest('docker.io/library/alpine') : imagesRequest;
    const result = await this.world.run(request, { line });
    const stdout = fromUtf8(result.answers.at(-1)!.body);
    io.out.write(stdout);
    for (const l of this.#listeners) l({ type: 'command.done', line, exitCode: 0, stdout, stderr: '' });
    return 0;
  }
  async complete() {
    return { from: 0, candidates: [] };
  }
  onEdit(listener: (path: string) => void) {
    this.#edit.add(listener);
    return () => this.#edit.delete(listener);
  }
  edit(path: string) {
    for (const l of this.#edit) l(path);
  }
  onClear() {
    return () => {};
  }
  subscribe(listener: (e: SessionEvent) => void) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

const io = (): TerminalIO => ({
  out: { write() {}, isTerminal: true, columns: 80 },
  err: { write() {}, isTerminal: true, columns: 80 },
  in: { read: async () => undefined, isTerminal: true },
});

const workspaces: Workspace[] = [];
afterEach(() => {
  for (const w of workspaces.splice(0)) w.dispose();
});

let shells: PullShell[] = [];
function engine(openStore?: WorkspaceEngine['openStore']): WorkspaceEngine {
  return {
    createWorld,
    restoreWorld,
    createSession: (world) => {
      const shell = new PullShell(world);
      shells.push(shell);
      return shell;
    },
    ...(openStore ? { openStore } : {}),
  };
}

function workspace(options: Partial<WorkspaceOptions> = {}): Workspace {
  const ws = new Workspace({ seed: 'workspace-test', speed: 'instant', schedule: queueMicrotask, ...options });
  workspaces.push(ws);
  return ws;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Workspace', { timeout: 60_000 }, () => {
  it('gathers the trace into the log and names each command after its line', async () => {
    shells = [];
    const ws = workspace();
    await ws.boot(engine());
    expect(ws.persistent).toBe(false);
    await ws.session!.run('docker pull alpine', io());
    await settle();
    const summaries = ws.log.entries.map((e) => ('summary' in e ? e.summary : ''));
    expect(summaries.some((s) => s.startsWith('POST /v1.50/images/create'))).toBe(true);
    expect(ws.log.entries.some((e) => e.kind === 'request' && e.to.role === 'registry')).toBe(true);
    expect(ws.commands).toEqual([{ command: 1, line: 'docker pull alpine' }]);
    expect(ws.running).toBe(false);
  });

  it('pauses the network, and step delivers exactly one message', async () => {
    shells = [];
    const ws = workspace();
    await ws.boot(engine());
    ws.pause();
    const done = ws.session!.run('docker pull alpine', io());
    await settle();
    await settle();
    const messages = () => ws.log.entries.filter((e) => e.kind !== 'event').length;
    const before = messages();
    expect(await ws.step()).toBe(true);
    await settle();
    expect(messages()).toBe(before + 1);
    ws.resume();
    await done;
    expect(ws.paused).toBe(false);
  });

  it('step does nothing unless paused', async () => {
    const ws = workspace();
    await ws.boot(engine());
    expect(await ws.step()).toBe(false);
  });

  it('saves after each command and a new visit restores the world and the history', async () => {
    const indexedDB = new IDBFactory();
    const openStore = () => WorkspaceStore.open({ indexedDB });
    const first = workspace();
    await first.boot(engine(openStore));
    expect(first.persistent).toBe(true);
    first.setHistory(['docker pull alpine']);
    await first.session!.run('docker pull alpine', io());
    await first.save();
    first.dispose();

    const second = workspace();
    await second.boot(engine(openStore));
    expect(second.storageProblem).toBeUndefined();
    expect(second.history).toEqual(['docker pull alpine']);
    const listed = await second.world!.run(imagesRequest);
    expect(JSON.parse(fromUtf8(listed.answers[0]!.body))).toHaveLength(1);
  });

  it('reset forgets the saved world and starts a new one', async () => {
    const indexedDB = new IDBFactory();
    const openStore = () => WorkspaceStore.open({ indexedDB });
    const ws = workspace();
    await ws.boot(engine(openStore));
    await ws.session!.run('docker pull alpine', io());
    await ws.save();
    const generation = ws.generation;
    const oldWorld = ws.world;
    await ws.reset();
    expect(ws.generation).toBe(generation + 1);
    expect(ws.world).not.toBe(oldWorld);
    expect(ws.log.entries).toEqual([]);
    expect(ws.history).toEqual([]);
    const store = await WorkspaceStore.open({ indexedDB });
    expect(await store.load()).toBeUndefined();
    store.close();
  });

  it('works in memory, saying why, when the browser refuses storage', async () => {
    const ws = workspace();
    await ws.boot(engine(() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))));
    expect(ws.persistent).toBe(false);
    expect(ws.storageProblem).toMatch(/storage for this site is full/);
    await ws.session!.run('docker pull alpine', io());
    await ws.save(); // nothing to save to: no error
    ws.dismissProblem();
    expect(ws.storageProblem).toBeUndefined();
  });

  it('opens the editor when the session runs `edit FILE`', async () => {
    shells = [];
    const ws = workspace();
    await ws.boot(engine());
    shells[0]!.edit('/home/student/Dockerfile');
    shells[0]!.edit('/home/student/Dockerfile');
    expect(ws.editing).toEqual({ path: '/home/student/Dockerfile', serial: 2 });
  });

  it('changes the world’s speed', async () => {
    const ws = workspace();
    await ws.boot(engine());
    ws.setSpeed('slow');
    expect(ws.world!.driver.speed).toEqual({ slow: 4 });
    ws.setSpeed('normal');
    expect(ws.world!.driver.speed).toBe('realtime');
  });
});
