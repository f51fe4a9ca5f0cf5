// State changes as the trace records them: the notes beside the messages. A daemon's changes are
// its own `docker events` (image pull, container create, start, die…), a registry's are what it
// stored (a blob, a tag, a mounted blob). Each is stamped with the world's time and the command it
// belongs to, so a command's slice of the trace tells the whole story: what was said, what changed.
import type { EventMessage } from '../../engine/daemon/events';
import type { NewEntry } from '../trace/trace';
import type { RegistryChange } from './registries';

const fullId = /^[0-9a-f]{64}$/;

function actorName(ev: EventMessage): string {
  const id = ev.Actor.ID;
  if (fullId.test(id)) return id.slice(0, 12);
  if (id.startsWith('sha256:') && fullId.test(id.slice(7))) return id.slice(7, 19);
  return id;
}

/** A daemon event (`container start`, `image pull alpine:latest`) as a trace event. */
export function daemonTraceEvent(host: string, ev: EventMessage, time: number, command?: number): NewEntry {
  const action = ev.Action.split(':')[0]!;
  const name = ev.Actor.Attributes.name;
  const detail = ev.Type === 'container' && name ? ` (name=${name})` : '';
  return {
    kind: 'event',
    at: { host, role: 'daemon' },
    type: `${ev.Type}.${action}`,
    summary: `${ev.Type} ${ev.Action} ${actorName(ev)}${detail}`.trimEnd(),
    attributes: { id: ev.Actor.ID, ...ev.Actor.Attributes },
    time,
    command,
  };
}

const changeWords: Record<RegistryChange['type'], string> = {
  'blob.stored': 'blob stored',
  'blob.mounted': 'blob mounted',
  'manifest.pushed': 'manifest pushed',
  'tag.pushed': 'tag pushed',
  'manifest.deleted': 'manifest deleted',
};

/** A registry's change (`tag pushed student/alpine:v1`) as a trace event. */
export function registryTraceEvent(change: RegistryChange, time: number, command?: number): NewEntry {
  const subject =
    change.type === 'tag.pushed' ? `${change.repository}:${change.subject}` : `${change.repository}@${change.subject}`;
  return {
    kind: 'event',
    at: { host: change.registry, role: 'registry' },
    type: change.type,
    summary: `${changeWords[change.type]} ${subject}`,
    attributes: { repository: change.repository, subject: change.subject },
    time,
    command,
  };
}
