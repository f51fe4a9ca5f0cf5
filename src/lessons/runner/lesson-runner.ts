// A lesson in progress — the Learn Git Branching way: the runner never looks at what was typed,
// only at the world. It builds the lesson's starting world (starting-world.ts), then watches the
// world's trace and the terminal session; after every command and every batch of trace entries it
// reads the world (goals/world-state.ts) and judges the current step's goal (goals/evaluate.ts).
// When the goal holds, the step is done — saved to the progress store — and the next step begins:
// from the trace position at that moment, or, if a command is still running, when it ends (so a
// request check of the next step only counts what the student does for that step).
//
//   const runner = new LessonRunner({ course, progress });
//   const { world, session } = await runner.start(lesson);     // or prepare() + attach() in the page
//   runner.subscribe((state) => …);                             // RunnerState for the panel
//   runner.hint(); runner.showSolution(true); await runner.reset();
import type { World } from '../../actors/world/world';
import type { Course, Lesson } from '../course';
import { evaluateGoal, unmetDetails, type GoalOutcome } from '../goals/evaluate';
import type { CommandRecord, StepStart } from '../goals/goal-state';
import { readGoalState } from '../goals/world-state';
import { emptyStep, MemoryProgressStore, type LessonProgress, type ProgressStore } from '../progress/progress-store';
import { simulatorPlatform, type LessonPlatform, type LessonSession } from './platform';
import { IDLE, type RunnerState } from './runner-state';
import { startingWorld } from './starting-world';

export interface LessonRunnerOptions {
  course?: Course;
  platform?: LessonPlatform;
  progress?: ProgressStore;
  /** Wall-clock time for progress timestamps. */
  now?: () => number;
}

interface Attached {
  lesson: Lesson;
  world: World;
  session: LessonSession;
  commands: CommandRecord[];
  start: StepStart;
  running: boolean;
  /** The step finished while a command ran: the next one starts when it ends. */
  startAfterCommand: boolean;
  stop: (() => void)[];
}

export class LessonRunner {
  readonly course: Course | undefined;
  readonly platform: LessonPlatform;
  readonly progress: ProgressStore;
  readonly #now: () => number;
  #state: RunnerState = IDLE;
  #listeners = new Set<(state: RunnerState) => void>();
  #attached: Attached | undefined;
  #progress: LessonProgress | undefined;
  #evaluation: Promise<void> = Promise.resolve();
  #evaluationQueued = false;
  #saving: Promise<void> = Promise.resolve();

  constructor(options: LessonRunnerOptions = {}) {
    this.course = options.course;
    this.platform = options.platform ?? simulatorPlatform;
    this.progress = options.progress ?? new MemoryProgressStore();
    this.#now = options.now ?? (() => Date.now());
  }

  get state(): RunnerState {
    return this.#state;
  }

  subscribe(listener: (state: RunnerState) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#state);
    return () => this.#listeners.delete(listener);
  }

