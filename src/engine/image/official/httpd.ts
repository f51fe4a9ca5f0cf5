// httpd: the Apache HTTP Server, compiled from source into /usr/local/apache2 on
// debian:bookworm-slim. `WORKDIR /usr/local/apache2` makes that the working directory,
// `CMD ["httpd-foreground"]` runs a tiny script that removes a stale PID file and starts httpd in
// the foreground, and `STOPSIGNAL SIGWINCH` asks Apache for a graceful stop. The default page at
// htdocs/index.html is the famous "It works!".
import type { ImageDefinition, LayerRecipe } from './assemble';
import { debianSteps } from './debian';
import { DEFAULT_PATH, epochOf, hubAnnotations, setOf, step } from './history';
import type { TargetPlatform } from './platforms';
import { dpkgStatus } from './package-db';
import { httpdRuntimePackages } from './package-lists';
import { FileTree } from './tree';

export const httpdVersion = '2.4.63';
const created = '2025-02-04T05:16:02Z';
const prefix = '/usr/local/apache2';
const path = `${prefix}/bin:${DEFAULT_PATH}`;

export const itWorks = '<html><body><h1>It works!</h1></body></html>\n';

// Our own short httpd-foreground, doing what the image's does.
export const httpdForeground = `#!/bin/sh
set -e

# A PID file left by a previous run would make httpd refuse to start.
rm -f ${prefix}/logs/httpd.pid

exec httpd -DFOREGROUND "$@"
`;

// A trimmed httpd.conf with the directives the image's configuration relies on.
const httpdConf = `# Apache HTTP Server configuration (trimmed)
ServerRoot "${prefix}"
Listen 80

LoadModule mpm_event_module modules/mod_mpm_event.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule mime_module modules/mod_mime.so
LoadModule log_config_module modules/mod_log_config.so
LoadModule unixd_module modules/mod_unixd.so
LoadModule dir_module modules/mod_dir.so

User www-data
Group www-data

ServerAdmin you@example.com
DocumentRoot "${prefix}/htdocs"
<Directory "${prefix}/htdocs">
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>

DirectoryIndex index.html

ErrorLog /proc/self/fd/2
LogLevel warn
LogFormat "%h %l %u %t \\"%r\\" %>s %b" common
CustomLog /proc/self/fd/1 common

TypesConfig conf/mime.types
`;

function layer(key: string, build: (t: FileTree, p: TargetPlatform) => number): LayerRecipe {
  return {
    key: `httpd-${httpdVersion}-${key}`,
    entries: (p) => {
      const t = new FileTree(p, epochOf(created));
      const target = build(t, p);
      return t.entries(target > 0 ? target : undefined);
    },
  };
}

const prefixLayer = layer('prefix', (t) => {
  t.dir(prefix, { uid: 33, gid: 33 });
  return 0;
});

const runtimeDepsLayer = layer('runtime-deps', (t, p) => {
  t.library(`usr/lib/${p.triplet}/libapr-1.so.0.7.2`, 'libapr-1.so.0', 250_000);
  t.library(`usr/lib/${p.triplet}/libaprutil-1.so.0.6.3`, 'libaprutil-1.so.0', 220_000);
  t.library(`usr/lib/${p.triplet}/libldap-2.5.so.0.1.8`, 'libldap-2.5.so.0', 380_000);
  t.library(`usr/lib/${p.triplet}/libxml2.so.2.9.14`, 'libxml2.so.2', 2_000_000);
  t.data('etc/ssl/certs/ca-certificates.crt', 220_000);
  t.text('var/lib/dpkg/status', dpkgStatus(p, httpdRuntimePackages));
  return 9_100;
});

