// The goal of a lesson step, as data. A goal is a list of checks that must all hold; each check is
// an object with exactly one key naming its kind (`image`, `container`, `request`…), in the style of
// Learn Git Branching's declarative level goals: the state of the world is judged, never the text
// the student typed, so any valid order of commands passes. `all`, `any` and `not` combine checks.
//
// The `description` of every field below is the documentation of the lesson format.
import * as v from 'valibot';

export const LESSON_HOSTS = ['laptop', 'cloud-vm', 'onprem-1'] as const;
export const LESSON_REGISTRIES = ['docker.io', 'registry.example.com', 'cr.example.net'] as const;
export const CONTAINER_STATES = ['created', 'running', 'paused', 'restarting', 'exited', 'dead'] as const;

export type LessonHost = (typeof LESSON_HOSTS)[number];
export type LessonRegistry = (typeof LESSON_REGISTRIES)[number];
export type ContainerStateName = (typeof CONTAINER_STATES)[number];

const host = v.pipe(
  v.picklist(LESSON_HOSTS),
  v.description('A machine with a Docker daemon: laptop, cloud-vm or onprem-1.'),
);
const registry = v.pipe(
  v.picklist(LESSON_REGISTRIES),
  v.description('A registry of the world: docker.io, registry.example.com or cr.example.net.'),
);
const count = (what: string) => v.pipe(v.number(), v.integer(), v.minValue(0), v.description(what));
const text = (what: string) => v.pipe(v.string(), v.nonEmpty(), v.description(what));

const imageCheck = v.strictObject({
  host,
  ref: text(
    'An image reference or ID prefix, resolved as `docker image inspect` resolves it (alpine, student/web:v1, 3f2a).',
  ),
});

const imageCountCheck = v.strictObject({
  host,
  min: v.optional(count('At least this many images.')),
  max: v.optional(count('At most this many images.')),
});

const containerCheck = v.strictObject({
  host,
  image: v.optional(text('The image the container was made from, as typed (hello-world) or any name of that image.')),
  name: v.optional(text('The container name, without the leading slash; `*` globs allowed.')),
  state: v.optional(v.pipe(v.picklist(CONTAINER_STATES), v.description("Docker's state of the container."))),
  exitCode: v.optional(
    v.pipe(v.number(), v.integer(), v.description('The exit code of its main process (exited containers).')),
  ),
  count: v.optional(count('Exactly this many matching containers (default: at least one).')),
});

const noContainerCheck = v.strictObject({
  host,
  image: v.optional(text('The image the container was made from.')),
  name: v.optional(text('The container name; `*` globs allowed.')),
});

const registryTagCheck = v.strictObject({
  registry,
  repository: text('The repository as the registry stores it: library/alpine, student/web.'),
  tag: text('The tag.'),
  layers: v.optional(count('How many layers the tagged image has (its manifest, or the linux/amd64 one of an index).')),
});

const requestFields = {
  from: v.optional(text('Who sent it: a world host (laptop, cloud-vm, onprem-1, docker.io…).')),
  to: v.optional(text('Who it went to: a world host (laptop, docker.io, auth.docker.io, registry.example.com…).')),
  method: v.optional(text('HTTP method: GET, HEAD, POST, PUT, PATCH, DELETE.')),
  path: v.optional(
    text('URL path without the query; `*` globs (one path segment each); with or without the /v1.50 prefix.'),
  ),
  status: v.optional(v.pipe(v.number(), v.integer(), v.description('The status of the response to it (404, 201…).'))),
};
const requestCheck = v.strictObject({
  ...requestFields,
  count: v.optional(count('At least this many such requests (default 1).')),
});
const noRequestCheck = v.strictObject(requestFields);

const fileCheck = v.strictObject({
  path: text("A file's path, relative to /home/student or absolute."),
  contains: v.optional(v.pipe(v.string(), v.description('Text the file must contain.'))),
});

const loginCheck = v.strictObject({ registry });

const buildCheck = v.strictObject({
  cacheHits: v.optional(count('Exactly this many steps came from the build cache (` ---> Using cache`).')),
  minCacheHits: v.optional(count('At least this many steps came from the build cache.')),
  steps: v.optional(count('The build ran exactly this many Dockerfile steps (`Step N/M`).')),
  succeeded: v.optional(v.pipe(v.boolean(), v.description('Whether the build succeeded (exit code 0).'))),
});

const networkCheck = v.strictObject({
  host,
  name: text('The network name.'),
  driver: v.optional(text('Its driver: bridge, host, none, overlay…')),
});
const volumeCheck = v.strictObject({ host, name: text('The volume name.') });
const contextCheck = v.strictObject({
  current: text('The name of the docker context the laptop client uses (default when none is set).'),
});
const daemonCheck = v.strictObject({ host, up: v.pipe(v.boolean(), v.description('Whether its daemon is running.')) });
const linkCheck = v.strictObject({
  a: text('One end of the link: a world host.'),
  b: text('The other end.'),
  up: v.pipe(v.boolean(), v.description('Whether the link carries messages.')),
});
const lastCommandCheck = v.strictObject({
  exitCode: v.optional(v.pipe(v.number(), v.integer(), v.description('Its exit status.'))),
  stderrContains: v.optional(v.pipe(v.string(), v.description('Text its standard error must contain.'))),
  stdoutContains: v.optional(v.pipe(v.string(), v.description('Text its standard output must contain.'))),
});

