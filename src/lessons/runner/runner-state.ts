// What the lesson panel shows of a lesson in progress: which step the student is on, which steps
// are done, the hints read and whether the solution was shown, and — while the current goal is
// unmet — the reasons, in the checks' own words. Plain data, replaced (never mutated) on change.
import type { Lesson } from '../course';

export interface StepStatus {
  id: string;
  title: string;
  done: boolean;
}

export interface RunnerState {
  lesson?: Lesson;
  status: 'idle' | 'preparing' | 'active' | 'complete' | 'failed';
  /** The current step (equals steps.length once the lesson is complete). */
  stepIndex: number;
  steps: StepStatus[];
  /** Hints of the current step revealed so far, in order. */
  hints: string[];
  /** The current step's solution, once the student asked for it (and confirmed). */
  solution?: string[];
  /** Why the current goal is not met yet. */
  unmet: string[];
  /** What went wrong preparing the lesson. */
  error?: string;
}

export const IDLE: RunnerState = { status: 'idle', stepIndex: 0, steps: [], hints: [], unmet: [] };
