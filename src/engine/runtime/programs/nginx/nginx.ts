// `nginx`: the program behind /usr/sbin/nginx in the nginx images. What it does depends on its
// options: `-v`/`-V` print the version (to stderr, as nginx does), `-t`/`-T` test the
// configuration, `-s reload|quit|stop|reopen` signal the running master through its PID file, and
// without them it starts serving — in the foreground with `-g 'daemon off;'` (the image's CMD),
// or, by default, as a daemon: the command returns at once and a background master serves, which
// is why `docker run nginx nginx` exits immediately.
import { isFsError } from '../../../layer/fs-errors';
import type { Program, ProcessContext, SignalName } from '../../contract';
import { signalNumber } from '../../signals';
import { nginxErrorTime } from '../log-time';
import { ERRNO_NUMBERS, openLog } from '../log-file';
import { parseNginxArgs, usage, type NginxOptions } from './cli';
import { NginxConfigError } from './conf-error';
import { DEFAULT_CONF_PATH, loadConf, type LoadedConf } from './conf';
import { CONFIGURE_ARGUMENTS, nginxBuild, type NginxBuild } from './flavour';
import { NginxMaster } from './master';
import { Upstreams } from './proxy';

const SIGNAL_OF: Record<NonNullable<NginxOptions['signal']>, SignalName> = {
  stop: 'SIGTERM',
  quit: 'SIGQUIT',
  reopen: 'SIGUSR1',
  reload: 'SIGHUP',
};

/** A configuration error before the error log is set up: to the default error log and to stderr. */
function reportEmerg(ctx: ProcessContext, o: NginxOptions, message: string): void {
  try {
    const log = openLog(ctx, o.errorLog ?? '/var/log/nginx/error.log');
    log.write(`${nginxErrorTime(ctx.clock.now())} [emerg] ${ctx.pid}#${ctx.pid}: ${message}\n`);
  } catch {
    // no default error log in this filesystem: stderr only
  }
  ctx.stderr.write(`nginx: [emerg] ${message}\n`);
}

async function load(ctx: ProcessContext, o: NginxOptions, path: string): Promise<LoadedConf | undefined> {
  try {
    const loaded = loadConf(ctx.fs, path, o.global);
    if (o.test !== 'none') {
      const upstreams = new Upstreams(loaded.conf);
      for (const s of loaded.conf.servers) await upstreams.resolveAll(ctx.net, s.locations);
    }
    return loaded;
  } catch (err) {
    if (!(err instanceof NginxConfigError)) throw err;
    reportEmerg(ctx, o, err.message);
    return undefined;
  }
}

function printVersion(ctx: ProcessContext, build: NginxBuild, long: boolean): void {
  ctx.stderr.write(`nginx version: nginx/${build.version}\n`);
  if (!long) return;
  ctx.stderr.write(`${build.builtBy}\nbuilt with ${build.openssl}\nTLS SNI support enabled\n`);
  ctx.stderr.write(`configure arguments: ${CONFIGURE_ARGUMENTS.join(' ')}\n`);
}

function test(ctx: ProcessContext, o: NginxOptions, path: string, loaded: LoadedConf | undefined): number {
  if (!loaded) {
    ctx.stderr.write(`nginx: configuration file ${path} test failed\n`);
    return 1;
  }
  if (!o.quiet || o.test === 'dump') {
    ctx.stderr.write(`nginx: the configuration file ${path} syntax is ok\n`);
    ctx.stderr.write(`nginx: configuration file ${path} test is successful\n`);
  }
  if (o.test === 'dump') {
    for (const f of loaded.files) {
      ctx.stdout.write(`# configuration file ${f.path}:\n${f.text}${f.text.endsWith('\n') ? '' : '\n'}\n`);
    }
  }
  return 0;
}

/** `nginx -s reload`: read the master's PID from its PID file and signal it. */
function signalMaster(ctx: ProcessContext, loaded: LoadedConf, action: NonNullable<NginxOptions['signal']>): number {
  const path = loaded.conf.pid;
  let text: string;
  try {
    text = ctx.fs.readText(path);
  } catch (err) {
    if (!isFsError(err)) throw err;
    ctx.stderr.write(`nginx: [error] open() "${path}" failed (${ERRNO_NUMBERS[err.code] ?? 5}: ${err.reason})\n`);
    return 1;
  }
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 0) {
    ctx.stderr.write(`nginx: [error] invalid PID number "${text.trim()}" in "${path}"\n`);
    return 1;
  }
  const signal = SIGNAL_OF[action];
  if (!ctx.processes.kill(pid, signal)) {
    ctx.stderr.write(`nginx: [alert] kill(${pid}, ${signalNumber(signal) ?? 0}) failed (3: No such process)\n`);
    return 1;
  }
  return 0;
}

/** The argv a daemonizing nginx re-runs itself with: same options, plus `daemon off;`. */
function foregroundArgv(ctx: ProcessContext, o: NginxOptions): string[] {
  const argv = [ctx.argv[0] ?? 'nginx'];
  if (o.prefix) argv.push('-p', o.prefix);
  if (o.conf) argv.push('-c', o.conf);
  if (o.errorLog) argv.push('-e', o.errorLog);
  argv.push('-g', `${o.global ? `${o.global} ` : ''}daemon off;`);
  return argv;
}

export const nginx: Program = async (ctx) => {
  const parsed = parseNginxArgs(ctx.argv.slice(1));
  const build = nginxBuild(ctx);
  if (!parsed.ok) {
    ctx.stderr.write(`nginx: ${parsed.error}\n`);
    return 1;
  }
  const o = parsed.options;
  if (o.help) {
    ctx.stderr.write(usage(build.version));
    return 0;
  }
  if (o.version !== 'none') {
    printVersion(ctx, build, o.version === 'long');
    if (o.test === 'none') return 0;
  }
  const path = o.conf ? (o.conf.startsWith('/') ? o.conf : `${o.prefix ?? '/etc/nginx/'}${o.conf}`) : DEFAULT_CONF_PATH;
  const loaded = await load(ctx, o, path);
  if (o.test !== 'none') return test(ctx, o, path, loaded);
  if (!loaded) return 1;
  if (o.signal) return signalMaster(ctx, loaded, o.signal);
  if (loaded.conf.daemon && ctx.start) {
    // Daemonize: the background master serves; this command returns at once.
    ctx.start(foregroundArgv(ctx, o), {
      env: ctx.env,
      cwd: ctx.cwd,
      stdin: ctx.stdin,
      stdout: ctx.stdout,
      stderr: ctx.stderr,
    });
    return 0;
  }
  return new NginxMaster(ctx, { build, confPath: path, global: o.global }, loaded.conf).run();
};
