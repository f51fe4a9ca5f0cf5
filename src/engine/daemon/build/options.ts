// The options of `POST /build` as the classic builder reads them from the query string (moby
// `daemon/server/router/build/build_routes.go` newImageBuildOptions):
//
//   dockerfile=Dockerfile  t=app:1&t=app:latest  q=1  nocache=1  pull=1  rm=0  forcerm=1
//   buildargs={"VERSION":"3.20","PROXY":null}  labels={"team":"web"}  target=build  platform=linux/arm64
//   networkmode=none  shmsize=67108864  memory=0  extrahosts=db:10.0.0.2  cachefrom=["app:cache"]
//
// `rm` defaults to true and `forcerm` implies it. Booleans are moby's BoolValue (`1`, `true`…).
// A bad JSON parameter is a 400 with moby's words (`error reading build args: …`). `version=2` asks
// for BuildKit, which this daemon does not have: only the classic builder (`version=1`) runs here.
// `cachefrom` is read and kept, but the classic builder's history-based cache it selects is not
// modelled: the local parent-chain cache (image-cache.ts) is always the one used.
import { DaemonError } from '../api/errors';
import { boolParam } from '../api/responses';
import { compareApiVersions } from '../version';

export interface BuildOptions {
  /** Path of the Dockerfile inside the context. */
  dockerfile: string;
  /** `-t` names, as given (repeatable). */
  tags: string[];
  /** `-q`: only the image ID goes back. */
  quiet: boolean;
  noCache: boolean;
  /** `--pull`: pull base images even when they are present. */
  pull: boolean;
  /** Remove intermediate containers after a successful step (default true). */
  remove: boolean;
  /** Remove intermediate containers even after a failed step. */
  forceRemove: boolean;
  /** `--build-arg`s; null for `--build-arg NAME` with no value in the client's environment. */
  buildArgs: Record<string, string | null>;
  /** `--target`: the last stage to build ('' for all). */
  target: string;
  /** `--label`s, added as LABEL steps to the last stage. */
  labels: Record<string, string>;
  /** `--platform` (API ≥ 1.32), '' when not given. */
  platform: string;
  /** `--cache-from` (accepted; see the header). */
  cacheFrom: string[];
  networkMode: string;
  shmSize: number;
  memory: number;
  extraHosts: string[];
}

function jsonParam<T>(
  query: URLSearchParams,
  name: string,
  what: string,
  check: (v: unknown) => v is T,
): T | undefined {
  const text = query.get(name) ?? '';
  if (text === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw DaemonError.invalidParameter(`${what}: ${(err as Error).message}`);
  }
  if (!check(value)) throw DaemonError.invalidParameter(`${what}: json: cannot unmarshal ${JSON.stringify(value)}`);
  return value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isArgMap = (v: unknown): v is Record<string, string | null> =>
  isObject(v) && Object.values(v).every((x) => x === null || typeof x === 'string');
const isLabelMap = (v: unknown): v is Record<string, string> =>
  isObject(v) && Object.values(v).every((x) => typeof x === 'string');
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** moby's Int64ValueOrZero: 0 when absent or not a number. */
function int64OrZero(query: URLSearchParams, name: string): number {
  const text = query.get(name) ?? '';
  return /^[+-]?\d+$/.test(text) ? Number(text) : 0;
}

const isolations = ['', 'default', 'process', 'hyperv'];

/** Read the query of `POST /build`; throws DaemonError (400) with moby's words. */
export function parseBuildOptions(query: URLSearchParams, apiVersion: string): BuildOptions {
  if (query.getAll('securityopt').length > 0) {
    throw DaemonError.invalidParameter('security options are not supported on linux');
  }
  const forceRemove = boolParam(query, 'forcerm');
  const rmText = query.get('rm') ?? '';
  const remove = forceRemove || rmText === '' || boolParam(query, 'rm');
  const shmText = query.get('shmsize') ?? '';
  if (shmText !== '' && !/^[+-]?\d+$/.test(shmText)) {
    throw DaemonError.system(`strconv.ParseInt: parsing ${JSON.stringify(shmText)}: invalid syntax`);
  }
  const isolation = query.get('isolation') ?? '';
  if (!isolations.includes(isolation.toLowerCase())) {
    throw DaemonError.invalidParameter(`unsupported isolation: ${JSON.stringify(isolation)}`);
  }
  const version = query.get('version') ?? '';
  if (version !== '' && version !== '1' && version !== '2') {
    throw DaemonError.invalidParameter(`invalid version ${JSON.stringify(version)}`);
  }
  if (version === '2') throw new DaemonError(501, 'buildkit not supported by daemon');
  if (boolParam(query, 'squash')) throw DaemonError.invalidParameter('squash is only supported with experimental mode');
  if ((query.get('remote') ?? '') !== '') {
    throw DaemonError.invalidParameter(
      `remote build contexts are not supported by this daemon: send the context as a tar body (remote ${JSON.stringify(query.get('remote'))})`,
    );
  }
  return {
    dockerfile: query.get('dockerfile') ?? '',
    tags: query.getAll('t'),
    quiet: boolParam(query, 'q'),
    noCache: boolParam(query, 'nocache'),
    pull: boolParam(query, 'pull'),
    remove,
    forceRemove,
    buildArgs: jsonParam(query, 'buildargs', 'error reading build args', isArgMap) ?? {},
    target: query.get('target') ?? '',
    labels: jsonParam(query, 'labels', 'error reading labels', isLabelMap) ?? {},
    platform: compareApiVersions(apiVersion, '1.32') >= 0 ? (query.get('platform') ?? '') : '',
    cacheFrom: jsonParam(query, 'cachefrom', 'error reading cache-from', isStringList) ?? [],
    networkMode: query.get('networkmode') ?? '',
    shmSize: shmText === '' ? 0 : Number(shmText),
    memory: int64OrZero(query, 'memory'),
    extraHosts: query.getAll('extrahosts'),
  };
}
