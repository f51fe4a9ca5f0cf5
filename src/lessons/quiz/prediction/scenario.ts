// A prediction question's scenario, run on a world of its own: a fresh world (seeded by the
// question, so every run is the same), the setup lines run unseen at instant speed, then the
// network paused and the question's command started. Stepping one message at a time
// (`world.step()`, as an instructor would), the scenario stops right after the pause point — the
// first message like `pauseAfter` — so the student sees the conversation so far and predicts what
// comes next. `finish()` resumes the world and lets the command run to its end; the outcome
// (every message after the pause point, the command's output and exit status) is what the
// question's claims are judged on, in the page and in the replay test alike.
import type { TraceEntry, TraceRequest } from '../../../actors/trace/types';
import type { World } from '../../../actors/world/world';
import { yieldToEventLoop } from '../../../engine/runtime/clock';
import { simulatorPlatform, type LessonPlatform, type LineResult } from '../../runner/platform';
import { faultEvent, isFaultLine } from '../../runner/world-faults';
import type { Scenario } from '../question-schema';
import { exchangeOf, requestFits } from './request-pattern';

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

export interface PredictionOutcome extends LineResult {
  /** Every trace entry after the pause point, oldest first. */
  after: TraceEntry[];
  /** The first request delivered after the pause point. */
  next?: TraceRequest;
}

export interface PausedScenario {
  world: World;
  /** The command's messages up to and including the pause point. */
  before: TraceEntry[];
  /** The trace position of the pause point. */
  pauseSeq: number;
  /** Resume the world and let the command finish (once; later calls return the same outcome). */
  finish(): Promise<PredictionOutcome>;
  /** Throw the world away. */
  stop(): void;
}

/** How many times a paused world may have nothing to deliver (work still computing) before giving up. */
const IDLE_TURNS = 2000;

function reached(scenario: Scenario, entries: readonly TraceEntry[], since: number): TraceEntry | undefined {
  const pause = scenario.pauseAfter;
  if (!pause) return undefined;
  const recent = entries.filter((e) => e.seq > since);
  return recent.find((e) => {
    if (e.kind !== pause.kind) return false;
    const { request, response } = exchangeOf(entries, e.exchange);
    if (!request) return false;
    return requestFits(pause, request, response?.status);
  });
}

export interface ScenarioOptions {
  seed: string;
  platform?: LessonPlatform;
  /** The world is handed over before the setup runs (a page may want to watch it). */
  onWorld?: (world: World) => void;
}

/** Build the scenario's world, run its setup, start its command and pause it at the pause point. */
export async function pauseScenario(scenario: Scenario, options: ScenarioOptions): Promise<PausedScenario> {
  const platform = options.platform ?? simulatorPlatform;
  const world = await platform.createWorld(options.seed);
  options.onWorld?.(world);
  try {
    const session = platform.createSession(world);
    for (const line of scenario.setup) {
      if (isFaultLine(line)) world.send(faultEvent(line));
      else await platform.runLine(session, line);
    }
    const start = world.trace.lastSeq;
    world.pause();
    let settled = false;
    const pending = platform.runLine(session, scenario.command).finally(() => (settled = true));
    let point: TraceEntry | undefined;
    if (scenario.pauseAfter) {
      for (let idle = 0; !point;) {
        const moved = await world.step();
        point = reached(scenario, world.trace.entries(), start);
        if (point) break;
        if (moved) idle = 0;
        else if (settled || ++idle > IDLE_TURNS) {
          throw new ScenarioError(
            `the pause point ${JSON.stringify(scenario.pauseAfter)} never came while \`${scenario.command}\` ran`,
          );
        } else await yieldToEventLoop();
      }
    }
    const pauseSeq = point?.seq ?? start;
    const before = world.trace.entries().filter((e) => e.seq > start && e.seq <= pauseSeq);
    let outcome: Promise<PredictionOutcome> | undefined;
    return {
      world,
      before,
      pauseSeq,
      finish() {
        outcome ??= (async () => {
          world.resume();
          const result = await pending;
          const after = world.trace.entries().filter((e) => e.seq > pauseSeq);
          const next = after.find((e): e is TraceRequest => e.kind === 'request');
          return { ...result, after, ...(next ? { next } : {}) };
        })();
        return outcome;
      },
      stop: () => world.stop(),
    };
  } catch (err) {
    world.stop();
    throw err;
  }
}
