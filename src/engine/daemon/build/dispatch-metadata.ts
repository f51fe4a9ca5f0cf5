// The instructions that change only the image's config (moby `dispatchers.go`): each edits the run
// config, then commits a step whose history comment says what it did —
//
//   ENV A=1 B=2        /bin/sh -c #(nop)  ENV A=1 B=2       Env: A replaced in place, or appended
//   LABEL k=v          /bin/sh -c #(nop)  LABEL k=v
//   CMD ["nginx"]      /bin/sh -c #(nop)  CMD ["nginx"]     shell form: ["/bin/sh" "-c" "…"]
//   ENTRYPOINT [...]   /bin/sh -c #(nop)  ENTRYPOINT [...]  clears an inherited CMD unless CMD came first
//   EXPOSE 80          /bin/sh -c #(nop)  EXPOSE 80         ExposedPorts {"80/tcp":{}}
//   VOLUME /data       /bin/sh -c #(nop)  VOLUME [/data]
//   USER, STOPSIGNAL, SHELL, ARG, MAINTAINER, ONBUILD, HEALTHCHECK likewise
//   WORKDIR /app       /bin/sh -c #(nop) WORKDIR /app       and the directory is created: a real layer
//
// Each such step still gets a container (` ---> Running in …`), which is committed without ever
// being started; its layer is empty (`empty_layer: true`) — except WORKDIR's when it made a directory.
import { goList, goQuoteList } from '../../dockerfile/go-text';
import type { Command, HealthConfig } from '../../dockerfile';
import { cleanPath } from '../../dockerfile/go-path';
import { parseSignal } from '../containers/signals';
import { goHealthcheck } from './go-format';
import { copyRunConfig, withCmdCommentString, type RunConfig } from './run-config';
import type { BuildSession } from './session';
import type { DispatchState } from './state';

type Of<K extends Command['kind']> = Extract<Command, { kind: K }>;

/** The command line of CMD/ENTRYPOINT/RUN: exec form as given, shell form behind the SHELL. */
export function resolveCmdLine(
  c: { cmdLine: readonly string[] | null; prependShell: boolean },
  config: RunConfig,
): string[] | null {
  if (c.cmdLine === null) return null;
  const shell = config.Shell !== undefined && config.Shell.length > 0 ? config.Shell : ['/bin/sh', '-c'];
  return c.prependShell ? [...shell, ...c.cmdLine] : [...c.cmdLine];
}

/** nat.ParsePortSpecs: `80`, `80/udp`, `8000-8002`, `127.0.0.1:8080:80/tcp` → `80/tcp`… */
export function exposedPortKeys(spec: string): string[] {
  const parts = spec.split(':');
  const last = parts[parts.length - 1]!;
  const slash = last.indexOf('/');
  const proto = (slash < 0 ? 'tcp' : last.slice(slash + 1)).toLowerCase();
  const port = slash < 0 ? last : last.slice(0, slash);
  if (port === '') throw new Error(`no port specified: ${spec}<empty>`);
  const range = /^(\d+)(?:-(\d+))?$/.exec(port);
  const start = Number(range?.[1]);
  const end = range?.[2] === undefined ? start : Number(range[2]);
  if (!range || start > 65535 || end > 65535 || end < start) throw new Error(`invalid containerPort: ${port}`);
  if (!['tcp', 'udp', 'sctp'].includes(proto)) throw new Error(`invalid proto: ${proto}`);
  return Array.from({ length: end - start + 1 }, (_, i) => `${start + i}/${proto}`);
}

function healthcheckOf(h: HealthConfig): Record<string, unknown> {
  return {
    Test: [...h.test],
    Interval: h.interval,
    Timeout: h.timeout,
    StartPeriod: h.startPeriod,
    StartInterval: h.startInterval,
    Retries: h.retries,
  };
}

/** WORKDIR's path made absolute against the current one (normalizeWorkdir). */
export function normalizeWorkdir(current: string, requested: string): string {
  if (requested === '') throw new Error('cannot normalize nothing');
  return requested.startsWith('/') ? cleanPath(requested) : cleanPath(`/${current}/${requested}`);
}

