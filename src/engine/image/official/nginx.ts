// nginx: the web server, from nginx.org's own packages, in two families. `nginx:latest` is built
// FROM debian:bookworm-slim: one RUN installs the packages, five COPY steps add the entrypoint and
// its configuration scripts, and the config says how to run it — `ENTRYPOINT
// ["/docker-entrypoint.sh"]`, `CMD ["nginx" "-g" "daemon off;"]` (stay in the foreground, as PID 1
// must), `EXPOSE 80`, `STOPSIGNAL SIGQUIT` (nginx's graceful shutdown). `nginx:alpine` is built
// FROM alpine:3.21 the same way, plus a last RUN adding njs and the dynamic modules. Its first
// layer is alpine:3.21's — the identical blob. The logs are symlinks to /dev/stdout and
// /dev/stderr, which is why `docker logs` shows nginx's access log.
import { alpine321, alpineGroup, alpinePasswd, alpineSteps } from './alpine';
import type { ImageDefinition, LayerRecipe, Step } from './assemble';
import { debianGroup, debianPasswd, debianSteps, shadowFor } from './debian';
import { DEFAULT_PATH, epochOf, hubAnnotations, setOf, step } from './history';
import * as files from './nginx-files';
import type { TargetPlatform } from './platforms';
import { apkInstalled, dpkgStatus } from './package-db';
import { nginxAlpineModulePackages, nginxAlpinePackages, nginxBookwormPackages } from './package-lists';
import { FileTree } from './tree';

export const nginxVersion = '1.27.4';
export const njsVersion = '0.8.9';
const maintainer = 'NGINX Docker Maintainers <docker-maint@nginx.com>';
const bookwormCreated = '2025-02-05T21:27:16Z';
const alpineCreated = '2025-02-15T00:21:39Z';

type Flavour = 'bookworm' | 'alpine';

function installLayer(flavour: Flavour, created: string): LayerRecipe {
  return {
    key: `nginx-${nginxVersion}-${flavour}`,
    entries: (p) => {
      const t = new FileTree(p, epochOf(created));
      if (flavour === 'bookworm') {
        const passwd = `${debianPasswd}nginx:x:101:101:nginx user:/nonexistent:/bin/false\n`;
        t.text('etc/passwd', passwd).text('etc/group', `${debianGroup}nginx:x:101:\n`);
        t.text('etc/shadow', shadowFor(passwd, 20124), { mode: 0o640, gid: 42 });
      } else {
        const passwd = `${alpinePasswd}nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin\n`;
        t.text('etc/passwd', passwd).text('etc/group', `${alpineGroup}nginx:x:101:nginx\n`);
        t.text('etc/shadow', shadowFor(passwd, 20134), { mode: 0o640, gid: 42 });
      }
      t.text('etc/nginx/nginx.conf', files.nginxConf).text('etc/nginx/conf.d/default.conf', files.defaultConf);
      t.text('etc/nginx/mime.types', files.mimeTypes);
      t.symlink('etc/nginx/modules', flavour === 'bookworm' ? '/usr/lib/nginx/modules' : '../../usr/lib/nginx/modules');
      t.text('usr/share/nginx/html/index.html', files.welcomePage).text(
        'usr/share/nginx/html/50x.html',
        files.errorPage,
      );
      t.dir('var/cache/nginx').dir('docker-entrypoint.d');
      t.symlink('var/log/nginx/access.log', '/dev/stdout').symlink('var/log/nginx/error.log', '/dev/stderr');
      t.program('usr/sbin/nginx', 'nginx', 1_350_000).program('usr/sbin/nginx-debug', 'nginx-debug', 1_500_000);
      if (flavour === 'bookworm') {
        t.program('usr/bin/envsubst', 'envsubst', 35_000);
        for (const m of [
          'ngx_http_js_module',
          'ngx_stream_js_module',
          'ngx_http_image_filter_module',
          'ngx_http_xslt_filter_module',
          'ngx_http_geoip_module',
        ]) {
          t.library(`usr/lib/nginx/modules/${m}.so`, `${m}.so`, m.includes('js') ? 3_500_000 : 40_000);
        }
        t.library(`usr/lib/${p.triplet}/libgd.so.3.0.11`, 'libgd.so.3', 450_000);
        t.library(`usr/lib/${p.triplet}/libxslt.so.1.1.35`, 'libxslt.so.1', 250_000);
        t.library(`usr/lib/${p.triplet}/libxml2.so.2.9.14`, 'libxml2.so.2', 2_000_000);
        t.data('usr/share/fonts/truetype/dejavu/fonts.tar', 30_000_000);
        t.data('usr/share/GeoIP/GeoIP.dat', 1_400_000);
        t.text('var/lib/dpkg/status', dpkgStatus(p, nginxBookwormPackages(nginxVersion, njsVersion)));
        t.data(`usr/lib/${p.triplet}/libicu-and-friends.tar`, 36_000_000);
        return t.entries(117_100);
      }
      t.library('usr/lib/libpcre2-8.so.0.13.0', 'libpcre2-8.so.0', 600_000);
      t.text('lib/apk/db/installed', apkInstalled(p, nginxAlpinePackages(nginxVersion), epochOf(created)));
      return t.entries(4_300);
    },
  };
}

