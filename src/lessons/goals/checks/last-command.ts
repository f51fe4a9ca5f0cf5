// `lastCommand`: the last line typed in the terminal since the step began — its exit status and
// what it printed. How a lesson recognises a failure scenario: a push without a login ends with
// `denied: requested access to the resource is denied` and exit status 1.
import type { LastCommandCheck } from '../../schema/goal-schema';
import type { CheckResult, GoalState, StepStart } from '../goal-state';

export function checkLastCommand(check: LastCommandCheck, state: GoalState, since: StepStart): CheckResult {
  const last = state.commands.slice(since.commands).at(-1);
  if (!last) return { met: false, detail: 'no command since the step began' };
  const problems = [
    check.exitCode !== undefined && last.exitCode !== check.exitCode
      ? `exited ${last.exitCode}, not ${check.exitCode}`
      : '',
    check.stdoutContains !== undefined && !last.stdout.includes(check.stdoutContains)
      ? `its output lacks "${check.stdoutContains}"`
      : '',
    check.stderrContains !== undefined && !last.stderr.includes(check.stderrContains)
      ? `its errors lack "${check.stderrContains}"`
      : '',
  ].filter(Boolean);
  return problems.length
    ? { met: false, detail: `\`${last.line}\` ${problems.join('; ')}` }
    : { met: true, detail: `\`${last.line}\` exited ${last.exitCode}` };
}
