// The shapes the workspace relies on from the actors: the terminal session (a shell on the laptop
// that runs `docker …`, `ls`, `edit`) and the laptop's files. Written as interfaces so the UI's
// logic can be tested with small doubles and keeps compiling while those parts grow.
import type { InputStream, OutputStream } from '../../engine/client';
import type { LaptopFiles } from '../../engine/laptop/files';
import type { World, WorldOptions } from '../../actors/world/world';
import type { WorkspaceStore } from './persistence';

export interface TerminalIO {
  out: OutputStream;
  err: OutputStream;
  in: InputStream;
  /** Aborted by Ctrl+C. */
  signal?: AbortSignal;
}

export interface CommandDone {
  type: 'command.done';
  line: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

export type SessionEvent = { type: 'command.start'; line: string } | CommandDone;

/** What the workspace needs of `TerminalSession` (src/actors/session/terminal-session.ts). */
export interface WorkspaceSession {
  readonly cwd: string;
  prompt(): string;
  run(line: string, io: TerminalIO): Promise<number>;
  complete(line: string, cursor: number): Promise<{ from: number; candidates: string[] }>;
  onEdit(listener: (absolutePath: string) => void): () => void;
  onClear(listener: () => void): () => void;
  subscribe(listener: (event: SessionEvent) => void): () => void;
}

/** The laptop's files as the editor uses them (`world.files`). */
export type WorkspaceFiles = Pick<
  LaptopFiles,
  'readText' | 'readFile' | 'writeFile' | 'mkdir' | 'readdir' | 'stat' | 'walk' | 'subscribe' | 'exists'
>;

/**
 * The heavy half of the page — the simulated world, its shell and the browser storage — loaded
 * after the workspace has drawn itself (engine.ts in the page; the modules themselves in tests).
 */
export interface WorkspaceEngine {
  createWorld(options: WorldOptions): Promise<World>;
  restoreWorld(
    snapshot: unknown,
    content: WorkspaceStore['content'],
    options: Omit<WorldOptions, 'seed'>,
  ): Promise<World>;
  createSession(world: World): WorkspaceSession;
  /** Where the world is saved; absent keeps it in memory only. */
  openStore?: () => Promise<WorkspaceStore>;
}
