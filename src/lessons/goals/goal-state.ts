// What a goal check may look at: the world as plain facts, read at one moment — each machine's
// daemon (up or not, images, containers, networks, volumes), each registry's tags, the links, the
// trace, the laptop's files and the commands the student ran. Checks are pure functions of this
// state and of the moment their step began (`StepStart`); world-state.ts reads it from a World.
import type { TraceEntry } from '../../actors/trace/types';
import type { ContainerStateName, LessonHost, LessonRegistry } from '../schema/goal-schema';

export interface ImageFact {
  id: string;
  /** Full tagged names: `docker.io/library/alpine:latest`. */
  repoTags: readonly string[];
}

export interface ContainerFact {
  id: string;
  /** Without the leading slash. */
  name: string;
  /** The image as given when it was created (`docker ps`'s IMAGE). */
  image: string;
  imageId: string;
  state: ContainerStateName | 'removing';
  exitCode: number;
}

export interface NamedFact {
  name: string;
  driver?: string;
}

export interface HostFacts {
  up: boolean;
  images: readonly ImageFact[];
  /** Docker's lookup of a name or ID prefix on this daemon (undefined: no such image). */
  resolveImage(ref: string): ImageFact | undefined;
  containers: readonly ContainerFact[];
  /** Undefined while the simulator has no networks. */
  networks?: readonly NamedFact[];
  /** Undefined while the simulator has no volumes. */
  volumes?: readonly NamedFact[];
}

export interface TagFact {
  /** The manifest digest the tag points at. */
  digest: string;
  /** Layers of the manifest (of its linux/amd64 manifest for an index); undefined if unreadable. */
  layers?: number;
}

export interface RegistryFacts {
  up: boolean;
  /** `repository:tag` → what it points at. */
  tags: ReadonlyMap<string, TagFact>;
}

/** One command run in the terminal, with its captured output. */
export interface CommandRecord {
  line: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface GoalState {
  hosts: Readonly<Record<LessonHost, HostFacts>>;
  registries: Readonly<Record<LessonRegistry, RegistryFacts>>;
  /** Whether the link between two world hosts is up; undefined when there is no such link. */
  linkUp(a: string, b: string): boolean | undefined;
  /** The trace entries still held, oldest first. */
  trace: readonly TraceEntry[];
  /** A laptop file's text by absolute path; undefined when missing (or not a file). */
  readFile(path: string): string | undefined;
  /** Every command typed in the terminal since the lesson started, oldest first. */
  commands: readonly CommandRecord[];
}

/** Where a step began: the trace's last seq and how many commands had run. */
export interface StepStart {
  seq: number;
  commands: number;
}

export interface CheckResult {
  met: boolean;
  /** Why, in a sentence for the student (or the replay test's failure). */
  detail: string;
}

export const HOME = '/home/student';

/** A laptop path from a lesson (relative to the home directory, or absolute). */
export function homePath(path: string): string {
  return path.startsWith('/') ? path : `${HOME}/${path.replace(/^\.\//, '')}`;
}
