// A whole container for tests: an official image's filesystem (from the catalogue), the runtime,
// a simulated clock and a loopback network — `docker run` without the daemon.
//
//   const c = await testContainer('alpine');
//   const r = await c.run(['sh', '-c', 'echo hi; exit 3']);   // { stdout: 'hi\n', stderr: '', status: 3 }
//   const r2 = await c.sh('cat /etc/os-release');            // same, through /bin/sh -c
//
// `run` starts PID 1 and lets the simulated clock jump ahead whenever every process is waiting, so
// `sleep 5` takes no real time. `start` returns a running container process to poke at (`kill`,
// `exec`, `clock.advance`).

import { generateOfficialCatalogue } from '../../image/official';
import { resolveImage } from '../../image/official/walk';
import type { ImageConfig } from '../../image/types';
import { openLayer } from '../../layer/layer';
import { Overlay } from '../../layer/overlay';
import { applyLayers, emptySnapshot, type Snapshot } from '../../layer/snapshot';
import { SimulatedClock } from '../clock';
import type { NetworkStack } from '../contract';
import '../index';
import type { ResourceLimits } from '../limits';
import { HostPidCounter } from '../process-table';
import { ContainerRuntime, containerEnvironment, type ContainerProcess } from '../runtime';
import { inputOf, OutputBuffer } from '../streams';
import { loopbackNetwork } from './loopback';

const images = new Map<string, Promise<{ lower: Snapshot; config: ImageConfig }>>();

async function loadImage(ref: string, arch: string) {
  const catalogue = await generateOfficialCatalogue();
  const colon = ref.lastIndexOf(':');
  const [name, tag] = colon > 0 ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, 'latest'];
  const image = resolveImage(catalogue, name.includes('/') ? name : `library/${name}`, tag, arch);
  const layers = [];
  for (const blob of image.layers) layers.push((await openLayer(blob)).entries);
  return { lower: applyLayers(emptySnapshot(), layers), config: image.config };
}

/** The read-only snapshot and config of an official image (`alpine`, `debian:bookworm-slim`). */
export function imageSnapshot(ref: string, arch = 'amd64'): Promise<{ lower: Snapshot; config: ImageConfig }> {
  const key = `${ref}@${arch}`;
  let loading = images.get(key);
  if (loading === undefined) images.set(key, (loading = loadImage(ref, arch)));
  return loading;
}

export interface TestContainerOptions {
  arch?: string;
  /** The image's architecture as the runtime sees it; defaults to `arch` (set another to test exec format errors). */
  runtimeArch?: string;
  hostname?: string;
  net?: NetworkStack;
  clock?: SimulatedClock;
  limits?: Partial<ResourceLimits>;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number;
}

export interface RunOptions {
  stdin?: string;
  env?: Record<string, string>;
  cwd?: string;
  uid?: number;
  gid?: number;
}

export class TestContainer {
  readonly runtime: ContainerRuntime;
  readonly stdout = new OutputBuffer();
  readonly stderr = new OutputBuffer();

  constructor(
    readonly fs: Overlay,
    readonly config: ImageConfig,
    readonly clock: SimulatedClock,
    options: TestContainerOptions,
  ) {
    this.runtime = new ContainerRuntime({
      fs,
      hostname: options.hostname ?? '3f2a1b4c5d6e',
      net: options.net ?? loopbackNetwork(),
      clock,
      hostPids: new HostPidCounter(),
      architecture: options.runtimeArch ?? options.arch ?? 'amd64',
      limits: options.limits,
    });
  }

  private environment(extra: Record<string, string> = {}): Map<string, string> {
    const env = containerEnvironment({ config: this.config.config?.Env ?? [], hostname: this.runtime.hostname });
    for (const [k, v] of Object.entries(extra)) env.set(k, v);
    return env;
  }

  /** Start PID 1 (its output collects in `stdout`/`stderr`); rejects with ExecError like runc. */
  start(argv: readonly string[], options: RunOptions = {}): Promise<ContainerProcess> {
    return this.runtime.start({
      argv,
      env: this.environment(options.env),
      cwd: options.cwd ?? (this.config.config?.WorkingDir || '/'),
      uid: options.uid,
      gid: options.gid,
      stdin: options.stdin === undefined ? undefined : inputOf(options.stdin),
      stdout: this.stdout,
      stderr: this.stderr,
    });
  }

  /** Run `argv` as PID 1 to completion (simulated time jumps over its sleeps). */
  async run(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    const init = await this.start(argv, options);
    const status = await this.clock.runUntil(init.exit, undefined, () => this.runtime.busy);
    return { stdout: this.stdout.text, stderr: this.stderr.text, status };
  }

  /** `sh -c script` as PID 1. */
  sh(script: string, options: RunOptions = {}): Promise<RunResult> {
    return this.run(['/bin/sh', '-c', script], options);
  }

  /** `docker exec`: another process in the running container, to completion. */
  async exec(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    const out = new OutputBuffer();
    const err = new OutputBuffer();
    const proc = await this.runtime.exec({
      argv,
      env: this.environment(options.env),
      cwd: options.cwd ?? '/',
      stdin: options.stdin === undefined ? undefined : inputOf(options.stdin),
      stdout: out,
      stderr: err,
    });
    const status = await this.clock.runUntil(proc.exit, undefined, () => this.runtime.busy);
    return { stdout: out.text, stderr: err.text, status };
  }
}

/** A fresh container of an official image, not started yet. */
export async function testContainer(ref = 'alpine', options: TestContainerOptions = {}): Promise<TestContainer> {
  const { lower, config } = await imageSnapshot(ref, options.arch ?? 'amd64');
  const clock = options.clock ?? new SimulatedClock();
  const fs = new Overlay(lower, { now: () => Math.floor(clock.now() / 1000) });
  return new TestContainer(fs, config, clock, options);
}

/** Run one command in a fresh container of `ref`: the quickest way to try a program. */
export async function runIn(ref: string, argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return (await testContainer(ref)).run(argv, options);
}
