// A hand-made GoalState for the checks' tests: plain facts, so each row of a table can say
// exactly what the world holds. `resolveImage` follows Docker's rules closely enough for tests:
// a bare name means `docker.io/library/NAME:latest`, a hex string is an ID prefix.
import type { TraceEntry } from '../../actors/trace/types';
import type { CommandRecord, ContainerFact, GoalState, HostFacts, ImageFact, NamedFact, TagFact } from './goal-state';

export interface HostSpec {
  up?: boolean;
  images?: ImageFact[];
  containers?: ContainerFact[];
  networks?: NamedFact[];
  volumes?: NamedFact[];
}

function fullName(ref: string): string {
  const withTag = /:[^/]+$/.test(ref) ? ref : `${ref}:latest`;
  const firstPart = withTag.split('/')[0]!;
  if (withTag.includes('/') && (firstPart.includes('.') || firstPart.includes(':'))) return withTag;
  return withTag.includes('/') ? `docker.io/${withTag}` : `docker.io/library/${withTag}`;
}

function host(spec: HostSpec = {}): HostFacts {
  const images = spec.images ?? [];
  return {
    up: spec.up ?? true,
    images,
    resolveImage: (ref) =>
      /^[0-9a-f]{4,64}$/.test(ref)
        ? images.find((i) => i.id.slice(7).startsWith(ref))
        : images.find((i) => i.repoTags.includes(fullName(ref))),
    containers: spec.containers ?? [],
    ...(spec.networks ? { networks: spec.networks } : {}),
    ...(spec.volumes ? { volumes: spec.volumes } : {}),
  };
}

export interface StateSpec {
  laptop?: HostSpec;
  cloudVm?: HostSpec;
  tags?: Record<string, TagFact>;
  links?: Record<string, boolean>;
  trace?: TraceEntry[];
  files?: Record<string, string>;
  commands?: CommandRecord[];
}

export function goalState(spec: StateSpec = {}): GoalState {
  const registry = (tags: Record<string, TagFact> = {}) => ({ up: true, tags: new Map(Object.entries(tags)) });
  return {
    hosts: { laptop: host(spec.laptop), 'cloud-vm': host(spec.cloudVm), 'onprem-1': host() },
    registries: { 'docker.io': registry(spec.tags), 'registry.example.com': registry(), 'cr.example.net': registry() },
    linkUp: (a, b) => spec.links?.[`${a} ${b}`] ?? spec.links?.[`${b} ${a}`],
    trace: spec.trace ?? [],
    readFile: (path) => spec.files?.[path],
    commands: spec.commands ?? [],
  };
}

export const HELLO_ID = `sha256:${'74cc54e27dc4'.padEnd(64, '0')}`;
export const ALPINE_ID = `sha256:${'aded1e1a5b37'.padEnd(64, '1')}`;

export const helloImage: ImageFact = { id: HELLO_ID, repoTags: ['docker.io/library/hello-world:latest'] };
export const alpineImage: ImageFact = { id: ALPINE_ID, repoTags: ['docker.io/library/alpine:latest'] };

export function container(fields: Partial<ContainerFact> & Pick<ContainerFact, 'name'>): ContainerFact {
  return {
    id: fields.name.padEnd(64, 'c'),
    image: 'hello-world',
    imageId: HELLO_ID,
    state: 'exited',
    exitCode: 0,
    ...fields,
  };
}

let exchange = 0;
/** A request and its response, as the trace records them, numbered from `seq`. */
export function exchangeEntries(
  seq: number,
  fields: { from: string; to: string; method: string; url: string; status?: number },
): TraceEntry[] {
  const n = ++exchange;
  const from = { host: fields.from, role: 'daemon' as const };
  const to = { host: fields.to, role: 'registry' as const };
  const request: TraceEntry = {
    kind: 'request',
    seq,
    time: 0,
    exchange: n,
    from,
    to,
    method: fields.method,
    url: fields.url,
    summary: `${fields.method} ${fields.url}`,
  };
  if (fields.status === undefined) return [request];
  return [
    request,
    {
      kind: 'response',
      seq: seq + 1,
      time: 0,
      exchange: n,
      from: to,
      to: from,
      status: fields.status,
      summary: `${fields.status}`,
      streamed: false,
    },
  ];
}
