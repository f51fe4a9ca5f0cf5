// The text files of the nginx images: the configuration nginx.org's packages install, the welcome
// page `curl localhost` shows, and the entrypoint that runs the scripts in /docker-entrypoint.d/
// before starting nginx. Configuration and page are nginx's own (they are what a student inspects);
// the scripts are ours, doing what the image's scripts do and printing the same log lines.

export const nginxConf = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`.slice(1);

export const defaultConf = `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

export const welcomePage = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export const errorPage = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
</body>
</html>
`;

export const mimeTypes = `types {
    text/html                                        html htm shtml;
    text/css                                         css;
    text/plain                                       txt;
    image/gif                                        gif;
    image/jpeg                                       jpeg jpg;
    image/png                                        png;
    image/svg+xml                                    svg svgz;
    application/javascript                           js;
    application/json                                 json;
    application/pdf                                  pdf;
    application/octet-stream                         bin exe dll;
}
`;

export const entrypoint = `#!/bin/sh
# Run the configuration scripts of /docker-entrypoint.d/ (in version order), then the command.
set -e

say() {
    [ -n "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ] || echo "$@"
}

case "$1" in
nginx|nginx-debug)
    scripts=$(find /docker-entrypoint.d/ -follow -type f 2>/dev/null | sort -V)
    if [ -z "$scripts" ]; then
        say "$0: No files found in /docker-entrypoint.d/, skipping configuration"
    else
        say "$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"
        say "$0: Looking for shell scripts in /docker-entrypoint.d/"
        for script in $scripts; do
            if [ ! -x "$script" ]; then
                say "$0: Ignoring $script, not executable"
                continue
            fi
            case "$script" in
            *.envsh) say "$0: Sourcing $script"; . "$script" ;;
            *.sh) say "$0: Launching $script"; "$script" ;;
            *) say "$0: Ignoring $script" ;;
            esac
        done
        say "$0: Configuration complete; ready for start up"
    fi
    ;;
esac

exec "$@"
`;

export const listenOnIpv6 = `#!/bin/sh
# Make the default server also listen on [::]:80 when the kernel has IPv6 and the file is untouched.
set -e
ME=$(basename "$0")
CONF=/etc/nginx/conf.d/default.conf
say() { [ -n "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ] || echo "$ME: $*"; }

[ -f /proc/net/if_inet6 ] || { say "info: ipv6 not available"; exit 0; }
[ -f "$CONF" ] || { say "info: $CONF is not a file or does not exist"; exit 0; }
touch "$CONF" 2>/dev/null || { say "info: can not modify $CONF (read-only file system?)"; exit 0; }
say "info: Getting the checksum of $CONF"
if grep -q 'listen  \\[::\\]:80;' "$CONF"; then
    say "info: $CONF already listens on IPv6"
    exit 0
fi
sed -i -E 's,listen       80;,listen       80;\\n    listen  [::]:80;,' "$CONF"
say "info: Enabled listen on IPv6 in $CONF"
`;

export const localResolvers = `#!/bin/sh
# Sourced: with NGINX_ENTRYPOINT_LOCAL_RESOLVERS set, export the nameservers of /etc/resolv.conf
# as NGINX_LOCAL_RESOLVERS for use in templates.
[ -z "\${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}" ] && return 0
NGINX_LOCAL_RESOLVERS=$(awk '$1 == "nameserver" { printf "%s ", $2 }' /etc/resolv.conf)
export NGINX_LOCAL_RESOLVERS
`;

export const envsubstOnTemplates = `#!/bin/sh
# Render /etc/nginx/templates/*.template into /etc/nginx/conf.d/ with the environment substituted.
set -e
ME=$(basename "$0")
dir=\${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}
out=\${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}
suffix=\${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}
[ -d "$dir" ] || exit 0
defined=$(printf '\${%s} ' $(env | cut -d= -f1))
for template in $(find "$dir" -follow -type f -name "*$suffix"); do
    target="$out/$(basename "$template" "$suffix")"
    echo "$ME: Running envsubst on $template to $target"
    envsubst "$defined" < "$template" > "$target"
done
`;

export const tuneWorkerProcesses = `#!/bin/sh
# With NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE set, size worker_processes to the CPUs this
# container may use instead of all the host's CPUs.
set -e
[ -n "\${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}" ] || exit 0
ME=$(basename "$0")
cpus=$(nproc)
if [ -r /sys/fs/cgroup/cpu.max ]; then
    read -r quota period < /sys/fs/cgroup/cpu.max
    [ "$quota" != max ] && cpus=$(( (quota + period - 1) / period ))
fi
sed -i -E "s/^(worker_processes\\s+).*;/\\1$cpus;/" /etc/nginx/nginx.conf
echo "$ME: info: worker_processes set to $cpus"
`;