export type ImageCheck = v.InferOutput<typeof imageCheck>;
export type ImageCountCheck = v.InferOutput<typeof imageCountCheck>;
export type ContainerCheck = v.InferOutput<typeof containerCheck>;
export type NoContainerCheck = v.InferOutput<typeof noContainerCheck>;
export type RegistryTagCheck = v.InferOutput<typeof registryTagCheck>;
export type RequestCheck = v.InferOutput<typeof requestCheck>;
export type NoRequestCheck = v.InferOutput<typeof noRequestCheck>;
export type FileCheck = v.InferOutput<typeof fileCheck>;
export type LoginCheck = v.InferOutput<typeof loginCheck>;
export type BuildCheck = v.InferOutput<typeof buildCheck>;
export type NetworkCheck = v.InferOutput<typeof networkCheck>;
export type VolumeCheck = v.InferOutput<typeof volumeCheck>;
export type ContextCheck = v.InferOutput<typeof contextCheck>;
export type DaemonCheck = v.InferOutput<typeof daemonCheck>;
export type LinkCheck = v.InferOutput<typeof linkCheck>;
export type LastCommandCheck = v.InferOutput<typeof lastCommandCheck>;

/** One check: exactly one of these keys. */
export interface GoalCheck {
  image?: ImageCheck;
  noImage?: ImageCheck;
  imageCount?: ImageCountCheck;
  container?: ContainerCheck;
  noContainer?: NoContainerCheck;
  registryTag?: RegistryTagCheck;
  request?: RequestCheck;
  noRequest?: NoRequestCheck;
  file?: FileCheck;
  login?: LoginCheck;
  noLogin?: LoginCheck;
  build?: BuildCheck;
  network?: NetworkCheck;
  volume?: VolumeCheck;
  context?: ContextCheck;
  daemon?: DaemonCheck;
  link?: LinkCheck;
  lastCommand?: LastCommandCheck;
  all?: GoalCheck[];
  any?: GoalCheck[];
  not?: GoalCheck;
}

export type GoalKind = keyof GoalCheck;

const entries = {
  image: v.optional(v.pipe(imageCheck, v.description('The daemon on `host` has an image `ref` resolves to.'))),
  noImage: v.optional(v.pipe(imageCheck, v.description('The daemon on `host` has no image `ref` resolves to.'))),
  imageCount: v.optional(v.pipe(imageCountCheck, v.description('How many images the daemon on `host` has.'))),
  container: v.optional(v.pipe(containerCheck, v.description('Containers matching these fields exist on `host`.'))),
  noContainer: v.optional(
    v.pipe(noContainerCheck, v.description('No container matching these fields exists on `host`.')),
  ),
  registryTag: v.optional(v.pipe(registryTagCheck, v.description('The registry holds that tag in that repository.'))),
  request: v.optional(v.pipe(requestCheck, v.description('Since the step began, the trace has a request like this.'))),
  noRequest: v.optional(
    v.pipe(noRequestCheck, v.description('Since the step began, the trace has no request like this.')),
  ),
  file: v.optional(v.pipe(fileCheck, v.description("A file in the laptop's file tree."))),
  login: v.optional(
    v.pipe(loginCheck, v.description("The laptop's ~/.docker/config.json holds credentials for the registry.")),
  ),
  noLogin: v.optional(
    v.pipe(loginCheck, v.description("The laptop's ~/.docker/config.json holds no credentials for the registry.")),
  ),
  build: v.optional(
    v.pipe(buildCheck, v.description('The last `docker build` since the step began, judged by its output.')),
  ),
  network: v.optional(v.pipe(networkCheck, v.description('A network exists on that daemon.'))),
  volume: v.optional(v.pipe(volumeCheck, v.description('A volume exists on that daemon.'))),
  context: v.optional(v.pipe(contextCheck, v.description("The laptop client's current docker context."))),
  daemon: v.optional(v.pipe(daemonCheck, v.description("Whether a machine's daemon is up."))),
  link: v.optional(v.pipe(linkCheck, v.description('Whether the network link between two hosts is up.'))),
  lastCommand: v.optional(
    v.pipe(lastCommandCheck, v.description('The last command typed in the terminal since the step began.')),
  ),
  all: v.optional(v.pipe(v.array(v.lazy(() => goalCheckSchema)), v.description('Every one of these checks holds.'))),
  any: v.optional(v.pipe(v.array(v.lazy(() => goalCheckSchema)), v.description('At least one of these checks holds.'))),
  not: v.optional(
    v.pipe(
      v.lazy(() => goalCheckSchema),
      v.description('This check does not hold.'),
    ),
  ),
};

export const GOAL_KINDS = Object.keys(entries) as GoalKind[];

export const goalCheckSchema: v.GenericSchema<GoalCheck> = v.pipe(
  v.strictObject(entries),
  v.check(
    (check) => Object.keys(check).length === 1,
    `a goal check has exactly one key, one of: ${Object.keys(entries).join(', ')}`,
  ),
  v.description('One check on the world; the key names its kind.'),
);

export const goalSchema = v.pipe(
  v.array(goalCheckSchema),
  v.minLength(1, 'a step needs at least one goal check'),
  v.description('What must hold for the step to be complete: every check of the list.'),
);

/** The kind of a check (its one key) and its parameters. */
export function kindOf(check: GoalCheck): { kind: GoalKind; params: unknown } {
  const kind = Object.keys(check)[0] as GoalKind;
  return { kind, params: check[kind] };
}
