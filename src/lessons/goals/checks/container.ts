// `container` / `noContainer`: containers on a machine's daemon, matched by the image they were
// made from, their name, their state (Docker's seven: created, running, paused, restarting,
// exited, dead — and removing) and the exit code of their main process.
import type { ContainerCheck, NoContainerCheck } from '../../schema/goal-schema';
import type { CheckResult, ContainerFact, GoalState, HostFacts } from '../goal-state';
import { globMatch } from '../glob';

/** A container was made from `ref` if it was created by that name or from the image `ref` names now. */
function madeFrom(container: ContainerFact, ref: string, host: HostFacts): boolean {
  if (container.image === ref) return true;
  const image = host.resolveImage(ref);
  if (image && image.id === container.imageId) return true;
  const typed = host.resolveImage(container.image);
  return typed !== undefined && image !== undefined && typed.id === image.id;
}

function matching(check: NoContainerCheck | ContainerCheck, state: GoalState): ContainerFact[] {
  const host = state.hosts[check.host];
  return host.containers.filter(
    (c) =>
      (check.image === undefined || madeFrom(c, check.image, host)) &&
      (check.name === undefined || globMatch(check.name, c.name)),
  );
}

function describe(check: NoContainerCheck | ContainerCheck): string {
  const parts = [
    check.image !== undefined ? `of image ${check.image}` : '',
    check.name !== undefined ? `named ${check.name}` : '',
    'state' in check && check.state !== undefined ? `${check.state}` : '',
    'exitCode' in check && check.exitCode !== undefined ? `with exit code ${check.exitCode}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

export function checkContainer(check: ContainerCheck, state: GoalState): CheckResult {
  const candidates = matching(check, state);
  const found = candidates.filter(
    (c) =>
      (check.state === undefined || c.state === check.state) &&
      (check.exitCode === undefined || c.exitCode === check.exitCode),
  );
  const met = check.count === undefined ? found.length >= 1 : found.length === check.count;
  const wanted = check.count === undefined ? 'at least 1' : `exactly ${check.count}`;
  const seen = candidates.map((c) => `${c.name} ${c.state}${c.state === 'exited' ? ` (${c.exitCode})` : ''}`);
  return {
    met,
    detail: `${check.host}: ${found.length} container(s) ${describe(check)} (wanted ${wanted})${seen.length ? `; seen: ${seen.join(', ')}` : ''}`,
  };
}

export function checkNoContainer(check: NoContainerCheck, state: GoalState): CheckResult {
  const found = matching(check, state);
  return {
    met: found.length === 0,
    detail: found.length
      ? `${check.host} still has container(s) ${describe(check)}: ${found.map((c) => c.name).join(', ')}`
      : `${check.host} has no container ${describe(check)}`,
  };
}
