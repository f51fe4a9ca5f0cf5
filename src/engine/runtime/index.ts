// The container runtime: what runs inside a container. Importing this module registers every
// program the runtime knows — the shells and BusyBox/GNU applets (./applets) and the programs of
// the official images (./programs) — and exposes the runtime's entry points.

import './applets/index';
import './programs/index';

export type * from './contract';
export { SimulatedClock, WallClock, yieldToEventLoop } from './clock';
export { DEFAULT_PATH, ExecError, findExecutable, loadExecutable, type ExecFailure } from './exec';
export {
  canonicalPath,
  existsPath,
  listDir,
  openInput,
  openOutput,
  readLink,
  readPath,
  statPath,
  type FdTable,
} from './files';
export { DEFAULT_LIMITS, type ResourceLimits } from './limits';
export { defaultMounts } from './mounts';
export { HostPidCounter, PidNamespace, type HostPids } from './process-table';
export { programNamed, registerProgram, registeredPrograms } from './programs';
export {
  ContainerRuntime,
  containerEnvironment,
  type ContainerProcess,
  type ContainerSpec,
  type ProcessOptions,
} from './runtime';
export { isProcessKilled, ProcessKilled, signalNumber } from './signals';
export { BrokenPipeError, createPipe, inputOf, OutputBuffer, readAll } from './streams';
export { Terminal } from './tty';
export { resolveUser, UnknownUserError } from './users';
