// The bridge between the simulated world and the page: it holds the current World and the laptop's
// terminal session, and turns what they announce — trace entries, commands starting and ending,
// `edit FILE` — into reactive state the components read. It owns the controls' effects (speed,
// pause, step, reset), the selection the inspector shows, and saving the world to the browser
// after each command and when the page is hidden (persistence.ts). Components stay thin: they
// read this object's fields and call its methods.
import type { World } from '../../actors/world/world';
import type { Ticker } from '../../actors/world/driver';
import type { TraceEntry } from '../../actors/trace/types';
import type { Selection } from '../inspector/selection';
import { appendToLog, EMPTY_LOG, type LogWindow } from '../message-log/log-window';
import type { SessionEvent, WorkspaceEngine, WorkspaceFiles, WorkspaceSession } from './contracts';
import { describeStorageError, type SavedWorkspace, type WorkspaceStore } from './persistence';
import { speedOf, type SpeedChoice } from './speed';

export interface WorkspaceOptions {
  seed?: string;
  speed?: SpeedChoice;
  ticker?: Ticker;
  /** How bursts of trace entries are gathered into one update (animation frames in the page). */
  schedule?: (flush: () => void) => void;
}

/** What the rest of the page may do with the terminal. */
export interface TerminalHandle {
  /** Type a line and press Enter (queued while a command runs). */
  typeLine(line: string): void;
  focus(): void;
  /** Everything on the terminal, scrollback included, as text (lessons check output; tests read it). */
  text(): string;
}

/** A command as the sequence diagram's picker lists it. */
export interface CommandLabel {
  command: number;
  line: string;
}

const defaultSchedule = (flush: () => void) => {
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
  if (raf) raf(flush);
  else setTimeout(flush, 0);
};

export class Workspace {
  world = $state.raw<World | undefined>();
  session = $state.raw<WorkspaceSession | undefined>();
  /** The newest trace entries, for the message log. */
  log = $state.raw<LogWindow>(EMPTY_LOG);
  /** Commands seen in the trace, newest last, with the line that caused them. */
  commands = $state.raw<CommandLabel[]>([]);
  speed = $state<SpeedChoice>('normal');
  paused = $state(false);
  /** A line is running in the terminal. */
  running = $state(false);
  selection = $state.raw<Selection | undefined>();
  /** The file `edit FILE` (or the tree) asked to open; `serial` changes on every request. */
  editing = $state.raw<{ path: string; serial: number } | undefined>();
  /** A plain sentence about storage trouble, for the banner. */
  storageProblem = $state<string | undefined>();
  /** Whether the world is being saved to the browser at all. */
  persistent = $state(false);
  /** A save is in progress. */
  saving = $state(false);
  /** When the world was last saved (the real clock), if it has been. */
  savedAt = $state<number | undefined>();
  /** The terminal's history (restored, then kept up to date by the terminal). */
  history = $state.raw<readonly string[]>([]);
  /** Bumped by every reset: components holding on to the old world start over. */
  generation = $state(0);
  /** The terminal, once drawn: lessons type commands into it, Alt+T focuses it. */
  terminal = $state.raw<TerminalHandle | undefined>();
  /** The student asked the system for less motion: the stage shows highlights, not moving packets. */
  reducedMotion = $state(false);

  readonly #options: WorkspaceOptions;
  #engine: WorkspaceEngine | undefined;
  #store: WorkspaceStore | undefined;
  #pending: TraceEntry[] = [];
  #newCommands: CommandLabel[] = [];
  // Bookkeeping, not state: nothing draws it.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #labelled = new Set<number>();
  #currentLine: string | undefined;
  #flushScheduled = false;
  #saving: Promise<void> = Promise.resolve();
  #unsubscribe: (() => void)[] = [];
  #editSerial = 0;
  /** The banner shows a failed save: a later good save clears it. */
  #problemIsSave = false;

  constructor(options: WorkspaceOptions) {
    this.#options = options;
    if (options.speed) this.speed = options.speed;
  }

  get files(): WorkspaceFiles | undefined {
    return this.world?.files;
  }

