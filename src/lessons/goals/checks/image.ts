// `image` / `noImage`: does the daemon on a machine have an image that a reference resolves to?
// Resolution is Docker's own (`docker image inspect REF`): a name (`alpine` → docker.io/library/
// alpine:latest), a name with a tag or digest, or a prefix of the image ID.
import type { ImageCheck } from '../../schema/goal-schema';
import type { CheckResult, GoalState } from '../goal-state';

export function checkImage(check: ImageCheck, state: GoalState): CheckResult {
  const image = state.hosts[check.host].resolveImage(check.ref);
  return image
    ? { met: true, detail: `${check.host} has image ${check.ref} (${image.id.slice(7, 19)})` }
    : { met: false, detail: `${check.host} has no image ${check.ref}` };
}

export function checkNoImage(check: ImageCheck, state: GoalState): CheckResult {
  const found = checkImage(check, state);
  return { met: !found.met, detail: found.detail };
}