  /** The world `lesson` starts on (setup run, files placed); the runner does not watch it yet. */
  async prepare(lesson: Lesson): Promise<World> {
    this.detach();
    this.#set({ ...IDLE, lesson, status: 'preparing', steps: this.#stepStatuses(lesson, undefined) });
    try {
      return await startingWorld(lesson, this.course, this.platform);
    } catch (err) {
      this.#set({ ...this.#state, status: 'failed', error: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  }

  /**
   * Watch `world` and `session` for `lesson`. With `resume`, the student carries on where their
   * saved progress says (the page restoring a saved world); otherwise the lesson starts at step 1.
   */
  async attach(
    lesson: Lesson,
    world: World,
    session: LessonSession,
    options: { resume?: boolean } = {},
  ): Promise<void> {
    this.detach();
    const saved = await this.progress.get(lesson.id);
    this.#progress = saved && options.resume ? saved : { lessonId: lesson.id, startedAt: this.#now(), steps: {} };
    if (!options.resume && saved?.completedAt !== undefined) this.#progress.completedAt = saved.completedAt;
    const attached: Attached = {
      lesson,
      world,
      session,
      commands: [],
      start: { seq: world.trace.lastSeq, commands: 0 },
      running: false,
      startAfterCommand: false,
      stop: [],
    };
    this.#attached = attached;
    attached.stop.push(
      world.trace.subscribe(() => this.#queueEvaluation()),
      session.subscribe((event) => {
        if (this.#attached !== attached) return;
        if (event.type === 'command.start') attached.running = true;
        else {
          attached.running = false;
          if (event.line.trim() !== '')
            attached.commands.push({
              line: event.line,
              exitCode: event.exitCode,
              stdout: event.stdout,
              stderr: event.stderr,
            });
          if (attached.startAfterCommand) {
            attached.startAfterCommand = false;
            attached.start = { seq: world.trace.lastSeq, commands: attached.commands.length };
          }
          this.#queueEvaluation();
        }
      }),
    );
    if (lesson.terminal !== 'laptop')
      await this.platform.runLine(session, `export DOCKER_HOST=tcp://${lesson.terminal}:2375`);
    attached.commands.length = 0;
    attached.start = { seq: world.trace.lastSeq, commands: 0 };
    const first = options.resume ? lesson.steps.findIndex((s) => !this.#progress!.steps[s.id]?.done) : 0;
    const stepIndex = first < 0 ? lesson.steps.length : first;
    this.#set({
      ...IDLE,
      lesson,
      status: stepIndex >= lesson.steps.length ? 'complete' : 'active',
      stepIndex,
      steps: this.#stepStatuses(lesson, this.#progress),
      hints:
        lesson.steps[stepIndex]?.hints.slice(
          0,
          this.#progress.steps[lesson.steps[stepIndex]?.id ?? '']?.hintsUsed ?? 0,
        ) ?? [],
    });
    await this.#save();
    this.#queueEvaluation();
    await this.settled();
  }

  /** prepare + a new session + attach: what tests and replays use. */
  async start(lesson: Lesson): Promise<{ world: World; session: LessonSession }> {
    const world = await this.prepare(lesson);
    const session = this.platform.createSession(world);
    await this.attach(lesson, world, session);
    return { world, session };
  }

  /** Stop watching (the world itself belongs to whoever holds it). */
  detach(): void {
    for (const stop of this.#attached?.stop.splice(0) ?? []) stop();
    this.#attached = undefined;
  }

  /** Reveal the next hint of the current step; undefined when there are no more. */
  hint(): string | undefined {
    const step = this.#currentStep();
    if (!step || !this.#progress) return undefined;
    const record = (this.#progress.steps[step.id] ??= emptyStep());
    const next = step.hints[record.hintsUsed];
    if (next === undefined) return undefined;
    record.hintsUsed++;
    this.#set({ ...this.#state, hints: step.hints.slice(0, record.hintsUsed) });
    void this.#save();
    return next;
  }

  /** The current step's solution — only once the student has confirmed they want it. */
  showSolution(confirmed: boolean): string[] | undefined {
    const step = this.#currentStep();
    if (!step || !confirmed || !this.#progress) return undefined;
    (this.#progress.steps[step.id] ??= emptyStep()).solutionShown = true;
    this.#set({ ...this.#state, solution: [...step.solution] });
    void this.#save();
    return [...step.solution];
  }

  /** A new starting world for the current lesson; attach it (with its session) to carry on. */
  async reset(): Promise<World | undefined> {
    const lesson = this.#state.lesson;
    if (!lesson) return undefined;
    await this.progress.clear(lesson.id);
    return this.prepare(lesson);
  }

  /** Judge the current step now. */
  async check(): Promise<GoalOutcome | undefined> {
    const attached = this.#attached;
    const step = this.#currentStep();
    if (!attached || !step) return undefined;
    const state = await readGoalState(attached.world, attached.commands);
    return evaluateGoal(step.goal, state, attached.start);
  }

  /** Resolves once every evaluation asked for so far has run (and saved). */
  async settled(): Promise<void> {
    do await this.#evaluation;
    while (this.#evaluationQueued);
    await this.#saving;
  }

  #currentStep() {
    return this.#state.lesson?.steps[this.#state.stepIndex];
  }

  #queueEvaluation(): void {
    if (this.#evaluationQueued) return;
    this.#evaluationQueued = true;
    this.#evaluation = this.#evaluation.then(async () => {
      this.#evaluationQueued = false;
      await this.#evaluate();
    });
  }

  async #evaluate(): Promise<void> {
    const attached = this.#attached;
    while (attached && attached === this.#attached && this.#state.status === 'active' && !attached.startAfterCommand) {
      const outcome = await this.check();
      if (!outcome || attached !== this.#attached) return;
      if (!outcome.met) {
        this.#set({ ...this.#state, unmet: unmetDetails(outcome) });
        return;
      }
      this.#completeStep(attached);
    }
  }

  #completeStep(attached: Attached): void {
    const lesson = attached.lesson;
    const step = lesson.steps[this.#state.stepIndex]!;
    const progress = this.#progress!;
    const record = (progress.steps[step.id] ??= emptyStep());
    record.done = true;
    record.doneAt = this.#now();
    const stepIndex = this.#state.stepIndex + 1;
    const complete = stepIndex >= lesson.steps.length;
    if (complete) progress.completedAt = this.#now();
    if (attached.running) attached.startAfterCommand = true;
    else attached.start = { seq: attached.world.trace.lastSeq, commands: attached.commands.length };
    const nextHints = lesson.steps[stepIndex]?.hints.slice(
      0,
      progress.steps[lesson.steps[stepIndex]?.id ?? '']?.hintsUsed ?? 0,
    );
    this.#set({
      ...IDLE,
      lesson,
      status: complete ? 'complete' : 'active',
      stepIndex,
      steps: this.#stepStatuses(lesson, progress),
      hints: nextHints ?? [],
    });
    void this.#save();
  }

  #stepStatuses(lesson: Lesson, progress: LessonProgress | undefined) {
    return lesson.steps.map((s) => ({ id: s.id, title: s.title, done: progress?.steps[s.id]?.done === true }));
  }

  #save(): Promise<void> {
    const progress = this.#progress;
    if (!progress) return this.#saving;
    const copy = structuredClone(progress);
    this.#saving = this.#saving.then(() => this.progress.put(copy)).catch(() => undefined);
    return this.#saving;
  }

  #set(state: RunnerState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }
}
