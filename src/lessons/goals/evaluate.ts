// Judging a goal: each check kind is answered by its own module in ./checks; `all`, `any` and
// `not` combine them; a step's goal (a list) holds when every check of it holds. Each answer
// carries a detail sentence — what the student sees next to an unmet goal, and what the replay
// test prints when a lesson's solution does not reach its goal.
import { kindOf, type GoalCheck } from '../schema/goal-schema';
import type { CheckResult, GoalState, StepStart } from './goal-state';
import { checkBuild } from './checks/build';
import { checkContainer, checkNoContainer } from './checks/container';
import { checkContext } from './checks/context';
import { checkDaemon } from './checks/daemon';
import { checkFile } from './checks/file';
import { checkImage, checkNoImage } from './checks/image';
import { checkImageCount } from './checks/image-count';
import { checkLastCommand } from './checks/last-command';
import { checkLink } from './checks/link';
import { checkLogin, checkNoLogin } from './checks/login';
import { checkNetwork } from './checks/network';
import { checkRegistryTag } from './checks/registry-tag';
import { checkNoRequest, checkRequest } from './checks/request';
import { checkVolume } from './checks/volume';

/** The answer for one check, with the answers of the checks inside it. */
export interface CheckOutcome extends CheckResult {
  check: GoalCheck;
  parts?: CheckOutcome[];
}

export function evaluateCheck(check: GoalCheck, state: GoalState, since: StepStart): CheckOutcome {
  const { kind } = kindOf(check);
  const leaf = (result: CheckResult): CheckOutcome => ({ ...result, check });
  switch (kind) {
    case 'image':
      return leaf(checkImage(check.image!, state));
    case 'noImage':
      return leaf(checkNoImage(check.noImage!, state));
    case 'imageCount':
      return leaf(checkImageCount(check.imageCount!, state));
    case 'container':
      return leaf(checkContainer(check.container!, state));
    case 'noContainer':
      return leaf(checkNoContainer(check.noContainer!, state));
    case 'registryTag':
      return leaf(checkRegistryTag(check.registryTag!, state));
    case 'request':
      return leaf(checkRequest(check.request!, state, since));
    case 'noRequest':
      return leaf(checkNoRequest(check.noRequest!, state, since));
    case 'file':
      return leaf(checkFile(check.file!, state));
    case 'login':
      return leaf(checkLogin(check.login!, state));
    case 'noLogin':
      return leaf(checkNoLogin(check.noLogin!, state));
    case 'build':
      return leaf(checkBuild(check.build!, state, since));
    case 'network':
      return leaf(checkNetwork(check.network!, state));
    case 'volume':
      return leaf(checkVolume(check.volume!, state));
    case 'context':
      return leaf(checkContext(check.context!, state));
    case 'daemon':
      return leaf(checkDaemon(check.daemon!, state));
    case 'link':
      return leaf(checkLink(check.link!, state));
    case 'lastCommand':
      return leaf(checkLastCommand(check.lastCommand!, state, since));
    case 'all': {
      const parts = check.all!.map((c) => evaluateCheck(c, state, since));
      const unmet = parts.filter((p) => !p.met);
      return {
        check,
        parts,
        met: unmet.length === 0,
        detail: unmet.length ? unmet.map((p) => p.detail).join('; ') : 'all hold',
      };
    }
    case 'any': {
      const parts = check.any!.map((c) => evaluateCheck(c, state, since));
      const met = parts.find((p) => p.met);
      return {
        check,
        parts,
        met: met !== undefined,
        detail: met ? met.detail : `none holds: ${parts.map((p) => p.detail).join('; ')}`,
      };
    }
    case 'not': {
      const inner = evaluateCheck(check.not!, state, since);
      // A check the simulator cannot answer yet is unmet, and so is its negation: never true by default.
      const unsupported = /not supported by the simulator yet/.test(inner.detail);
      return { check, parts: [inner], met: !inner.met && !unsupported, detail: `not: ${inner.detail}` };
    }
  }
}

export interface GoalOutcome {
  met: boolean;
  checks: CheckOutcome[];
}

/** A step's goal: every check of the list. */
export function evaluateGoal(goal: readonly GoalCheck[], state: GoalState, since: StepStart): GoalOutcome {
  const checks = goal.map((c) => evaluateCheck(c, state, since));
  return { met: checks.every((c) => c.met), checks };
}

/** The unmet checks' details, one per line (for the replay test and the panel). */
export function unmetDetails(outcome: GoalOutcome): string[] {
  return outcome.checks.filter((c) => !c.met).map((c) => c.detail);
}
