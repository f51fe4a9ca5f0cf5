// `httpd`: the Apache HTTP Server of the httpd image, started by /usr/local/bin/httpd-foreground as
// `httpd -DFOREGROUND`. On start Apache warns that it cannot work out the server's name (AH00558,
// twice: once while checking the configuration, once while starting) unless `ServerName` is set,
// announces `AH00489: Apache/2.4.63 (Unix) configured -- resuming normal operations`, and serves.
// `docker stop` sends SIGWINCH (the image's STOPSIGNAL), Apache's graceful stop; SIGTERM stops at
// once; SIGHUP and SIGUSR1 restart. `-v` prints the version, `-t` checks the configuration,
// `-k stop|graceful|restart|graceful-stop` signals a running server through its PID file.
import { httpdVersion } from '../../../image/official/httpd';
import type { OutputStream, Program, ProcessContext, SignalName } from '../../contract';
import { apacheErrorTime } from '../log-time';
import { openLog } from '../log-file';
import { catchSignals } from '../stop';
import { HttpdConfigError, loadHttpdConf, type HttpdConf } from './conf';
import { HttpdHandler } from './handler';

const DEFAULT_ROOT = '/usr/local/apache2';

interface HttpdArgs {
  defines: string[];
  version: boolean;
  test: boolean;
  control?: string;
  confFile?: string;
  serverRoot?: string;
}

function parseArgs(args: readonly string[]): HttpdArgs | string {
  const o: HttpdArgs = { defines: [], version: false, test: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => (a.length > 2 ? a.slice(2) : args[++i]);
    if (a.startsWith('-D')) o.defines.push(value() ?? '');
    else if (a === '-v' || a === '-V') o.version = true;
    else if (a === '-t' || a === '-S') o.test = true;
    else if (a === '-X') o.defines.push('ONE_PROCESS', 'FOREGROUND');
    else if (a.startsWith('-k')) o.control = value();
    else if (a.startsWith('-f')) o.confFile = value();
    else if (a.startsWith('-d')) o.serverRoot = value();
    else if (a.startsWith('-e') || a.startsWith('-E') || a.startsWith('-C') || a.startsWith('-c')) value();
    else return a;
  }
  return o;
}

function usage(argv0: string): string {
  return `Usage: ${argv0} [-D name] [-d directory] [-f file]\n                 [-C "directive"] [-c "directive"]\n                 [-k start|restart|graceful|graceful-stop|stop]\n                 [-v] [-V] [-h] [-l] [-L] [-t] [-T] [-S] [-X]\n`;
}

/** The address Apache falls back to when it cannot find a fully qualified name: the container's IP. */
function fallbackAddress(ctx: ProcessContext): string {
  const eth = ctx.net.interfaces().find((i) => i.name !== 'lo' && i.addresses.length > 0);
  return eth?.addresses[0]?.address ?? '127.0.0.1';
}

const AH00558 = (ip: string) =>
  `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`;

class Apache {
  private errorLog: OutputStream;
  private listeners: { close(): void }[] = [];

  constructor(
    private readonly ctx: ProcessContext,
    private conf: HttpdConf,
    private readonly version: string,
    private readonly load: () => HttpdConf,
  ) {
    this.errorLog = ctx.stderr;
  }

  private notice(module: string, message: string): void {
    const pid = this.ctx.pid;
    this.errorLog.write(
      `[${apacheErrorTime(this.ctx.clock.now())}] [${module}:notice] [pid ${pid}:tid ${pid}] ${message}\n`,
    );
  }

  private start(commandLine: string): void {
    this.errorLog = openLog(this.ctx, this.conf.errorLog);
    if (!this.conf.serverName) this.errorLog.write(AH00558(fallbackAddress(this.ctx)));
    const logs = new Map<string, OutputStream>();
    for (const l of this.conf.customLogs) if (!logs.has(l.path)) logs.set(l.path, openLog(this.ctx, l.path));
    const handler = new HttpdHandler({
      fs: this.ctx.fs,
      conf: this.conf,
      version: this.version,
      now: () => this.ctx.clock.now(),
      accessLog: (path, line) => logs.get(path)?.write(line),
    });
    for (const port of new Set(this.conf.listens)) {
      this.listeners.push(this.ctx.net.listen(port, (req, conn) => handler.handle(req, conn)));
    }
    this.notice('mpm_event', `AH00489: Apache/${this.version} (Unix) configured -- resuming normal operations`);
    this.notice('core', `AH00094: Command line: '${commandLine}'`);
  }

  private stopListening(): void {
    for (const l of this.listeners) l.close();
    this.listeners = [];
  }

