// The body of `POST /containers/create` as dockerd decodes it (moby `runconfig.decodeContainerConfig`):
// a container Config with `HostConfig` and `NetworkingConfig` beside it —
//
//   {"Hostname":"","User":"","AttachStdout":true,…,"Cmd":["echo","hello"],"Image":"alpine",
//    "HostConfig":{"NetworkMode":"default","RestartPolicy":{"Name":"no"},"AutoRemove":false,…},
//    "NetworkingConfig":{"EndpointsConfig":{…}}}
//
// Go's decoder is the judge of shapes: an empty body is `invalid JSON: got EOF while reading request
// body`, a field of the wrong type is `json: cannot unmarshal number into Go struct field
// Config.Cmd of type string`; unknown fields are ignored. `Cmd`, `Entrypoint` and `Shell` are
// "StrSlice"s, which also take a single string. All of it is a 400.
import { fromUtf8 } from '../../bytes';
import { DaemonError } from '../api/errors';
import { validateRestartPolicy, type RestartPolicy } from './restart-policy';

/** The create-time Config (moby `container.Config`); fields absent from the body are absent here. */
export interface CreateConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>> | null;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[] | null;
  Cmd: string[] | null;
  Healthcheck?: Record<string, unknown>;
  ArgsEscaped?: boolean;
  Image: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  NetworkDisabled?: boolean;
  OnBuild: string[] | null;
  Labels: Record<string, string> | null;
  StopSignal?: string;
  StopTimeout?: number;
  Shell?: string[];
}

/** The HostConfig fields the daemon acts on; the rest is kept as sent and shown by inspect. */
export interface CreateHostConfig {
  AutoRemove: boolean;
  RestartPolicy: RestartPolicy;
  NetworkMode: string;
  /** Everything the client sent, for inspect. */
  raw: Record<string, unknown>;
}

export interface CreateRequest {
  config: CreateConfig;
  hostConfig: CreateHostConfig;
  networkingConfig: Record<string, unknown> | null;
}

type GoType = 'string' | 'bool' | 'int' | '[]string' | 'strslice' | 'map[string]string' | 'set' | 'object';

const CONFIG_FIELDS: Readonly<Record<string, GoType>> = {
  Hostname: 'string',
  Domainname: 'string',
  User: 'string',
  AttachStdin: 'bool',
  AttachStdout: 'bool',
  AttachStderr: 'bool',
  ExposedPorts: 'set',
  Tty: 'bool',
  OpenStdin: 'bool',
  StdinOnce: 'bool',
  Env: '[]string',
  Cmd: 'strslice',
  Healthcheck: 'object',
  ArgsEscaped: 'bool',
  Image: 'string',
  Volumes: 'set',
  WorkingDir: 'string',
  Entrypoint: 'strslice',
  NetworkDisabled: 'bool',
  OnBuild: '[]string',
  Labels: 'map[string]string',
  StopSignal: 'string',
  StopTimeout: 'int',
  Shell: 'strslice',
};

/** What Go calls a JSON value in its unmarshal errors. */
function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'object' : typeof value;
}

function mismatch(value: unknown, struct: string, field: string, type: string): DaemonError {
  return DaemonError.invalidParameter(
    `invalid JSON: json: cannot unmarshal ${jsonKind(value)} into Go struct field ${struct}.${field} of type ${type}`,
  );
}

/** Check one field as Go would decode it; null is always fine (it leaves the zero value). */
function check(value: unknown, type: GoType, struct: string, field: string): void {
  if (value === null || value === undefined) return;
  const isStrings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  const isMap = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  switch (type) {
    case 'string':
      if (typeof value !== 'string') throw mismatch(value, struct, field, 'string');
      return;
    case 'bool':
      if (typeof value !== 'boolean') throw mismatch(value, struct, field, 'bool');
      return;
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw mismatch(value, struct, field, 'int');
      return;
    case '[]string':
      if (!Array.isArray(value)) throw mismatch(value, struct, field, '[]string');
      if (!isStrings(value))
        throw mismatch(
          value.find((s) => typeof s !== 'string'),
          struct,
          field,
          'string',
        );
      return;
    case 'strslice':
      if (typeof value !== 'string' && !isStrings(value)) throw mismatch(value, struct, field, 'strslice.StrSlice');
      return;
    case 'map[string]string':
      if (!isMap(value)) throw mismatch(value, struct, field, 'map[string]string');
      for (const v of Object.values(value as object))
        if (typeof v !== 'string') throw mismatch(v, struct, field, 'string');
      return;
    case 'set':
    case 'object':
      if (!isMap(value)) throw mismatch(value, struct, field, 'map');
      return;
  }
}