  /** Open the saved world (or a new one) and start listening to it. */
  async boot(engine: WorkspaceEngine): Promise<void> {
    this.#engine = engine;
    let saved: SavedWorkspace | undefined;
    if (engine.openStore) {
      try {
        this.#store = await engine.openStore();
        saved = await this.#store.load();
        this.persistent = true;
      } catch (err) {
        this.storageProblem = describeStorageError(err);
      }
    }
    let world: World | undefined;
    if (saved && this.#store) {
      try {
        world = await engine.restoreWorld(saved.world, this.#store.content, this.#worldOptions());
        this.history = saved.history;
      } catch (err) {
        world?.stop();
        world = undefined;
        const reason = err instanceof Error ? err.message : String(err);
        this.storageProblem = `Your saved world could not be restored (${reason}), so a new one was started.`;
      }
    }
    this.#attach(world ?? (await this.#freshWorld()));
  }

  setSpeed(choice: SpeedChoice): void {
    this.speed = choice;
    this.world?.setSpeed(speedOf(choice));
  }

  pause(): void {
    this.world?.pause();
    this.paused = true;
  }

  resume(): void {
    this.world?.resume();
    this.paused = false;
  }

  togglePause(): void {
    if (this.paused) this.resume();
    else this.pause();
  }

  /** Deliver exactly one message (only while paused); true if one was on its way. */
  async step(): Promise<boolean> {
    if (!this.world || !this.paused) return false;
    return this.world.step();
  }

  /** The student closed the storage banner. */
  dismissProblem(): void {
    this.storageProblem = undefined;
    this.#problemIsSave = false;
  }

  select(selection: Selection | undefined): void {
    this.selection = selection;
  }

  /** Ask the editor to open a file (absolute path). */
  openEditor(path: string): void {
    this.editing = { path, serial: ++this.#editSerial };
  }

  /** The terminal reports its history after each line. */
  setHistory(history: readonly string[]): void {
    this.history = [...history];
  }

  /** Save now (queued behind any save in progress). Errors go to the banner, never thrown. */
  save(): Promise<void> {
    this.#saving = this.#saving.then(() => this.#saveNow());
    return this.#saving;
  }

  /** Resolves when every save asked for so far is done. */
  whenSaved(): Promise<void> {
    return this.#saving;
  }

  /** Forget the saved world and start a new one (the page has asked for confirmation). */
  async reset(): Promise<void> {
    await this.#saving;
    this.#detach();
    this.world?.stop();
    if (this.#store) {
      try {
        await this.#store.clear();
      } catch (err) {
        this.storageProblem = describeStorageError(err);
      }
      this.#store = undefined;
      this.persistent = false;
      try {
        this.#store = await this.#engine?.openStore?.();
        this.persistent = this.#store !== undefined;
      } catch (err) {
        this.storageProblem = describeStorageError(err);
      }
    }
    this.history = [];
    this.paused = false;
    this.selection = undefined;
    this.#attach(await this.#freshWorld());
  }

  /** Stop listening and stop the world (the page is going away, a test ends). */
  dispose(): void {
    this.#detach();
    this.world?.stop();
    this.#store?.close();
  }

  #freshWorld(): Promise<World> {
    if (!this.#engine) throw new Error('the workspace has not booted');
    return this.#engine.createWorld({ seed: this.#options.seed ?? 'dockyard', ...this.#worldOptions() });
  }

  #worldOptions() {
    return {
      speed: speedOf(this.speed),
      ...(this.#options.ticker ? { ticker: this.#options.ticker } : {}),
    };
  }

  #attach(world: World): void {
    const session = this.#engine!.createSession(world);
    this.log = EMPTY_LOG;
    this.commands = [];
    this.#labelled.clear();
    this.#pending = [];
    this.#newCommands = [];
    this.#unsubscribe.push(
      world.trace.subscribe((entry) => this.#onEntry(entry)),
      session.subscribe((event) => this.#onSession(event)),
      session.onEdit((path) => this.openEditor(path)),
    );
    this.world = world;
    this.session = session;
    this.generation++;
  }

  #detach(): void {
    for (const stop of this.#unsubscribe.splice(0)) stop();
  }

  #onSession(event: SessionEvent): void {
    if (event.type === 'command.start') {
      this.#currentLine = event.line;
      this.running = true;
    } else {
      this.running = false;
      void this.save();
    }
  }

  #onEntry(entry: TraceEntry): void {
    this.#pending.push(entry);
    const command = entry.command;
    if (command !== undefined && !this.#labelled.has(command)) {
      this.#labelled.add(command);
      this.#newCommands.push({ command, line: this.#currentLine ?? `command ${command}` });
    }
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    (this.#options.schedule ?? defaultSchedule)(() => this.#flush());
  }

  #flush(): void {
    this.#flushScheduled = false;
    const added = this.#pending.splice(0);
    this.log = appendToLog(this.log, added);
    if (this.#newCommands.length > 0) this.commands = [...this.commands, ...this.#newCommands.splice(0)].slice(-100);
  }

  async #saveNow(): Promise<void> {
    const world = this.world;
    if (!this.#store || !world) return;
    this.saving = true;
    try {
      await this.#store.save(world, { history: this.history });
      this.savedAt = Date.now();
      if (this.#problemIsSave) this.dismissProblem();
    } catch (err) {
      // A world busy with a command is saved when that command is done.
      if (err instanceof Error && err.name === 'WorldBusyError') return;
      this.storageProblem = describeStorageError(err);
      this.#problemIsSave = true;
    } finally {
      this.saving = false;
    }
  }
}
