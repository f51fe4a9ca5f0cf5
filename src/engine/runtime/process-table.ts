// The PID namespace: each container numbers its own processes from 1. The container's command is
// PID 1 (its "init"), the shell's children are 2, 3, …, and `ps` inside sees only these. The host
// sees the same processes under its own, larger numbers (`docker top` shows those), so every
// process has two PIDs: one in the namespace, one on the host from a host-wide counter.
//
// A process that exits becomes a zombie — its exit status kept in the table — until its parent
// collects it with wait(2) ("reaping"). An orphan is re-parented to PID 1. When PID 1 exits, the
// kernel kills everything else in the namespace: the container is over.
//
// Signals follow ./signals.ts: SIGKILL ends a process at once; catchable signals run a handler
// if the program installed one, else their default action; PID 1 ignores signals it does not
// handle. SIGSTOP/SIGCONT (and `docker pause`, the cgroup freezer) stop and resume a process.

import type { ProcessInfo, ProcessTable, SignalHandler, SignalName } from './contract';
import { contractSignal, defaultAction, ProcessKilled, signalNumber } from './signals';

/** Hands out host PIDs: one counter per simulated host, shared by all its containers. */
export interface HostPids {
  next(): number;
}

/** A host PID counter starting where a freshly booted Linux host would be handing them out. */
export class HostPidCounter implements HostPids {
  constructor(private last = 1999) {}
  next(): number {
    return ++this.last;
  }
}

export type ProcessState = ProcessInfo['state'];

/** One process: its identity, its state, and how it ends. */
export class ProcessRecord {
  state: ProcessState = 'running';
  exitStatus: number | undefined;
  readonly controller = new AbortController();
  readonly handlers = new Map<SignalName, SignalHandler>();
  readonly exited: Promise<number>;
  private resolveExit!: (status: number) => void;
  private stopGate: Promise<void> | undefined;
  private releaseStop: (() => void) | undefined;
  /** Blocked in a wait (sleep, read, a child): shown as `S` rather than `R`. */
  waits = 0;
  /** Bumped by each exec: the program image the process is running. */
  generation = 0;

  constructor(
    readonly pid: number,
    readonly hostPid: number,
    public ppid: number,
    public argv: readonly string[],
    /** Changed by an exec that switches user (`gosu redis redis-server`). */
    public uid: number,
    readonly startedAt: number,
  ) {
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  get alive(): boolean {
    return this.exitStatus === undefined;
  }

  /** Resolves at once when running, or when a stopped process is continued. */
  gate(): Promise<void> {
    return this.stopGate ?? Promise.resolve();
  }

  stop(): void {
    if (!this.alive || this.stopGate) return;
    this.state = 'stopped';
    this.stopGate = new Promise((resolve) => (this.releaseStop = resolve));
  }

  resume(): void {
    if (!this.stopGate) return;
    const release = this.releaseStop;
    this.stopGate = undefined;
    this.releaseStop = undefined;
    if (this.alive) this.state = this.waits > 0 ? 'sleeping' : 'running';
    release?.();
  }

  /** The program ended (or was killed): record the status, abort whatever it still waits on. */
  finish(status: number, reason?: unknown): boolean {
    if (!this.alive) return false;
    this.exitStatus = status & 0xff;
    this.state = 'zombie';
    this.resume();
    this.state = 'zombie';
    if (!this.controller.signal.aborted) this.controller.abort(reason ?? new ProcessKilled(0, status, 'exited'));
    this.resolveExit(this.exitStatus);
    return true;
  }

  info(): ProcessInfo {
    const state = this.state === 'running' && this.waits > 0 ? 'sleeping' : this.state;
    return {
      pid: this.pid,
      hostPid: this.hostPid,
      ppid: this.ppid,
      uid: this.uid,
      argv: this.argv,
      startedAt: this.startedAt,
      state,
    };
  }
}

export interface PidNamespaceOptions {
  hostPids: HostPids;
  /** The clock's `now`, for each process's start time. */
  now: () => number;
}

/** A container's PID namespace: the process table `ps` reads and `kill` writes to. */
export class PidNamespace implements ProcessTable {
  private readonly records = new Map<number, ProcessRecord>();
  private lastPid = 0;
  private frozen = false;

