// Container events as moby's LogContainerEventWithAttributes publishes them (`docker events`):
// the actor is the container by full ID; its attributes are the container's labels, the image as
// the user named it (`image`), its name without the slash (`name`), and what the action adds —
//
//   die        exitCode, execDuration (whole seconds it ran)
//   kill       signal (the number)
//   rename     oldName (with its slash)
//   exec_*     execID; the action itself names the command (`exec_start: cat /etc/os-release`)
//   commit     comment, imageID, imageRef
//   health_status: healthy   (or unhealthy) when a probe changes the status; nothing more
import type { EventLog } from '../events';
import type { Container } from './container';
import type { HealthStatus } from './health/health-state';

export type ContainerAction =
  | 'create'
  | 'start'
  | 'restart'
  | 'attach'
  | 'detach'
  | 'die'
  | 'kill'
  | 'stop'
  | 'pause'
  | 'unpause'
  | 'rename'
  | 'destroy'
  | 'top'
  | 'commit'
  | 'export'
  | 'archive-path'
  | 'extract-to-dir'
  | 'resize'
  | 'update'
  | `exec_create: ${string}`
  | `exec_start: ${string}`
  | 'exec_die'
  | `health_status: ${HealthStatus}`
  | 'exec_detach';

export function logContainerEvent(
  events: EventLog,
  container: Container,
  action: ContainerAction,
  extra: Record<string, string> = {},
): void {
  const Attributes: Record<string, string> = { ...(container.config.Labels ?? {}) };
  Attributes.image = container.config.Image;
  Attributes.name = container.shortName;
  Object.assign(Attributes, extra);
  events.emit({ Type: 'container', Action: action, Actor: { ID: container.id, Attributes } });
}

/** `docker container prune`'s event: no actor, the bytes it freed. */
export function logContainerPrune(events: EventLog, reclaimed: number): void {
  events.emit({ Type: 'container', Action: 'prune', Actor: { ID: '', Attributes: { reclaimed: String(reclaimed) } } });
}