function njsLayer(created: string): LayerRecipe {
  return {
    key: `nginx-${nginxVersion}-alpine-njs`,
    entries: (p) => {
      const t = new FileTree(p, epochOf(created));
      for (const m of [
        'ngx_http_js_module',
        'ngx_stream_js_module',
        'ngx_http_image_filter_module',
        'ngx_http_xslt_filter_module',
        'ngx_http_geoip_module',
      ]) {
        t.library(`usr/lib/nginx/modules/${m}.so`, `${m}.so`, m.includes('js') ? 3_400_000 : 40_000);
      }
      t.program('usr/bin/envsubst', 'envsubst', 35_000);
      t.library('usr/lib/libxml2.so.2.13.4', 'libxml2.so.2', 1_300_000).library(
        'usr/lib/libgd.so.3.0.11',
        'libgd.so.3',
        400_000,
      );
      t.data('usr/share/fonts/fonts.tar', 14_000_000);
      t.data('usr/share/zoneinfo/tzdata.tar', 3_000_000);
      const packages = nginxAlpineModulePackages(nginxVersion, njsVersion);
      t.text('lib/apk/db/installed', apkInstalled(p, packages, epochOf(created)));
      // Less than the real layer's 36 MB: the first layer's apk database is text at full size.
      return t.entries(31_000);
    },
  };
}

function scriptLayer(name: string, content: string, dir: string, created: string): LayerRecipe {
  return {
    key: `nginx-script-${name}-${created}`,
    entries: (p) => new FileTree(p, epochOf(created)).text(`${dir}/${name}`, content, { mode: 0o755 }).entries(),
  };
}

function copySteps(created: string): Step[] {
  const d = 'docker-entrypoint.d';
  return [
    step.copy(created, 'docker-entrypoint.sh /', scriptLayer('docker-entrypoint.sh', files.entrypoint, '', created)),
    ...(
      [
        ['10-listen-on-ipv6-by-default.sh', files.listenOnIpv6],
        ['15-local-resolvers.envsh', files.localResolvers],
        ['20-envsubst-on-templates.sh', files.envsubstOnTemplates],
        ['30-tune-worker-processes.sh', files.tuneWorkerProcesses],
      ] as const
    ).map(([name, content]) => step.copy(created, `${name} /${d}`, scriptLayer(name, content, d, created))),
  ];
}

const run = ['nginx', '-g', 'daemon off;'];

function runSteps(created: string): Step[] {
  return [
    step.entrypoint(created, ['/docker-entrypoint.sh']),
    step.expose(created, ['80/tcp']),
    step.stopSignal(created, 'SIGQUIT'),
    step.cmd(created, run),
  ];
}

function config(env: readonly string[]) {
  return {
    ExposedPorts: setOf(['80/tcp']),
    Env: [`PATH=${DEFAULT_PATH}`, ...env],
    Entrypoint: ['/docker-entrypoint.sh'],
    Cmd: run,
    Labels: { maintainer },
    StopSignal: 'SIGQUIT',
    ArgsEscaped: true,
  };
}

