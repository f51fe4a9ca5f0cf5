// The nginx master process in the foreground (`daemon off;`), as PID 1 of an nginx container: it
// opens its logs, binds its ports, writes its PID file, starts the workers and then waits for
// signals — SIGQUIT to finish the requests in flight and leave ("graceful", what `docker stop`
// sends, the image's STOPSIGNAL), SIGTERM/SIGINT to leave at once, SIGHUP to re-read the
// configuration, SIGUSR1 to reopen the logs. It renames itself `nginx: master process <command
// line>` and forks its workers (./workers.ts), which `ps` and `docker top` list under it; the master
// serves their requests itself.
import { isFsError } from '../../../layer/fs-errors';
import type { OutputStream, ProcessContext } from '../../contract';
import { CPU_COUNT, KERNEL_RELEASE } from '../../kernel';
import { nginxErrorTime } from '../log-time';
import { ERRNO_NUMBERS, openLog } from '../log-file';
import { lookupUser } from '../passwd';
import { socketErrnoOf } from '../socket-errors';
import { signalNumber } from '../../signals';
import { catchSignals } from '../stop';
import { NginxConfigError } from './conf-error';
import type { LocationConf, NginxConf } from './conf-model';
import { loadConf } from './conf';
import { TEMP_DIRS, type NginxBuild } from './flavour';
import { NginxWorker } from './handler';
import { Upstreams } from './proxy';
import { NginxWorkers } from './workers';

const LEVELS = ['debug', 'info', 'notice', 'warn', 'error', 'crit', 'alert', 'emerg'];

export interface MasterSetup {
  build: NginxBuild;
  confPath: string;
  global?: string;
}

/** Something that stops startup; printed as `[emerg]` to the error log and to stderr. */
class Emergency extends Error {}

export class NginxMaster {
  private errorLog: OutputStream;
  private level = 'error';
  private listeners: { close(): void }[] = [];
  private accessLogs = new Map<string, OutputStream>();
  private workers: number[] = [];
  private readonly processes: NginxWorkers;

  constructor(
    private readonly ctx: ProcessContext,
    private readonly setup: MasterSetup,
    private conf: NginxConf,
  ) {
    this.errorLog = ctx.stderr;
    this.processes = new NginxWorkers(ctx);
  }

  /** Write an error-log line as process `pid` if the configured level lets it through. */
  log(level: string, message: string, pid = this.ctx.pid): void {
    if (LEVELS.indexOf(level) < LEVELS.indexOf(this.level)) return;
    this.errorLog.write(`${nginxErrorTime(this.ctx.clock.now())} [${level}] ${pid}#${pid}: ${message}\n`);
  }

  private emerg(message: string): never {
    this.log('emerg', message);
    this.ctx.stderr.write(`nginx: [emerg] ${message}\n`);
    throw new Emergency(message);
  }

