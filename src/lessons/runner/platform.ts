// What the lesson runtime needs from the simulator, in one place: a new world for a seed, a
// terminal session on it, and a way to run a line with its output captured (setup lines are run
// silently; replays read what each solution line printed). The default is the real thing —
// `createWorld` at instant speed, `TerminalSession`, `runLine` — and the page passes its own
// (the world at the speed the student chose).
import { runLine, type LineResult } from '../../actors/session/run-line';
import { TerminalSession } from '../../actors/session/terminal-session';
import { createWorld, type World } from '../../actors/world/world';

export type { LineResult };

/** The part of TerminalSession the runner uses. */
export interface LessonSession {
  subscribe(
    listener: (
      event:
        | { type: 'command.start'; line: string }
        | { type: 'command.done'; line: string; exitCode: number; stdout: string; stderr: string },
    ) => void,
  ): () => void;
}

export interface LessonPlatform {
  createWorld(seed: string): Promise<World>;
  /** A terminal on the laptop (the runner points its client at the lesson's daemon with DOCKER_HOST). */
  createSession(world: World): LessonSession;
  /** Run a line with its output captured; aborting `signal` is Ctrl-C. */
  runLine(session: LessonSession, line: string, options?: { signal?: AbortSignal }): Promise<LineResult>;
}

/** The simulator as it is, at instant speed (tests, replays). */
export const simulatorPlatform: LessonPlatform = {
  createWorld: (seed) => createWorld({ seed, speed: 'instant' }),
  createSession: (world) => new TerminalSession(world),
  runLine: (session, line, options) => runLine(session as TerminalSession, line, options),
};
