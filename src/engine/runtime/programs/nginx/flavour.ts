// Facts about the nginx binary that depend on which image it comes from: nginx.org builds it with
// the distribution's compiler and links the distribution's C library and OpenSSL, so
// `nginx -V` and the startup notices differ between nginx:latest (Debian) and nginx:alpine,
// and so does an error text from the C library (glibc's "Address already in use", musl's
// "Address in use").
import type { Overlay } from '../../../layer/overlay';
import { nginxVersion } from '../../../image/official/nginx';
import type { ProcessContext } from '../../contract';

export interface NginxBuild {
  version: string;
  /** `built by gcc 12.2.0 (Debian 12.2.0-14) ` — with nginx's trailing space. */
  builtBy: string;
  openssl: string;
  libc: 'glibc' | 'musl';
}

export function isAlpine(fs: Overlay): boolean {
  return fs.exists('/etc/alpine-release');
}

/** The build of the nginx in this container; its version is the image's NGINX_VERSION. */
export function nginxBuild(ctx: ProcessContext): NginxBuild {
  const version = ctx.env.get('NGINX_VERSION') || nginxVersion;
  return isAlpine(ctx.fs)
    ? { version, builtBy: 'built by gcc 14.2.0 (Alpine 14.2.0) ', openssl: 'OpenSSL 3.3.3 11 Feb 2025', libc: 'musl' }
    : {
        version,
        builtBy: 'built by gcc 12.2.0 (Debian 12.2.0-14) ',
        openssl: 'OpenSSL 3.0.15 3 Sep 2024',
        libc: 'glibc',
      };
}

export const CONFIGURE_ARGUMENTS = [
  '--prefix=/etc/nginx',
  '--sbin-path=/usr/sbin/nginx',
  '--modules-path=/usr/lib/nginx/modules',
  '--conf-path=/etc/nginx/nginx.conf',
  '--error-log-path=/var/log/nginx/error.log',
  '--http-log-path=/var/log/nginx/access.log',
  '--pid-path=/var/run/nginx.pid',
  '--lock-path=/var/run/nginx.lock',
  '--http-client-body-temp-path=/var/cache/nginx/client_temp',
  '--http-proxy-temp-path=/var/cache/nginx/proxy_temp',
  '--http-fastcgi-temp-path=/var/cache/nginx/fastcgi_temp',
  '--http-uwsgi-temp-path=/var/cache/nginx/uwsgi_temp',
  '--http-scgi-temp-path=/var/cache/nginx/scgi_temp',
  '--user=nginx',
  '--group=nginx',
  '--with-compat',
  '--with-file-aio',
  '--with-threads',
  '--with-http_gzip_static_module',
  '--with-http_realip_module',
  '--with-http_ssl_module',
  '--with-http_stub_status_module',
  '--with-http_v2_module',
  '--with-http_v3_module',
  '--with-stream',
  '--with-stream_ssl_module',
];

/** The temporary directories nginx creates at startup (they show up in `docker diff`). */
export const TEMP_DIRS = ['client_temp', 'proxy_temp', 'fastcgi_temp', 'uwsgi_temp', 'scgi_temp'].map(
  (d) => `/var/cache/nginx/${d}`,
);