async function workdir(b: BuildSession, s: DispatchState, c: Of<'workdir'>): Promise<void> {
  const dir = normalizeWorkdir(s.runConfig.WorkingDir, c.path);
  s.runConfig.WorkingDir = dir;
  const config = copyRunConfig(s.runConfig, withCmdCommentString(`WORKDIR ${dir}`));
  if (b.probeCache(s, config)) return;
  const container = await b.containers.create(config, s.imageId);
  if (!container.rootfs.exists(dir)) container.rootfs.mkdir(dir, { parents: true, mode: 0o755 });
  await b.commitContainer(s, container, config);
}

/** Run one metadata instruction; false when `c` is not one. */
export async function dispatchMetadata(b: BuildSession, s: DispatchState, c: Command): Promise<boolean> {
  const config = s.runConfig;
  switch (c.kind) {
    case 'env': {
      const env = [...(config.Env ?? [])];
      for (const { key, value } of c.env) {
        const at = env.findIndex((e) => e.split('=', 1)[0] === key);
        if (at >= 0) env[at] = `${key}=${value}`;
        else env.push(`${key}=${value}`);
      }
      config.Env = env;
      await b.commit(s, ['ENV', ...c.env.map((p) => `${p.key}=${p.value}`)].join(' '));
      return true;
    }
    case 'maintainer':
      s.maintainer = c.maintainer;
      await b.commit(s, `MAINTAINER ${c.maintainer}`);
      return true;
    case 'label':
      config.Labels = { ...(config.Labels ?? {}) };
      for (const { key, value } of c.labels) config.Labels[key] = value;
      await b.commit(s, ['LABEL', ...c.labels.map((p) => `${p.key}=${p.value}`)].join(' '));
      return true;
    case 'onbuild':
      config.OnBuild = [...(config.OnBuild ?? []), c.expression];
      await b.commit(s, `ONBUILD ${c.expression}`);
      return true;
    case 'workdir':
      await workdir(b, s, c);
      return true;
    case 'cmd': {
      const cmd = resolveCmdLine(c, config) ?? [];
      config.Cmd = cmd;
      delete config.ArgsEscaped;
      await b.commit(s, `CMD ${goQuoteList(cmd)}`);
      if (c.cmdLine.length > 0) s.cmdSet = true;
      return true;
    }
    case 'entrypoint': {
      config.Entrypoint = resolveCmdLine(c, config);
      delete config.ArgsEscaped;
      if (!s.cmdSet) config.Cmd = null;
      await b.commit(s, `ENTRYPOINT ${goQuoteList(config.Entrypoint ?? [])}`);
      return true;
    }
    case 'healthcheck': {
      const old = config.Healthcheck?.Test as string[] | undefined;
      if (old && old.length > 0 && old[0] !== 'NONE')
        b.out.stdout(`Note: overriding previous HEALTHCHECK: ${goList(old)}\n`);
      config.Healthcheck = healthcheckOf(c.health);
      await b.commit(s, `HEALTHCHECK ${goHealthcheck(config.Healthcheck)}`);
      return true;
    }
    case 'expose': {
      const ports = c.ports;
      const keys = ports.flatMap(exposedPortKeys);
      config.ExposedPorts = { ...(config.ExposedPorts ?? {}) };
      for (const key of keys) config.ExposedPorts[key] = {};
      await b.commit(s, `EXPOSE ${ports.join(' ')}`);
      return true;
    }
    case 'user':
      config.User = c.user;
      await b.commit(s, `USER ${c.user}`);
      return true;
    case 'volume':
      config.Volumes = { ...(config.Volumes ?? {}) };
      for (const v of c.volumes) {
        if (v === '') throw new Error('VOLUME specified can not be an empty string');
        config.Volumes[v] = {};
      }
      await b.commit(s, `VOLUME ${goList(c.volumes)}`);
      return true;
    case 'stopsignal':
      parseSignal(c.signal);
      config.StopSignal = c.signal;
      await b.commit(s, `STOPSIGNAL ${c.signal}`);
      return true;
    case 'arg':
      for (const arg of c.args) s.buildArgs.addArg(arg.key, arg.value ?? null);
      await b.commit(s, 'ARG ' + c.args.map((a) => (a.value === undefined ? a.key : `${a.key}=${a.value}`)).join(' '));
      return true;
    case 'shell':
      config.Shell = [...c.shell];
      await b.commit(s, `SHELL ${goList(c.shell)}`);
      return true;
    default:
      return false;
  }
}
