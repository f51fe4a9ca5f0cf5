// History lines in the words BuildKit writes them, as `docker history` and Docker Hub show them.
//
// Every Dockerfile instruction becomes one history entry. Instructions that change files (RUN,
// COPY, ADD) carry a layer; the others only change the config and are marked `empty_layer`.
// BuildKit writes the instruction with its arguments (`ENV NODE_VERSION=22.14.0`,
// `CMD ["nginx" "-g" "daemon off;"]`, `EXPOSE map[80/tcp:{}]`), a shell-form RUN as
// `RUN /bin/sh -c <command> # buildkit`, and the comment `buildkit.dockerfile.v0`.
import type { LayerRecipe, Step } from './assemble';

export const BUILDKIT_COMMENT = 'buildkit.dockerfile.v0';

/** Docker's default PATH for Linux images (BuildKit's `system.DefaultPathEnv`). */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function meta(created: string, createdBy: string): Step {
  return { created, createdBy, comment: BUILDKIT_COMMENT };
}

/** Go's `%q` of a string slice: `["nginx" "-g" "daemon off;"]`. */
export function goQuotedList(args: readonly string[]): string {
  return `[${args.map((a) => JSON.stringify(a)).join(' ')}]`;
}

export const step = {
  run: (created: string, command: string, layer: LayerRecipe): Step => ({
    ...meta(created, `RUN /bin/sh -c ${command} # buildkit`),
    layer,
  }),
  copy: (created: string, args: string, layer: LayerRecipe): Step => ({
    ...meta(created, `COPY ${args} # buildkit`),
    layer,
  }),
  add: (created: string, args: string, layer: LayerRecipe): Step => ({
    ...meta(created, `ADD ${args} # buildkit`),
    layer,
  }),
  env: (created: string, name: string, value: string): Step => meta(created, `ENV ${name}=${value}`),
  label: (created: string, name: string, value: string): Step => meta(created, `LABEL ${name}=${value}`),
  cmd: (created: string, args: readonly string[]): Step => meta(created, `CMD ${goQuotedList(args)}`),
  entrypoint: (created: string, args: readonly string[]): Step => meta(created, `ENTRYPOINT ${goQuotedList(args)}`),
  expose: (created: string, ports: readonly string[]): Step =>
    meta(created, `EXPOSE map[${ports.map((p) => `${p}:{}`).join(' ')}]`),
  stopSignal: (created: string, signal: string): Step => meta(created, `STOPSIGNAL ${signal}`),
  workdir: (created: string, dir: string): Step => meta(created, `WORKDIR ${dir}`),
  volume: (created: string, dirs: readonly string[]): Step => meta(created, `VOLUME [${dirs.join(' ')}]`),
};

/** `{ "80/tcp": {} }` for a config's ExposedPorts or Volumes. */
export function setOf(keys: readonly string[]): Record<string, Record<string, never>> {
  return Object.fromEntries(keys.map((k) => [k, {}]));
}

/** Seconds since the epoch of an RFC 3339 time: the mtime of files a step wrote. */
export function epochOf(created: string): number {
  return Math.floor(Date.parse(created) / 1000);
}

/** Hub annotations docker-library puts on every manifest. */
export function hubAnnotations(
  repository: string,
  version: string,
  created: string,
  bashbrewArch: string,
  baseName?: string,
): Record<string, string> {
  const a: Record<string, string> = {
    'com.docker.official-images.bashbrew.arch': bashbrewArch,
    'org.opencontainers.image.created': created,
    'org.opencontainers.image.url': `https://hub.docker.com/_/${repository}`,
    'org.opencontainers.image.version': version,
  };
  if (baseName) a['org.opencontainers.image.base.name'] = baseName;
  return a;
}
