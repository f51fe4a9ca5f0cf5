// `file`: a file in the laptop's file tree — a Dockerfile the student wrote, a tarball `docker
// save` left — optionally containing some text.
import type { FileCheck } from '../../schema/goal-schema';
import { homePath, type CheckResult, type GoalState } from '../goal-state';

export function checkFile(check: FileCheck, state: GoalState): CheckResult {
  const path = homePath(check.path);
  const text = state.readFile(path);
  if (text === undefined) return { met: false, detail: `there is no file ${path}` };
  if (check.contains !== undefined && !text.includes(check.contains)) {
    return { met: false, detail: `${path} does not contain "${check.contains}"` };
  }
  return {
    met: true,
    detail: `${path} exists${check.contains !== undefined ? ` and contains "${check.contains}"` : ''}`,
  };
}
