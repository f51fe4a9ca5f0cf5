// The lesson panel's bridge to the lesson runtime: the course, the student's progress per lesson,
// the lesson open now and the runner's state, as reactive fields. Opening a lesson replaces the
// workspace's world with the lesson's starting world — the workspace resets to a new world, which
// the runtime prepares at instant speed (setup, previous lessons' solutions, files) before handing
// it back at the student's speed. The deep link `#/lesson/<id>` names the open lesson, so a
// reload comes back to it and carries on from the saved progress on the restored world.
import { tick } from 'svelte';
import type { World } from '../../actors/world/world';
import { runLine } from '../../actors/session/run-line';
import { TerminalSession } from '../../actors/session/terminal-session';
import { lessonById, type Course, type Lesson } from '../../lessons/course';
import { loadCourse } from '../../lessons/loader';
import { openProgressStore } from '../../lessons/progress/idb-progress-store';
import { exportProgress, type LessonProgress, type ProgressStore } from '../../lessons/progress/progress-store';
import { LessonRunner } from '../../lessons/runner/lesson-runner';
import type { LessonPlatform } from '../../lessons/runner/platform';
import { IDLE, type RunnerState } from '../../lessons/runner/runner-state';
import type { Workspace } from '../workspace/workspace.svelte';

const LINK = /^#\/lesson\/([a-z0-9-]+)$/;

/** The lesson a location hash names (`#/lesson/first-container`), if any. */
export function lessonIdOfHash(hash: string): string | undefined {
  return LINK.exec(hash)?.[1];
}

export function lessonHash(id: string): string {
  return `#/lesson/${id}`;
}

export class LessonController {
  readonly course: Course;
  readonly problems: string[];
  state = $state.raw<RunnerState>(IDLE);
  progress = $state.raw<Record<string, LessonProgress>>({});
  /** Preparing a lesson's world (the panel shows it is busy). */
  busy = $state(false);
  error = $state<string | undefined>();

  readonly #workspace: Workspace;
  #store: ProgressStore | undefined;
  #runner: LessonRunner | undefined;
  #attachedTo: World | undefined;
  /** The lesson being opened (its world prepared and watched), if one is. */
  #opening: Promise<void> = Promise.resolve();

  constructor(workspace: Workspace, course?: { course: Course; problems: string[] }) {
    this.#workspace = workspace;
    const built = course ?? loadCourse();
    this.course = built.course;
    this.problems = built.problems;
  }

  get lesson(): Lesson | undefined {
    return this.state.lesson;
  }

  /** Open the progress store and the runner (once the workspace has its world). */
  async init(): Promise<void> {
    this.#store = await openProgressStore();
    const workspace = this.#workspace;
    const platform: LessonPlatform = {
      createWorld: async () => {
        await workspace.reset();
        const world = workspace.world!;
        world.setSpeed('instant');
        return world;
      },
      createSession: (world) => new TerminalSession(world),
      runLine: (session, line, options) => runLine(session as TerminalSession, line, options),
    };
    this.#runner = new LessonRunner({ course: this.course, platform, progress: this.#store });
    this.#runner.subscribe((state) => {
      this.state = state;
      if (state.lesson) void this.#refreshProgress();
    });
    await this.#refreshProgress();
  }

  /** Open a lesson: a new starting world, step 1 (or, with `resume`, carry on in the world there is). */
  open(id: string, options: { resume?: boolean } = {}): Promise<void> {
    const opening = this.#opening.then(() => this.#open(id, options));
    this.#opening = opening;
    return opening;
  }

  async #open(id: string, options: { resume?: boolean }): Promise<void> {
    const lesson = lessonById(this.course, id);
    const runner = this.#runner;
    if (!lesson || !runner) {
      this.error = lesson ? undefined : `There is no lesson "${id}".`;
      return;
    }
    this.error = undefined;
    this.busy = true;
    try {
      const saved = await this.#store?.get(id);
      if (options.resume && saved && this.#workspace.world) {
        await this.#attach(lesson, this.#workspace.world, true);
      } else {
        const world = await runner.prepare(lesson);
        this.#workspace.setSpeed(this.#workspace.speed);
        await this.#attach(lesson, world, false);
      }
    } catch (err) {
      this.error = `The lesson could not start: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      this.busy = false;
    }
  }

  /** The workspace got a new world by itself (its own reset): judge the open lesson on it. */
  async followWorld(): Promise<void> {
    const world = this.#workspace.world;
    const lesson = this.state.lesson;
    if (this.busy || !lesson || !world || world === this.#attachedTo) return;
    await this.#attach(lesson, world, false);
  }

  close(): void {
    this.#runner?.detach();
    this.#attachedTo = undefined;
    this.state = IDLE;
    // The menu shows what has been saved by now (the last step's save may have finished after the
    // last refresh).
    void this.#refreshProgress();
  }

  hint(): void {
    this.#runner?.hint();
  }

  showSolution(confirmed: boolean): void {
    this.#runner?.showSolution(confirmed);
  }

  /** Start the open lesson again from its starting world. */
  async resetLesson(): Promise<void> {
    const lesson = this.state.lesson;
    if (!lesson) return;
    await this.#store?.clear(lesson.id);
    await this.open(lesson.id);
  }

  /**
   * Type a command into the terminal and run it. A click while the lesson's world is still being
   * prepared waits for it: the command must run on the world the lesson watches, or it would not count.
   */
  async runCommand(line: string): Promise<void> {
    await this.#opening;
    await tick(); // the terminal has taken up the new world's session
    this.#workspace.terminal?.typeLine(line);
  }

  exportProgress(): Promise<string> {
    return this.#store ? exportProgress(this.#store, Date.now()) : Promise.resolve('{}');
  }

  async #attach(lesson: Lesson, world: World, resume: boolean): Promise<void> {
    const session = this.#workspace.session;
    if (!session || !this.#runner) return;
    this.#attachedTo = world;
    await this.#runner.attach(lesson, world, session, { resume });
  }

  async #refreshProgress(): Promise<void> {
    const all = (await this.#store?.all()) ?? [];
    this.progress = Object.fromEntries(all.map((p) => [p.lessonId, p]));
  }
}