  /** Run until stopped; resolves with the exit status. */
  async run(): Promise<number> {
    this.ctx.setTitle?.(`nginx: master process ${this.ctx.argv.join(' ')}`);
    try {
      await this.start(this.conf);
    } catch (err) {
      this.closeListeners();
      if (err instanceof Emergency) return 1;
      throw err;
    }
    const signals = catchSignals(this.ctx, ['SIGQUIT', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGUSR1', 'SIGWINCH']);
    try {
      for (;;) {
        const signal = await signals.next();
        if (signal === 'SIGKILL') return 128 + 9; // the workers go with the container's PID namespace
        if (signal === 'SIGWINCH') continue; // only a daemonized master stops its workers on SIGWINCH
        if (signal === 'SIGHUP') await this.reload();
        else if (signal === 'SIGUSR1') this.reopen();
        else if (signal === 'SIGQUIT') return await this.shutdown('graceful', signal);
        else if (signal === 'SIGTERM' || signal === 'SIGINT') return await this.shutdown('fast', signal);
      }
    } finally {
      signals.dispose();
      this.closeListeners();
    }
  }

  private open(path: string): OutputStream {
    try {
      return openLog(this.ctx, path);
    } catch (err) {
      if (!isFsError(err)) throw err;
      return this.emerg(`open() "${path}" failed (${ERRNO_NUMBERS[err.code] ?? 5}: ${err.reason})`);
    }
  }

  private async start(conf: NginxConf): Promise<void> {
    this.errorLog = this.open(conf.errorLog.path);
    this.level = conf.errorLog.level;
    this.accessLogs = new Map();
    const scopes = (locations: readonly LocationConf[]): LocationConf[] =>
      locations.flatMap((l) => [l, ...scopes(l.locations)]);
    for (const s of conf.servers) {
      for (const l of [s, ...scopes(s.locations)].flatMap((x) => x.accessLogs)) {
        if (!this.accessLogs.has(l.path)) this.accessLogs.set(l.path, this.open(l.path));
      }
    }
    const upstreams = new Upstreams(conf);
    try {
      for (const s of conf.servers) await upstreams.resolveAll(this.ctx.net, s.locations);
    } catch (err) {
      if (err instanceof NginxConfigError) this.emerg(err.message);
      throw err;
    }
    this.makeTempDirs(conf);
    await this.bind(conf, upstreams);
    this.writePidFile(conf.pid);
    this.log('notice', 'using the "epoll" event method');
    this.log('notice', `nginx/${this.setup.build.version}`);
    this.log('notice', this.setup.build.builtBy);
    this.log('notice', `OS: Linux ${KERNEL_RELEASE}`);
    this.log('notice', 'getrlimit(RLIMIT_NOFILE): 1048576:1048576');
    this.startWorkers(conf);
  }

  private makeTempDirs(conf: NginxConf): void {
    if (!this.ctx.fs.exists('/var/cache/nginx')) return;
    const owner = lookupUser(this.ctx.fs, conf.user?.split(/\s+/)[0] ?? 'nginx');
    for (const dir of TEMP_DIRS) {
      if (!this.ctx.fs.exists(dir)) this.ctx.fs.mkdir(dir, { mode: 0o700, uid: owner?.uid ?? 0, gid: owner?.gid ?? 0 });
    }
  }

  private async bind(conf: NginxConf, upstreams: Upstreams): Promise<void> {
    const worker = new NginxWorker({
      fs: this.ctx.fs,
      conf,
      version: this.setup.build.version,
      hostname: this.ctx.hostname,
      pid: this.ctx.pid,
      now: () => this.ctx.clock.now(),
      net: this.ctx.net,
      upstreams,
      errorLog: (level, message) => this.log(level, message, this.workers[0] ?? this.ctx.pid),
      accessLog: (path, line) => this.accessLogs.get(path)?.write(line),
    });
    const ports = new Map<number, string>();
    for (const s of conf.servers) for (const l of s.listens) if (!ports.has(l.port)) ports.set(l.port, l.address);
    for (const [port, address] of ports) {
      for (let attempt = 1; ; attempt++) {
        try {
          this.listeners.push(this.ctx.net.listen(port, worker.handlerFor(port)));
          break;
        } catch (err) {
          if (socketErrnoOf(err) !== 'EADDRINUSE') throw err;
          const reason = this.setup.build.libc === 'musl' ? 'Address in use' : 'Address already in use';
          const message = `bind() to ${address}:${port} failed (98: ${reason})`;
          this.log('emerg', message);
          this.ctx.stderr.write(`nginx: [emerg] ${message}\n`);
          if (attempt === 5) this.emerg('still could not bind()');
          await this.ctx.clock.sleep(500, this.ctx.signal);
        }
      }
    }
  }

  private writePidFile(path: string): void {
    try {
      this.ctx.fs.writeFile(path, `${this.ctx.pid}\n`);
    } catch (err) {
      if (!isFsError(err)) throw err;
      this.emerg(`open() "${path}" failed (${ERRNO_NUMBERS[err.code] ?? 5}: ${err.reason})`);
    }
  }

  private startWorkers(conf: NginxConf): void {
    const count = conf.workerProcesses === 'auto' ? CPU_COUNT : Math.max(1, conf.workerProcesses);
    this.log('notice', 'start worker processes');
    this.workers = this.processes.start(count, conf.user?.split(/\s+/)[0] ?? 'nginx');
    for (const pid of this.workers) this.log('notice', `start worker process ${pid}`);
  }

  private async stopWorkers(graceful: boolean, workers: readonly number[]): Promise<void> {
    await this.processes.stop(workers, graceful);
    for (const pid of workers) {
      if (graceful) this.log('notice', 'gracefully shutting down', pid);
      this.log('notice', 'exiting', pid);
      this.log('notice', 'exit', pid);
    }
    for (const pid of workers) {
      this.log('notice', `signal 17 (SIGCHLD) received from ${pid}`);
      this.log('notice', `worker process ${pid} exited with code 0`);
    }
  }

  private async shutdown(mode: 'graceful' | 'fast', signal: 'SIGQUIT' | 'SIGTERM' | 'SIGINT'): Promise<number> {
    const action = mode === 'graceful' ? 'shutting down' : 'exiting';
    this.log('notice', `signal ${signalNumber(signal)} (${signal}) received, ${action}`);
    this.closeListeners();
    await this.stopWorkers(mode === 'graceful', this.workers);
    this.log('notice', 'exit');
    try {
      this.ctx.fs.unlink(this.conf.pid);
    } catch {
      // already gone: nothing to clean up
    }
    return 0;
  }

  private async reload(): Promise<void> {
    this.log('notice', 'signal 1 (SIGHUP) received, reconfiguring');
    this.log('notice', 'reconfiguring');
    let next: NginxConf;
    try {
      next = loadConf(this.ctx.fs, this.setup.confPath, this.setup.global).conf;
    } catch (err) {
      if (!(err instanceof NginxConfigError)) throw err;
      this.log('emerg', err.message);
      return; // the old configuration keeps serving
    }
    const old = this.workers;
    const oldListeners = this.listeners;
    this.listeners = [];
    for (const l of oldListeners) l.close();
    try {
      this.conf = next;
      this.errorLog = this.open(next.errorLog.path);
      this.level = next.errorLog.level;
      const upstreams = new Upstreams(next);
      for (const s of next.servers) await upstreams.resolveAll(this.ctx.net, s.locations);
      await this.bind(next, upstreams);
    } catch (err) {
      if (!(err instanceof Emergency) && !(err instanceof NginxConfigError)) throw err;
      if (err instanceof NginxConfigError) this.log('emerg', err.message);
      return;
    }
    this.log('notice', 'using the "epoll" event method');
    this.startWorkers(next);
    await this.stopWorkers(true, old);
    this.log('notice', 'signal 29 (SIGIO) received');
  }

  private reopen(): void {
    this.log('notice', 'signal 10 (SIGUSR1) received, reopening logs');
    this.log('notice', 'reopening logs');
    for (const pid of this.workers) this.log('notice', 'reopening logs', pid);
  }

  private closeListeners(): void {
    for (const l of this.listeners) l.close();
    this.listeners = [];
  }
}
