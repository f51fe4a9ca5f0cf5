// `build`: the last `docker build` since the step began, judged by what the classic builder
// printed — `Step N/M : …` per Dockerfile instruction, ` ---> Using cache` for each step the build
// cache answered — and by its exit status.
import type { BuildCheck } from '../../schema/goal-schema';
import type { CheckResult, CommandRecord, GoalState, StepStart } from '../goal-state';

const BUILD_COMMAND = /(^|[;&|]\s*|\s)docker\s+(?:image\s+|buildx\s+)?build(\s|$)/;

export interface BuildSummary {
  steps: number;
  cacheHits: number;
  succeeded: boolean;
}

/** Count a build's steps and cache hits from its output. */
export function summariseBuild(command: CommandRecord): BuildSummary {
  const lines = command.stdout.split(/\r?\n/);
  return {
    steps: lines.filter((l) => /^Step \d+\/\d+ : /.test(l)).length,
    cacheHits: lines.filter((l) => l.trim() === '---> Using cache').length,
    succeeded: command.exitCode === 0,
  };
}

export function lastBuild(state: GoalState, since: StepStart): CommandRecord | undefined {
  return state.commands
    .slice(since.commands)
    .filter((c) => BUILD_COMMAND.test(c.line))
    .at(-1);
}

export function checkBuild(check: BuildCheck, state: GoalState, since: StepStart): CheckResult {
  const build = lastBuild(state, since);
  if (!build) return { met: false, detail: 'no docker build since the step began' };
  const s = summariseBuild(build);
  const problems = [
    check.cacheHits !== undefined && s.cacheHits !== check.cacheHits
      ? `${s.cacheHits} cache hit(s), not ${check.cacheHits}`
      : '',
    check.minCacheHits !== undefined && s.cacheHits < check.minCacheHits
      ? `${s.cacheHits} cache hit(s), fewer than ${check.minCacheHits}`
      : '',
    check.steps !== undefined && s.steps !== check.steps ? `${s.steps} step(s), not ${check.steps}` : '',
    check.succeeded !== undefined && s.succeeded !== check.succeeded
      ? s.succeeded
        ? 'it succeeded'
        : 'it failed'
      : '',
  ].filter(Boolean);
  const summary = `${s.steps} step(s), ${s.cacheHits} from cache, ${s.succeeded ? 'succeeded' : 'failed'}`;
  return problems.length
    ? { met: false, detail: `the last build: ${problems.join('; ')}` }
    : { met: true, detail: `the last build: ${summary}` };
}
