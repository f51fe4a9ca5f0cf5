// What every Engine API handler works with: the daemon's image store, its event log, facts about
// the host it runs on, a clock, the transport its registry client reaches registries through, the
// platform it pulls images for, and its containers. One context per daemon; handlers hold no state of their own.
import type { ContainerService } from './containers/service';
import type { Transport } from './distribution/transport';
import type { EventLog } from './events';
import type { HostInfo } from './host';
import type { ImageStore } from './image-store';

export interface DaemonPlatform {
  os: 'linux';
  architecture: 'amd64' | 'arm64';
  variant?: string;
}

export interface DaemonContext {
  store: ImageStore;
  events: EventLog;
  host: HostInfo;
  /** Milliseconds since the Unix epoch (injected: a simulated clock in tests and lessons). */
  now(): number;
  transport: Transport;
  platform: DaemonPlatform;
  // ── containers (issue 6) ──
  /**
   * The daemon's containers, exec instances, runtime, clock and seeded ID source. createDaemon
   * makes it; a hand-made context gets one on first use (`containersOf`, containers/service.ts).
   */
  containers?: ContainerService;
}
