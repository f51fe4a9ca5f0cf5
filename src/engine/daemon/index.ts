// The Docker daemon: the Engine API over the engine's image store, registries reached through a
// Transport. See daemon.ts.
export { createDaemon, daemonContext, daemonHandler, type DaemonOptions } from './daemon';
export type { DaemonContext, DaemonPlatform } from './context';
export { EventLog, type EventMessage, type EventInput } from './events';
export { defaultHost, type HostInfo } from './host';
export { API_VERSION, ENGINE_VERSION, MIN_API_VERSION } from './version';
export { DaemonError } from './api/errors';
export type { Route } from './api/route';
export * from './image-store';
export { publishedPort, networkingOf } from './networks';
export { MemoryHostPaths, type HostPaths, type HostPathStat } from './volumes/host-paths';
