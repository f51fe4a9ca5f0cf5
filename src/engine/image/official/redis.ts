// redis: Redis built from source on debian:bookworm-slim. The image runs as the `redis` user via
// gosu, keeps its data in `/data` — declared `VOLUME /data`, so every container gets a volume there
// — works in `/data`, and listens on 6379. It ships no redis.conf: the server starts with built-in
// defaults, and a config file is passed as an argument (`redis-server /path/redis.conf`).
import type { ImageDefinition, LayerRecipe } from './assemble';
import { debianGroup, debianPasswd, debianSteps, shadowFor } from './debian';
import { DEFAULT_PATH, epochOf, hubAnnotations, setOf, step } from './history';
import type { TargetPlatform } from './platforms';
import { dpkgStatus } from './package-db';
import { FileTree } from './tree';

export const redisVersion = '7.4.2';
export const gosuVersion = '1.17';
const created = '2025-02-04T04:41:50Z';
const downloadUrl = `http://download.redis.io/releases/redis-${redisVersion}.tar.gz`;

// Our own script, deciding as the image's does.
export const redisEntrypoint = `#!/bin/sh
set -e

# "redis-server" is implied when the first argument is an option or a .conf file.
if [ "\${1#-}" != "$1" ] || [ "\${1%.conf}" != "$1" ]; then
	set -- redis-server "$@"
fi

# Started as root: give /data to redis and drop privileges before running the server.
if [ "$1" = 'redis-server' ] && [ "$(id -u)" = '0' ]; then
	find . \\! -user redis -exec chown redis '{}' +
	exec gosu redis "$0" "$@"
fi

# Keep files the server writes private unless a umask was chosen.
if [ "$(umask)" = '0022' ]; then
	umask 0077
fi

exec "$@"
`;

function layer(key: string, build: (t: FileTree, p: TargetPlatform) => number | undefined): LayerRecipe {
  return {
    key: `redis-${redisVersion}-${key}`,
    entries: (p) => {
      const t = new FileTree(p, epochOf(created));
      return t.entries(build(t, p));
    },
  };
}

const userLayer = layer('user', (t) => {
  const passwd = `${debianPasswd}redis:x:999:999::/home/redis:/bin/sh\n`;
  t.text('etc/passwd', passwd).text('etc/group', `${debianGroup}redis:x:999:\n`);
  t.text('etc/shadow', shadowFor(passwd, 20123), { mode: 0o640, gid: 42 });
  return undefined;
});

// tzdata is already part of the base system here, so apt changes nothing in dpkg's database.
const tzdataLayer = layer('tzdata', (t) => {
  t.data('usr/share/zoneinfo/tzdata.tar', 1_500_000);
  return 1_600;
});

const gosuLayer = layer('gosu', (t) => {
  t.program('usr/local/bin/gosu', 'gosu', 2_400_000, { static: true });
  return 2_400;
});

const redisLayer = layer('build', (t, p) => {
  t.program('usr/local/bin/redis-server', 'redis-server', 15_000_000);
  t.program('usr/local/bin/redis-cli', 'redis-cli', 8_000_000);
  t.program('usr/local/bin/redis-benchmark', 'redis-benchmark', 7_000_000);
  for (const alias of ['redis-check-aof', 'redis-check-rdb', 'redis-sentinel'])
    t.symlink(`usr/local/bin/${alias}`, 'redis-server');
  t.text('var/lib/dpkg/status', dpkgStatus(p, []));
  return 38_000;
});

const dataLayer = layer('data', (t) => {
  t.dir('data', { uid: 999, gid: 999 });
  return undefined;
});

const entrypointLayer = layer('entrypoint', (t) => {
  t.text('usr/local/bin/docker-entrypoint.sh', redisEntrypoint, { mode: 0o755 });
  return undefined;
});

export function redisImage(p: TargetPlatform): ImageDefinition {
  const c = created;
  return {
    created: c,
    steps: [
      ...debianSteps(true, p),
      step.run(c, 'set -eux; groupadd -r -g 999 redis; useradd -r -g redis -u 999 redis', userLayer),
      step.run(
        c,
        'set -eux; apt-get update; apt-get install -y --no-install-recommends tzdata; rm -rf /var/lib/apt/lists/*',
        tzdataLayer,
      ),
      step.env(c, 'GOSU_VERSION', gosuVersion),
      step.run(
        c,
        'set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends ca-certificates gnupg wget; dpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; ' +
          'wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; chmod +x /usr/local/bin/gosu; ' +
          'apt-mark auto \'.*\' > /dev/null; [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; apt-get purge -y --auto-remove; rm -rf /var/lib/apt/lists/*; gosu --version; gosu nobody true',
        gosuLayer,
      ),
      step.env(c, 'REDIS_VERSION', redisVersion),
      step.env(c, 'REDIS_DOWNLOAD_URL', downloadUrl),
      step.run(
        c,
        'set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends ca-certificates wget dpkg-dev gcc libc6-dev libssl-dev make; ' +
          'wget -O redis.tar.gz "$REDIS_DOWNLOAD_URL"; mkdir -p /usr/src/redis; tar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; rm redis.tar.gz; ' +
          'grep -E \'^ *createBoolConfig[(]"protected-mode",.*, *1 *,.*[)],$\' /usr/src/redis/src/config.c; sed -ri \'s!^( *createBoolConfig[(]"protected-mode",.*, *)1( *,.*[)],)$!\\10\\2!\' /usr/src/redis/src/config.c; ' +
          'export BUILD_TLS=yes; make -C /usr/src/redis -j "$(nproc)" all; make -C /usr/src/redis install; serverMd5="$(md5sum /usr/local/bin/redis-server | cut -d\' \' -f1)"; export serverMd5; ' +
          'rm -r /usr/src/redis; apt-mark auto \'.*\' > /dev/null; [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; apt-get purge -y --auto-remove; rm -rf /var/lib/apt/lists/*; redis-cli --version; redis-server --version',
        redisLayer,
      ),
      step.run(c, 'mkdir /data && chown redis:redis /data', dataLayer),
      step.volume(c, ['/data']),
      step.workdir(c, '/data'),
      step.copy(c, 'docker-entrypoint.sh /usr/local/bin/', entrypointLayer),
      step.entrypoint(c, ['docker-entrypoint.sh']),
      step.expose(c, ['6379/tcp']),
      step.cmd(c, ['redis-server']),
    ],
    config: {
      ExposedPorts: setOf(['6379/tcp']),
      Env: [
        `PATH=${DEFAULT_PATH}`,
        `GOSU_VERSION=${gosuVersion}`,
        `REDIS_VERSION=${redisVersion}`,
        `REDIS_DOWNLOAD_URL=${downloadUrl}`,
      ],
      Entrypoint: ['docker-entrypoint.sh'],
      Cmd: ['redis-server'],
      Volumes: setOf(['/data']),
      WorkingDir: '/data',
      ArgsEscaped: true,
    },
    annotations: hubAnnotations('redis', redisVersion, c, p.bashbrew, 'debian:bookworm-slim'),
  };
}
