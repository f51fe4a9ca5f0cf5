// `docker commit --change '…'`: Dockerfile instructions applied to the new image's config (moby
// `dockerfile.BuildFromConfig`). Only instructions that change configuration are allowed — CMD,
// ENTRYPOINT, ENV, EXPOSE, HEALTHCHECK, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR;
// anything else (`RUN …`) is `run is not a valid change command`. CMD and ENTRYPOINT take the
// JSON form (`["nginx","-g","daemon off;"]`) or the shell form (`/bin/sh -c …`).
import { parseDockerfileAst, parseInstruction, type InstructionNode } from '../../dockerfile';
import { DaemonError } from '../api/errors';
import type { ContainerConfig } from './merge-config';

const VALID = [
  'cmd',
  'entrypoint',
  'healthcheck',
  'env',
  'expose',
  'label',
  'onbuild',
  'stopsignal',
  'user',
  'volume',
  'workdir',
];

function unquote(text: string): string {
  if (
    text.length >= 2 &&
    ((text.startsWith('"') && text.endsWith('"')) || (text.startsWith("'") && text.endsWith("'")))
  ) {
    return text.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return text;
}

/** `key=value` pairs (quotes allowed), or the old `KEY value` form. */
function pairs(args: string): [string, string][] {
  if (!/^[^\s=]+=/.test(args)) {
    const [key = '', ...rest] = args.split(/\s+/);
    return [[key, rest.join(' ')]];
  }
  const out: [string, string][] = [];
  for (const m of args.matchAll(/([^\s=]+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)) out.push([m[1]!, unquote(m[2]!)]);
  return out;
}

/** The JSON form if it parses as an array of strings, else the shell form. */
function commandForm(args: string, shell: readonly string[]): string[] {
  if (args.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(args);
      if (Array.isArray(parsed) && parsed.every((s) => typeof s === 'string')) return parsed as string[];
    } catch {
      // not JSON: the shell form
    }
  }
  return [...shell, args];
}

/**
 * HEALTHCHECK as a Dockerfile reads it (flags, shell or JSON form, NONE), the zero durations left
 * out as Go's omitempty leaves them; a bad flag is the parser's error, as a 400.
 */
function healthcheckChange(line: string): Record<string, unknown> {
  let parsed;
  try {
    const node: InstructionNode | undefined = parseDockerfileAst(line).nodes[0];
    parsed = node === undefined ? undefined : parseInstruction(node);
  } catch (err) {
    throw DaemonError.invalidParameter(err instanceof Error ? err.message : String(err));
  }
  if (parsed === undefined || !('kind' in parsed) || parsed.kind !== 'healthcheck') return { Test: ['NONE'] };
  const h = parsed.health;
  const out: Record<string, unknown> = { Test: [...h.test] };
  if (h.interval) out.Interval = h.interval;
  if (h.timeout) out.Timeout = h.timeout;
  if (h.startPeriod) out.StartPeriod = h.startPeriod;
  if (h.startInterval) out.StartInterval = h.startInterval;
  if (h.retries) out.Retries = h.retries;
  return out;
}

/** Apply `changes` (one instruction per line) to a copy of `config`. */
export function applyChanges(config: ContainerConfig, changes: readonly string[]): ContainerConfig {
  const out: ContainerConfig = { ...config };
  const lines = changes
    .flatMap((c) => c.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  for (const line of lines) {
    const [, word = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = word.toLowerCase();
    if (!VALID.includes(instruction))
      throw DaemonError.invalidParameter(`${instruction} is not a valid change command`);
    const shell = out.Shell ?? ['/bin/sh', '-c'];
    switch (instruction) {
      case 'cmd':
        out.Cmd = commandForm(rest, shell);
        break;
      case 'entrypoint':
        out.Entrypoint = commandForm(rest, shell);
        break;
      case 'env': {
        const env = [...(out.Env ?? [])];
        for (const [key, value] of pairs(rest)) {
          const at = env.findIndex((v) => v.split('=', 1)[0] === key);
          if (at >= 0) env[at] = `${key}=${value}`;
          else env.push(`${key}=${value}`);
        }
        out.Env = env;
        break;
      }
      case 'label':
        out.Labels = { ...(out.Labels ?? {}), ...Object.fromEntries(pairs(rest)) };
        break;
      case 'expose': {
        const ports = { ...(out.ExposedPorts ?? {}) };
        for (const port of rest.split(/\s+/).filter((p) => p !== ''))
          ports[port.includes('/') ? port : `${port}/tcp`] = {};
        out.ExposedPorts = ports;
        break;
      }
      case 'volume': {
        const volumes = { ...(out.Volumes ?? {}) };
        for (const v of commandForm(rest, []).flatMap((s) => (rest.startsWith('[') ? [s] : s.split(/\s+/)))) {
          if (v !== '') volumes[v] = {};
        }
        out.Volumes = volumes;
        break;
      }
      case 'user':
        out.User = rest;
        break;
      case 'stopsignal':
        out.StopSignal = rest;
        break;
      case 'workdir':
        out.WorkingDir = rest.startsWith('/') ? rest : `${(out.WorkingDir || '/').replace(/\/$/, '')}/${rest}`;
        break;
      case 'onbuild':
        out.OnBuild = [...(out.OnBuild ?? []), rest];
        break;
      case 'healthcheck':
        out.Healthcheck = healthcheckChange(line);
        break;
    }
  }
  return out;
}