  constructor(private readonly options: PidNamespaceOptions) {}

  /** Enter a new process in the table. `ppid` 0 means its parent is outside (PID 1, `docker exec`). */
  create(argv: readonly string[], ppid: number, uid: number): ProcessRecord {
    const pid = ++this.lastPid;
    const record = new ProcessRecord(pid, this.options.hostPids.next(), ppid, argv, uid, this.options.now());
    if (this.frozen) record.stop();
    this.records.set(pid, record);
    void record.exited.then(() => this.onExit(record));
    return record;
  }

  get(pid: number): ProcessRecord | undefined {
    return this.records.get(pid);
  }

  /** Every process in the table, zombies included, by PID. */
  list(): ProcessInfo[] {
    return [...this.records.values()].sort((a, b) => a.pid - b.pid).map((r) => r.info());
  }

  /** The processes still running (not zombies). */
  get running(): ProcessRecord[] {
    return [...this.records.values()].filter((r) => r.alive);
  }

  /**
   * Send a signal from inside the namespace (`kill`), or from the host with `fromHost` (`docker
   * kill`, `docker stop`). False when there is no such PID.
   */
  kill(pid: number, signal: SignalName | number, options: { fromHost?: boolean } = {}): boolean {
    const record = this.records.get(pid);
    if (record === undefined) return false;
    if (!record.alive) return true; // a zombie takes signals and ignores them
    const n = typeof signal === 'number' ? signal : (signalNumber(signal) as number);
    if (n === 0) return true; // `kill -0`: does it exist?
    deliver(record, n, options.fromHost === true);
    return true;
  }

  /** Remove a zombie from the table, returning its status (wait(2) by its parent). */
  reap(pid: number): number | undefined {
    const record = this.records.get(pid);
    if (record === undefined || record.alive) return undefined;
    this.records.delete(pid);
    return record.exitStatus;
  }

  /** Reap every zombie child of `ppid` (a shell's waitpid(-1) does this for orphans it inherited). */
  reapChildren(ppid: number): void {
    for (const r of [...this.records.values()]) if (r.ppid === ppid && !r.alive) this.reap(r.pid);
  }

  /** `docker pause`: freeze every process (the cgroup freezer); `thaw` undoes it. */
  freeze(): void {
    this.frozen = true;
    for (const r of this.records.values()) r.stop();
  }

  thaw(): void {
    this.frozen = false;
    for (const r of this.records.values()) r.resume();
  }

  get isFrozen(): boolean {
    return this.frozen;
  }

  private onExit(record: ProcessRecord): void {
    for (const child of this.records.values()) if (child.ppid === record.pid) child.ppid = 1;
    if (record.pid === 1) {
      // The init of a namespace is gone: the kernel SIGKILLs every other process in it.
      for (const r of this.records.values()) if (r.alive) r.finish(137, new ProcessKilled(9));
      this.records.clear();
      return;
    }
    if (record.ppid === 0) this.records.delete(record.pid); // its parent (runc, containerd) waits at once
  }
}

/**
 * The kernel's delivery of signal `n` to one process. Inside its own namespace PID 1 receives only
 * the signals it handles — even SIGKILL is dropped (`kill -9 1` in a container does nothing); from
 * the host, SIGKILL and SIGSTOP always arrive.
 */
function deliver(record: ProcessRecord, n: number, fromHost: boolean): void {
  const name = contractSignal(n);
  const handler = name === undefined ? undefined : record.handlers.get(name);
  const init = record.pid === 1;
  if (n === 9 || n === 19) {
    if (init && !fromHost) return;
    if (n === 9) record.finish(137, new ProcessKilled(9));
    else record.stop();
    return;
  }
  if (n === 18) record.resume();
  if (handler !== undefined) {
    queueMicrotask(() => handler(name as SignalName));
    return;
  }
  if (init) return;
  const action = defaultAction(n);
  if (action === 'terminate') record.finish(128 + n, new ProcessKilled(n));
  else if (action === 'stop') record.stop();
}
