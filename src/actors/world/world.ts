// A whole world, running: `createWorld({ seed, speed })` builds the machines and registries of
// layout.ts on one simulated clock, joins them by the network, and starts the actor system whose
// root is worldMachine. Everything that happens is deterministic for a seed: the same commands
// give the same IDs, digests, timestamps and trace, and `snapshot()` captures the world as data
// that `restoreWorld` turns back into the same world.
//
//   const world = await createWorld({ seed: 'lesson-1' });
//   const result = await world.run([{ method: 'POST', url: '/v1.50/images/create?fromImage=…' }]);
//   world.trace.ofCommand(result.command)           // every message it caused, in order
//   world.send({ type: 'link.down', a: 'laptop', b: 'docker.io' })
//
// `npm run serve` runs the same world on the wall clock (`speed: 'realtime'`, `start: Date.now()`),
// with links that add no latency (`zeroLatency`), daemons that may also reach registries on
// loopback (`externalRegistry`), and registries served on real ports (`registryWithRealm`).
import { createActor, type Actor, type InspectionEvent } from 'xstate';
import type { WorldRegistryName } from '../../engine/registry/presets';
import { SimulatedClock } from '../../engine/runtime/clock';
import type { BlobStore, PutCapable } from '../../engine/store/blob-store';
import { LaptopFiles } from '../../engine/laptop/files';
import type { Handler, WireRequest } from '../../engine/wire/message';
import { Network } from '../network/network';
import { Topology } from '../network/topology';
import { worldAddresses } from '../network/transport';
import { Trace, type TraceLimits } from '../trace/trace';
import type { CommandResult, ClientProgram } from '../machines/client-runner';
import { worldMachine, type TerminalSpec, type WorldEvent } from '../machines/world-machine';
import { buildDaemon, type HostDaemon } from './daemons';
import { laptopHostPaths } from './laptop-host-paths';
import { Driver, type Speed, type Ticker } from './driver';
import { WorldIds } from './ids';
import { DAEMON_HOSTS, REGISTRY_SITES, daemonEndpoint, worldLinks, type DaemonHost } from './layout';
import {
  addressBook,
  buildRegistries,
  registryHandlers,
  withRealm,
  type ExternalRegistry,
  type WorldRegistry,
} from './registries';
import { checkSnapshot, SnapshotError, type WorldSnapshot } from './snapshot';
import { takeSnapshot } from './take-snapshot';
import { daemonTraceEvent, registryTraceEvent } from './state-events';
import { WorldWiring } from './wiring';

/** Midnight is for sleeping: the world begins on 1 March 2025 at 09:00 UTC. */
export const WORLD_START = Date.UTC(2025, 2, 1, 9, 0, 0);

export interface WorldOptions {
  seed: string | number;
  speed?: Speed;
  /** When the world's clock starts (ms since the epoch). */
  start?: number;
  traceLimits?: Partial<TraceLimits>;
  /** What drives real-time and slow-motion pacing (timers by default; animation frames in the page). */
  ticker?: Ticker;
  realNow?: () => number;
  /** XState's inspection of every actor of the world. */
  inspect?: (event: InspectionEvent) => void;
  /** Every link carries messages without delay (real clients waiting on real sockets: `npm run serve`). */
  zeroLatency?: boolean;
  /** Registries outside the world the daemons may dial (loopback registries, reached over real HTTP). */
  externalRegistry?: ExternalRegistry;
}

/** What a terminal can be asked to run: one request, several in turn, or a program of calls. */
export type CommandInput = WireRequest | readonly WireRequest[] | ClientProgram;

export interface RunOptions {
  /** Which terminal runs it (default `laptop`). */
  terminal?: string;
  /** The command line as typed, for the stage. */
  line?: string;
  /** The daemon it talks to, when not the terminal's own (a context, `-H`). */
  daemon?: DaemonHost;
}

export class World {
  /** The laptop's file tree: the student's home and working directory, `~/.docker/config.json`. */
  readonly files: LaptopFiles;
  /** Each terminal's shell history (kept with the world, so a reload finds it). */
  readonly history = new Map<string, string[]>();
  readonly #wiring: WorldWiring;
  readonly #steps: { last: Promise<boolean> };

