// What the docker CLI says before a classic build (docker/cli `cmd/docker/builder.go`). Without
// the buildx plugin — and Dockyard's laptop has none — `docker build` falls back to the legacy
// builder, which talks to the daemon's `POST /build`, and says so on stderr before anything else,
// even before it reads its flags. With DOCKER_BUILDKIT=1 it refuses instead.
import { parseGoBool } from '../../cli/go-strconv';
import { StatusError } from '../../cli/status-error';
import type { OutputStream } from '../../cli/streams';

const DEPRECATED = 'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.';

/** The notice for `docker build` (or the error, when BuildKit is asked for), written on `err`. */
export function legacyBuilderNotice(env: Readonly<Record<string, string>>, err: OutputStream): void {
  const setting = env['DOCKER_BUILDKIT'];
  if (setting !== undefined && setting !== '') {
    let enabled: boolean;
    try {
      enabled = parseGoBool(setting);
    } catch (e) {
      throw new StatusError(`DOCKER_BUILDKIT environment variable expects boolean value: ${(e as Error).message}`, 1);
    }
    if (enabled) {
      throw new StatusError(
        'ERROR: BuildKit is enabled but the buildx component is missing or broken.\n' +
          '       Install the buildx component to build images with BuildKit:\n' +
          '       https://docs.docker.com/go/buildx/',
        1,
      );
    }
    err.write(
      `${DEPRECATED}\n            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n            environment-variable.\n\n`,
    );
    return;
  }
  err.write(
    `${DEPRECATED}\n            Install the buildx component to build images with BuildKit:\n            https://docs.docker.com/go/buildx/\n\n`,
  );
}
