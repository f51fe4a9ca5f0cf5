import { describe, expect, it } from 'vitest';
import { Overlay } from '../../../layer/overlay';
import { emptySnapshot } from '../../../layer/snapshot';
import { NginxConfigError } from './conf-error';
import { loadConf } from './conf';

function fsWith(files: Record<string, string>): Overlay {
  const fs = new Overlay(emptySnapshot());
  for (const [path, text] of Object.entries(files)) {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true });
    fs.writeFile(path, text);
  }
  return fs;
}

function errorOf(main: string, extra: Record<string, string> = {}, global?: string): string {
  try {
    loadConf(fsWith({ '/etc/nginx/nginx.conf': main, ...extra }), '/etc/nginx/nginx.conf', global);
  } catch (err) {
    if (err instanceof NginxConfigError) return err.message;
    throw err;
  }
  return 'ok';
}

const F = '/etc/nginx/nginx.conf';

describe('nginx configuration errors, in nginx words', () => {
  it.each([
    ['events {}\nhttp { server { listen 80; } }\n', 'ok'],
    ['events {}\nhttp { server { lisen 80; } }\n', `unknown directive "lisen" in ${F}:2`],
    ['events {}\nhttp {\n  server {\n    listen 80;\n  }\n}\n}\n', `unexpected "}" in ${F}:7`],
    ['events {}\nhttp {\n  server {\n', `unexpected end of file, expecting "}" in ${F}:3`],
    ['worker_processes 1', `unexpected end of file, expecting ";" or "}" in ${F}:1`],
    ['events {}\nlisten 80;\n', `"listen" directive is not allowed here in ${F}:2`],
    ['events {}\nhttp { server { server { } } }\n', `"server" directive is not allowed here in ${F}:2`],
    ['events {}\nhttp { server { listen 80 { } } }\n', `directive "listen" is not terminated by ";" in ${F}:2`],
    ['events;\n', `directive "events" has no opening "{" in ${F}:1`],
    [
      'events {}\nhttp { include /etc/nginx/nope.conf; }\n',
      `open() "/etc/nginx/nope.conf" failed (2: No such file or directory) in ${F}:2`,
    ],
    ['events {}\nhttp { include /etc/nginx/conf.d/*.conf; }\n', 'ok'],
    ['worker_processes lots;\n', `invalid value "lots" in "worker_processes" directive in ${F}:1`],
    ['events {}\nhttp { server { listen 99999; } }\n', `invalid port in "99999" of the "listen" directive in ${F}:2`],
    ['events {}\nhttp { server { root; } }\n', `invalid number of arguments in "root" directive in ${F}:2`],
    [
      'events {}\nhttp { server { error_page 404; } }\n',
      `invalid number of arguments in "error_page" directive in ${F}:2`,
    ],
    ['events {}\nhttp { server { return 999; } }\n', 'ok'],
    ['events {}\nhttp { server { location / { return banana; } } }\n', `invalid return code "banana" in ${F}:2`],
    ['events {}\nhttp { server { listen 80; # a comment ; {\n } }\n', 'ok'],
    ['events {}\nhttp { server { server_name "a b;c"; } }\n', 'ok'],
  ])('%j → %s', (conf, expected) => {
    expect(errorOf(conf)).toBe(expected);
  });

  it('names the included file and its line', () => {
    const conf = 'events {}\nhttp { include conf.d/*.conf; }\n';
    expect(errorOf(conf, { '/etc/nginx/conf.d/site.conf': 'server {\n  listen 80;\n  rooot /srv;\n}\n' })).toBe(
      'unknown directive "rooot" in /etc/nginx/conf.d/site.conf:3',
    );
  });

  it.each([
    ['daemon off;', 'ok'],
    ['daemon off', 'unexpected end of parameter, expecting ";" in command line'],
    ['deamon off;', 'unknown directive "deamon" in command line'],
  ])('-g %j → %s', (global, expected) => {
    expect(errorOf('events {}\n', {}, global)).toBe(expected);
  });
});

describe('what the configuration means', () => {
  const main = `events {}
http {
    include mime.types;
    default_type application/octet-stream;
    log_format short '$remote_addr "$request" $status';
    access_log /var/log/nginx/access.log short;
    root /srv/www;
    error_page 404 /404.html;
    upstream app { server app1:3000; server app2:3000; }
    server {
        listen 8080 default_server;
        listen [::]:8080;
        server_name example.test *.example.test;
        error_page 500 /500.html;
        location / { index home.html; }
        location /api/ { proxy_pass http://app/; proxy_set_header X-Real-IP $remote_addr; }
        location = /health { return 200 "ok"; }
    }
    server { listen 80; root html; }
}
`;
  const fs = fsWith({
    '/etc/nginx/nginx.conf': main,
    '/etc/nginx/mime.types': 'types { text/html html; text/css css; }\n',
  });
  const { conf } = loadConf(fs, '/etc/nginx/nginx.conf', 'daemon off;');

  it('reads main-level settings and -g directives', () => {
    expect(conf.daemon).toBe(false);
    expect(conf.workerProcesses).toBe(1);
    expect(conf.logFormats.get('short')).toBe('$remote_addr "$request" $status');
    expect(conf.upstreams.get('app')).toEqual(['app1:3000', 'app2:3000']);
  });

  it('reads servers: listens, names, inherited root and types', () => {
    const [a, b] = conf.servers;
    expect(a!.listens).toEqual([
      { port: 8080, address: '0.0.0.0', defaultServer: true },
      { port: 8080, address: '[::]', defaultServer: false },
    ]);
    expect(a!.names).toEqual(['example.test', '*.example.test']);
    expect(a!.root).toBe('/srv/www');
    expect(a!.types.get('css')).toBe('text/css');
    expect(b!.root).toBe('/etc/nginx/html');
  });

  it('a list directive at a lower level replaces the inherited list', () => {
    const [a, b] = conf.servers;
    expect([...a!.errorPages.keys()]).toEqual([500]);
    expect([...b!.errorPages.keys()]).toEqual([404]);
  });

  it('reads locations', () => {
    const locs = conf.servers[0]!.locations;
    expect(locs.map((l) => [l.modifier, l.path])).toEqual([
      ['', '/'],
      ['', '/api/'],
      ['=', '/health'],
    ]);
    expect(locs[0]!.index).toEqual(['home.html']);
    expect(locs[1]!.proxyPass?.url).toBe('http://app/');
    expect(locs[1]!.proxySetHeaders).toEqual([['X-Real-IP', '$remote_addr']]);
    expect(locs[2]!.returns).toEqual({ status: 200, text: 'ok' });
  });
});