  private constructor(
    readonly seed: string,
    readonly clock: SimulatedClock,
    readonly trace: Trace,
    readonly topology: Topology,
    readonly network: Network,
    readonly driver: Driver,
    readonly ids: WorldIds,
    readonly daemons: ReadonlyMap<DaemonHost, HostDaemon>,
    readonly registries: ReadonlyMap<WorldRegistryName, WorldRegistry>,
    wiring: WorldWiring,
    steps: { last: Promise<boolean> },
    readonly actor: Actor<typeof worldMachine>,
    files: LaptopFiles,
  ) {
    this.files = files;
    this.#wiring = wiring;
    this.#steps = steps;
  }

  /** @internal Assemble a world (use createWorld / restoreWorld). */
  static async assemble(
    options: WorldOptions,
    saved?: { snapshot: WorldSnapshot; content: BlobStore },
  ): Promise<World> {
    const seed = String(saved?.snapshot.seed ?? options.seed);
    const snap = saved?.snapshot;
    const clock = new SimulatedClock(snap?.time ?? options.start ?? WORLD_START);
    const trace = new Trace(options.traceLimits);
    const topology = new Topology();
    for (const { a, b, latencyMs } of snap?.topology.links ?? worldLinks())
      topology.link(a, b, options.zeroLatency ? 0 : latencyMs);
    for (const { a, b, up } of snap?.topology.links ?? []) if (!up) topology.setLinkUp(a, b, false);
    for (const host of snap?.topology.hostsDown ?? []) topology.setHostUp(host, false);
    const network = new Network(topology, clock, trace);
    // Every stream starts at zero, so the daemons draw what they drew when first built (the default
    // bridge's ID…); a restored world's streams are put where the snapshot left them once it is built.
    const ids = new WorldIds(seed);
    if (snap) {
      trace.continueFrom(snap.trace.seq);
      network.continueFrom(snap.trace.exchange);
    }
    const wiring = new WorldWiring(trace, snap?.trace.command ?? 0);
    const now = () => clock.now();
    const files = snap?.files === undefined ? new LaptopFiles({ now }) : restoreFiles(snap.files, now);

    const registries = await buildRegistries({
      now,
      ids,
      onChange: (change, request) => trace.append(registryTraceEvent(change, now(), wiring.commandOfRequest(request))),
      ...(saved ? { restore: { registries: saved.snapshot.registries, content: saved.content } } : {}),
    });
    for (const [hostName, handler] of registryHandlers(registries)) {
      const endpoint = worldAddresses(hostName);
      if (endpoint) network.attach(endpoint, handler);
    }

    const daemons = new Map<DaemonHost, HostDaemon>();
    for (const host of DAEMON_HOSTS) {
      const savedDaemon = saved?.snapshot.daemons[host];
      const daemon = await buildDaemon({
        host,
        network,
        clock,
        ids,
        currentCommand: () => wiring.commandAt(host),
        addresses: addressBook(network, host, options.externalRegistry),
        ...(host === 'laptop' ? { hostPaths: laptopHostPaths(files) } : {}),
        ...(savedDaemon && saved ? { restore: { saved: savedDaemon, content: saved.content } } : {}),
      });
      network.attach(daemonEndpoint(host), daemon.handler);
      daemon.events.listen((ev) => trace.append(daemonTraceEvent(host, ev, now(), wiring.commandAt(host))));
      daemons.set(host, daemon);
    }

    if (snap) ids.restore(snap.ids);

    const driver = new Driver(clock, network, trace, {
      speed: options.speed ?? 'instant',
      ...(options.ticker ? { ticker: options.ticker } : {}),
      ...(options.realNow ? { realNow: options.realNow } : {}),
    });
    const terminals: TerminalSpec[] = snap?.terminals ?? [{ terminal: 'laptop', host: 'laptop', daemon: 'laptop' }];
    for (const t of terminals) wiring.addTerminal(t);
    /** The step the network actor last asked the driver for (what `world.step()` resolves with). */
    const steps = { last: Promise.resolve(false) };
    const services = wiring.services({
      driver,
      network,
      topology,
      daemons,
      step: (stepping) => (steps.last = stepping),
    });
    const actor = createActor(worldMachine, {
      id: 'world',
      systemId: 'world',
      input: {
        services,
        speed: driver.speed,
        daemons: DAEMON_HOSTS.map((host) => ({ host, up: topology.isHostUp(host) })),
        registries: REGISTRY_SITES.map((s) => ({ name: s.name, hosts: s.hosts, up: topology.isHostUp(s.name) })),
        terminals,
      },
      ...(options.inspect ? { inspect: options.inspect } : {}),
    });
    const world = new World(
      seed,
      clock,
      trace,
      topology,
      network,
      driver,
      ids,
      daemons,
      registries,
      wiring,
      steps,
      actor,
      files,
    );
    for (const [terminal, lines] of Object.entries(snap?.history ?? {})) world.history.set(terminal, [...lines]);
    wiring.connect(actor);
    actor.start();
    return world;
  }