export function nginxBookwormImage(p: TargetPlatform): ImageDefinition {
  const c = bookwormCreated;
  const env: [string, string][] = [
    ['NGINX_VERSION', nginxVersion],
    ['NJS_VERSION', njsVersion],
    ['NJS_RELEASE', '1~bookworm'],
    ['PKG_RELEASE', '1~bookworm'],
    ['DYNPKG_RELEASE', '1~bookworm'],
  ];
  const install =
    'set -x && groupadd --system --gid 101 nginx && useradd --system --gid nginx --no-create-home --home /nonexistent ' +
    '--comment "nginx user" --shell /bin/false --uid 101 nginx && apt-get update && apt-get install --no-install-recommends ' +
    '--no-install-suggests -y gnupg1 ca-certificates && echo "deb [signed-by=/etc/apt/keyrings/nginx-archive-keyring.gpg] ' +
    'https://nginx.org/packages/mainline/debian/ bookworm nginx" >> /etc/apt/sources.list.d/nginx.list && apt-get update && ' +
    'apt-get install --no-install-recommends --no-install-suggests -y nginx=${NGINX_VERSION}-${PKG_RELEASE} ' +
    'nginx-module-xslt=${NGINX_VERSION}-${DYNPKG_RELEASE} nginx-module-geoip=${NGINX_VERSION}-${DYNPKG_RELEASE} ' +
    'nginx-module-image-filter=${NGINX_VERSION}-${DYNPKG_RELEASE} nginx-module-njs=${NGINX_VERSION}+${NJS_VERSION}-${NJS_RELEASE} ' +
    'gettext-base curl && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list && ln -sf /dev/stdout ' +
    '/var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log && mkdir /docker-entrypoint.d';
  return {
    created: c,
    steps: [
      ...debianSteps(true, p),
      step.label(c, 'maintainer', maintainer),
      ...env.map(([k, v]) => step.env(c, k, v)),
      step.run(c, install, installLayer('bookworm', c)),
      ...copySteps(c),
      ...runSteps(c),
    ],
    config: config(env.map(([k, v]) => `${k}=${v}`)),
    annotations: hubAnnotations('nginx', nginxVersion, c, p.bashbrew, 'debian:bookworm-slim'),
  };
}

export function nginxAlpineImage(p: TargetPlatform): ImageDefinition {
  const c = alpineCreated;
  const slimEnv: [string, string][] = [
    ['NGINX_VERSION', nginxVersion],
    ['PKG_RELEASE', '1'],
    ['DYNPKG_RELEASE', '1'],
  ];
  const njsEnv: [string, string][] = [
    ['NJS_VERSION', njsVersion],
    ['NJS_RELEASE', '1'],
  ];
  const install =
    'set -x && addgroup -g 101 -S nginx && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx ' +
    '&& apk add --no-cache --virtual .checksum-deps openssl && apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o ' +
    "'^[0-9]+\\.[0-9]+' /etc/alpine-release)/main\" --no-cache nginx=${NGINX_VERSION}-r${PKG_RELEASE} && apk del --no-network " +
    '.checksum-deps && apk add --no-cache tzdata && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr ' +
    '/var/log/nginx/error.log && mkdir /docker-entrypoint.d';
  const installNjs =
    'set -x && apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o \'^[0-9]+\\.[0-9]+\' /etc/alpine-release)/main" ' +
    '--no-cache nginx-module-xslt=${NGINX_VERSION}-r${DYNPKG_RELEASE} nginx-module-geoip=${NGINX_VERSION}-r${DYNPKG_RELEASE} ' +
    'nginx-module-image-filter=${NGINX_VERSION}-r${DYNPKG_RELEASE} nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${NJS_RELEASE} ' +
    '&& apk add --no-cache curl ca-certificates gettext-envsubst';
  return {
    created: c,
    steps: [
      ...alpineSteps(alpine321, p),
      step.label(c, 'maintainer', maintainer),
      ...slimEnv.map(([k, v]) => step.env(c, k, v)),
      step.run(c, install, installLayer('alpine', c)),
      ...copySteps(c),
      ...runSteps(c),
      ...njsEnv.map(([k, v]) => step.env(c, k, v)),
      step.run(c, installNjs, njsLayer(c)),
    ],
    config: config([...slimEnv, ...njsEnv].map(([k, v]) => `${k}=${v}`)),
    annotations: hubAnnotations('nginx', `${nginxVersion}-alpine`, c, p.bashbrew, `nginx:${nginxVersion}-alpine-slim`),
  };
}