  async run(commandLine: string): Promise<number> {
    this.start(commandLine);
    const pidFile = `${this.conf.serverRoot}/logs/httpd.pid`;
    if (this.ctx.fs.exists(`${this.conf.serverRoot}/logs`)) this.ctx.fs.writeFile(pidFile, `${this.ctx.pid}\n`);
    const signals = catchSignals(this.ctx, ['SIGWINCH', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGUSR1']);
    try {
      for (;;) {
        const s: SignalName = await signals.next();
        if (s === 'SIGKILL') return 137;
        if (s === 'SIGHUP' || s === 'SIGUSR1') {
          const graceful = s === 'SIGUSR1';
          this.notice(
            'mpm_event',
            graceful
              ? 'AH00493: SIGUSR1 received.  Doing graceful restart'
              : 'AH00494: SIGHUP received.  Attempting to restart',
          );
          this.stopListening();
          try {
            this.conf = this.load();
          } catch (err) {
            if (!(err instanceof HttpdConfigError)) throw err;
            this.errorLog.write(`${err.message}\n`);
            return 1;
          }
          this.start(commandLine);
          continue;
        }
        if (s === 'SIGWINCH') this.notice('mpm_event', 'AH00492: caught SIGWINCH, shutting down gracefully');
        else if (s === 'SIGTERM' || s === 'SIGINT') this.notice('mpm_event', 'AH00491: caught SIGTERM, shutting down');
        else continue;
        this.stopListening();
        if (this.ctx.fs.exists(pidFile)) this.ctx.fs.unlink(pidFile);
        return 0;
      }
    } finally {
      signals.dispose();
      this.stopListening();
    }
  }
}

const CONTROL: Record<string, SignalName> = {
  stop: 'SIGTERM',
  'graceful-stop': 'SIGWINCH',
  restart: 'SIGHUP',
  graceful: 'SIGUSR1',
};

export const httpd: Program = async (ctx) => {
  const argv0 = ctx.argv[0] ?? 'httpd';
  const version = ctx.env.get('HTTPD_VERSION') || httpdVersion;
  const o = parseArgs(ctx.argv.slice(1));
  if (typeof o === 'string') {
    ctx.stderr.write(`${argv0}: illegal option -- ${o.replace(/^-/, '')}\n${usage(argv0)}`);
    return 1;
  }
  if (o.version) {
    ctx.stdout.write(`Server version: Apache/${version} (Unix)\nServer built:   Feb  4 2025 05:14:43\n`);
    return 0;
  }
  const serverRoot = o.serverRoot ?? DEFAULT_ROOT;
  const confPath = o.confFile
    ? o.confFile.startsWith('/')
      ? o.confFile
      : `${serverRoot}/${o.confFile}`
    : `${serverRoot}/conf/httpd.conf`;
  const load = () => loadHttpdConf(ctx.fs, confPath, serverRoot);
  let conf: HttpdConf;
  try {
    conf = load();
  } catch (err) {
    if (!(err instanceof HttpdConfigError)) {
      ctx.stderr.write(`${argv0}: Could not open configuration file ${confPath}: No such file or directory\n`);
      return 1;
    }
    ctx.stderr.write(`${err.message}\n`);
    return 1;
  }
  if (o.control && o.control !== 'start') {
    const signal = CONTROL[o.control];
    const pidFile = `${conf.serverRoot}/logs/httpd.pid`;
    const pid = ctx.fs.exists(pidFile) ? Number(ctx.fs.readText(pidFile).trim()) : undefined;
    if (!signal) {
      ctx.stderr.write(usage(argv0));
      return 1;
    }
    if (pid === undefined || !ctx.processes.kill(pid, signal)) {
      ctx.stdout.write(`httpd (${pid === undefined ? 'no pid file' : `pid ${pid}?`}) not running\n`);
      return 0;
    }
    return 0;
  }
  const foreground = o.defines.includes('FOREGROUND') || o.defines.includes('ONE_PROCESS');
  if (!o.test && !foreground && ctx.start) {
    // Daemonize: the background server checks the configuration and starts; this returns at once.
    ctx.start([argv0, ...ctx.argv.slice(1).filter((a) => a !== '-k' && a !== 'start'), '-DFOREGROUND'], {
      env: ctx.env,
      cwd: ctx.cwd,
      stdin: ctx.stdin,
      stdout: ctx.stdout,
      stderr: ctx.stderr,
    });
    return 0;
  }
  // The configuration check before starting prints the first AH00558.
  if (!conf.serverName) ctx.stderr.write(AH00558(fallbackAddress(ctx)));
  if (o.test) {
    ctx.stderr.write('Syntax OK\n');
    return 0;
  }
  const commandLine = [argv0, ...o.defines.flatMap((d) => ['-D', d])].join(' ');
  return new Apache(ctx, conf, version, load).run(commandLine);
};