  /** Tell the world something: a command, a pause, a cut link, a stopped daemon. */
  send(event: WorldEvent): void {
    this.actor.send(event);
  }

  /** Open a terminal on `host` whose client talks to `daemon` (DOCKER_HOST). */
  openTerminal(terminal: string, options: { host?: DaemonHost; daemon?: DaemonHost } = {}): void {
    const host = options.host ?? 'laptop';
    const spec: TerminalSpec = { terminal, host, daemon: options.daemon ?? host };
    this.#wiring.addTerminal(spec);
    this.send({ type: 'terminal.open', ...spec });
  }

  /** Run a command in a terminal; resolves when the client is done with it. */
  run(input: CommandInput, options: RunOptions = {}): Promise<CommandResult> {
    const terminal = options.terminal ?? 'laptop';
    if (!this.#wiring.hasTerminal(terminal)) return Promise.reject(new Error(`no terminal named "${terminal}"`));
    const { command, done } = this.#wiring.newCommand(terminal);
    const plan =
      typeof input === 'function'
        ? { program: input as ClientProgram }
        : { requests: Array.isArray(input) ? (input as readonly WireRequest[]) : [input as WireRequest] };
    this.send({
      type: 'command.run',
      terminal,
      command,
      ...plan,
      ...(options.line ? { line: options.line } : {}),
      ...(options.daemon ? { daemon: options.daemon } : {}),
    });
    return this.driver.until(done);
  }

  /**
   * Registry `name` with its token realm at `realm`, over the same state and blobs the daemons
   * reach: what a real port serves, so that a client there is sent to that port's own `/token`.
   */
  registryWithRealm(name: WorldRegistryName, realm: string): Handler {
    const registry = this.registries.get(name);
    if (!registry) throw new Error(`no registry named "${name}"`);
    const now = () => this.clock.now();
    return withRealm(registry, realm, {
      now,
      nextId: () => this.ids.stream(`registry:${name}`).uuid(),
      onChange: (change, request) =>
        this.trace.append(registryTraceEvent(change, now(), this.#wiring.commandOfRequest(request))),
    });
  }

  pause(): void {
    this.send({ type: 'network.pause' });
  }

  resume(): void {
    this.send({ type: 'network.resume' });
  }

  /** Deliver exactly the next message (the network must be paused). */
  step(): Promise<boolean> {
    if (!this.driver.paused) return Promise.reject(new Error('step: pause the network first'));
    this.send({ type: 'network.step' });
    return this.#steps.last;
  }

  setSpeed(speed: Speed): void {
    this.send({ type: 'network.speed', speed });
  }

  /** The world as data, its blobs put into `content`. Only between commands. */
  snapshot(content: BlobStore & PutCapable): Promise<WorldSnapshot> {
    return takeSnapshot(this, this.#wiring, content);
  }

  /** Stop every actor and the pacing (a page navigating away, a test ending). */
  stop(): void {
    this.driver.stop();
    this.actor.stop();
  }
}

function restoreFiles(data: unknown, now: () => number): LaptopFiles {
  try {
    return LaptopFiles.fromJSON(data, now);
  } catch (err) {
    throw new SnapshotError(`world snapshot is invalid at files: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function createWorld(options: WorldOptions): Promise<World> {
  return World.assemble(options);
}

/** Rebuild a world from a snapshot whose blobs are in `content`; a bad snapshot throws SnapshotError. */
export async function restoreWorld(
  snapshot: unknown,
  content: BlobStore,
  options: Omit<WorldOptions, 'seed'> = {},
): Promise<World> {
  const checked = checkSnapshot(snapshot);
  return World.assemble({ ...options, seed: checked.seed }, { snapshot: checked, content });
}