const buildLayerRecipe = layer('build', (t) => {
  t.text(`${prefix}/htdocs/index.html`, itWorks);
  t.text(`${prefix}/conf/httpd.conf`, httpdConf);
  t.text(
    `${prefix}/conf/mime.types`,
    'text/html\t\t\t\thtml htm\ntext/css\t\t\t\tcss\napplication/javascript\t\t\tjs\n',
  );
  t.program(`${prefix}/bin/httpd`, 'httpd', 2_600_000);
  t.text(
    `${prefix}/bin/apachectl`,
    `#!/bin/sh\n# Control the Apache daemon (stand-in).\nexec ${prefix}/bin/httpd -k "$@"\n`,
    { mode: 0o755 },
  );
  t.program(`${prefix}/bin/ab`, 'ab', 150_000).program(`${prefix}/bin/htpasswd`, 'htpasswd', 110_000);
  for (const m of [
    'mpm_event',
    'authz_core',
    'mime',
    'log_config',
    'unixd',
    'dir',
    'ssl',
    'proxy',
    'rewrite',
    'headers',
  ]) {
    t.library(`${prefix}/modules/mod_${m}.so`, `mod_${m}.so`, m === 'ssl' ? 900_000 : 150_000);
  }
  t.dir(`${prefix}/logs`);
  t.data(`${prefix}/manual/manual.tar`, 28_000_000);
  t.data(`${prefix}/include/headers.tar`, 2_000_000);
  t.library('usr/lib/libssl-and-deps.so', 'libssl.so.3', 25_000_000);
  return 64_000;
});

const foregroundLayer = layer('foreground', (t) => {
  t.text('usr/local/bin/httpd-foreground', httpdForeground, { mode: 0o755 });
  return 0;
});

export function httpdImage(p: TargetPlatform): ImageDefinition {
  const c = created;
  return {
    created: c,
    steps: [
      ...debianSteps(true, p),
      step.env(c, 'HTTPD_PREFIX', prefix),
      step.env(c, 'PATH', path),
      step.run(c, 'mkdir -p "$HTTPD_PREFIX" && chown www-data:www-data "$HTTPD_PREFIX"', prefixLayer),
      step.workdir(c, prefix),
      step.run(
        c,
        'set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates libaprutil1-dbd-mysql libaprutil1-dbd-odbc libaprutil1-dbd-pgsql libaprutil1-dbd-sqlite3 libaprutil1-ldap libldap-common; rm -rf /var/lib/apt/lists/*',
        runtimeDepsLayer,
      ),
      step.env(c, 'HTTPD_VERSION', httpdVersion),
      step.env(c, 'HTTPD_PATCHES', ''),
      step.run(
        c,
        'set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends bzip2 dpkg-dev gcc libapr1-dev libaprutil1-dev libbrotli-dev libcurl4-openssl-dev libjansson-dev liblua5.2-dev libnghttp2-dev libpcre2-dev libssl-dev libxml2-dev make wget zlib1g-dev; ' +
          'wget -O httpd.tar.bz2 "https://dlcdn.apache.org/httpd/httpd-$HTTPD_VERSION.tar.bz2"; mkdir -p src; tar -xf httpd.tar.bz2 -C src --strip-components=1; rm httpd.tar.bz2; cd src; ' +
          './configure --build="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)" --prefix="$HTTPD_PREFIX" --enable-mods-shared=reallyall --enable-mpms-shared=all; make -j "$(nproc)"; make install; cd ..; rm -r src man manual; ' +
          "sed -ri -e 's!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g' -e 's!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g' \"$HTTPD_PREFIX/conf/httpd.conf\"; " +
          'apt-mark auto \'.*\' > /dev/null; [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; apt-get purge -y --auto-remove; rm -rf /var/lib/apt/lists/*; httpd -v',
        buildLayerRecipe,
      ),
      step.stopSignal(c, 'SIGWINCH'),
      step.copy(c, 'httpd-foreground /usr/local/bin/', foregroundLayer),
      step.expose(c, ['80/tcp']),
      step.cmd(c, ['httpd-foreground']),
    ],
    config: {
      ExposedPorts: setOf(['80/tcp']),
      Env: [`PATH=${path}`, `HTTPD_PREFIX=${prefix}`, `HTTPD_VERSION=${httpdVersion}`, 'HTTPD_PATCHES='],
      Cmd: ['httpd-foreground'],
      WorkingDir: prefix,
      StopSignal: 'SIGWINCH',
      ArgsEscaped: true,
    },
    annotations: hubAnnotations('httpd', httpdVersion, c, p.bashbrew, 'debian:bookworm-slim'),
  };
}