function strslice(value: unknown): string[] | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? [value] : [...(value as string[])];
}

/** Decode and check a create body; every problem is Docker's 400. */
export function decodeCreateBody(body: Uint8Array): CreateRequest {
  let text: string;
  try {
    text = fromUtf8(body).trim();
  } catch {
    throw DaemonError.invalidParameter('invalid JSON: invalid character in string literal');
  }
  if (text === '') throw DaemonError.invalidParameter('invalid JSON: got EOF while reading request body');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw DaemonError.invalidParameter(`invalid JSON: ${(err as Error).message}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw DaemonError.invalidParameter(
      `invalid JSON: json: cannot unmarshal ${jsonKind(raw)} into Go value of type container.configWrapper`,
    );
  }
  const body_ = raw as Record<string, unknown>;
  for (const [field, type] of Object.entries(CONFIG_FIELDS)) check(body_[field], type, 'Config', field);
  const host = body_.HostConfig ?? {};
  if (typeof host !== 'object' || host === null || Array.isArray(host))
    throw mismatch(host, 'configWrapper', 'HostConfig', 'container.HostConfig');
  const hostRaw = host as Record<string, unknown>;
  check(hostRaw.AutoRemove, 'bool', 'HostConfig', 'AutoRemove');
  check(hostRaw.NetworkMode, 'string', 'HostConfig', 'NetworkMode');
  check(hostRaw.RestartPolicy, 'object', 'HostConfig', 'RestartPolicy');
  const policy = (hostRaw.RestartPolicy ?? {}) as { Name?: unknown; MaximumRetryCount?: unknown };
  check(policy.Name, 'string', 'RestartPolicy', 'Name');
  check(policy.MaximumRetryCount, 'int', 'RestartPolicy', 'MaximumRetryCount');
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const bool = (v: unknown) => v === true;
  const config: CreateConfig = {
    Hostname: str(body_.Hostname),
    Domainname: str(body_.Domainname),
    User: str(body_.User),
    AttachStdin: bool(body_.AttachStdin),
    AttachStdout: bool(body_.AttachStdout),
    AttachStderr: bool(body_.AttachStderr),
    ExposedPorts: (body_.ExposedPorts as CreateConfig['ExposedPorts']) ?? undefined,
    Tty: bool(body_.Tty),
    OpenStdin: bool(body_.OpenStdin),
    StdinOnce: bool(body_.StdinOnce),
    Env: (body_.Env as string[] | null | undefined) ?? null,
    Cmd: strslice(body_.Cmd),
    Image: str(body_.Image),
    Volumes: (body_.Volumes as CreateConfig['Volumes']) ?? null,
    WorkingDir: str(body_.WorkingDir),
    Entrypoint: strslice(body_.Entrypoint),
    OnBuild: (body_.OnBuild as string[] | null | undefined) ?? null,
    Labels: (body_.Labels as Record<string, string> | null | undefined) ?? null,
  };
  if (body_.Healthcheck !== undefined && body_.Healthcheck !== null)
    config.Healthcheck = body_.Healthcheck as Record<string, unknown>;
  if (typeof body_.ArgsEscaped === 'boolean') config.ArgsEscaped = body_.ArgsEscaped;
  if (typeof body_.NetworkDisabled === 'boolean') config.NetworkDisabled = body_.NetworkDisabled;
  if (typeof body_.StopSignal === 'string' && body_.StopSignal !== '') config.StopSignal = body_.StopSignal;
  if (typeof body_.StopTimeout === 'number') config.StopTimeout = body_.StopTimeout;
  if (body_.Shell !== undefined && body_.Shell !== null) config.Shell = strslice(body_.Shell) ?? [];
  const networking = body_.NetworkingConfig;
  return {
    config,
    hostConfig: {
      AutoRemove: bool(hostRaw.AutoRemove),
      RestartPolicy: validateRestartPolicy({
        Name: str(policy.Name),
        MaximumRetryCount: typeof policy.MaximumRetryCount === 'number' ? policy.MaximumRetryCount : 0,
      }),
      NetworkMode: str(hostRaw.NetworkMode),
      raw: hostRaw,
    },
    networkingConfig:
      typeof networking === 'object' && networking !== null ? (networking as Record<string, unknown>) : null,
  };
}
