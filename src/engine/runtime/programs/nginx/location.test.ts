import { describe, expect, it } from 'vitest';
import { Overlay } from '../../../layer/overlay';
import { emptySnapshot } from '../../../layer/snapshot';
import { loadConf } from './conf';
import { findLocation } from './location';

const conf = `events {}
http { server {
    location / { }
    location /images/ { location /images/big/ { } }
    location ^~ /static/ { }
    location = / { }
    location ~ \\.php$ { }
    location ~* \\.(png|jpg)$ { }
} }
`;

describe('which location answers (nginx rules)', () => {
  const fs = new Overlay(emptySnapshot());
  fs.mkdir('/etc/nginx', { parents: true });
  fs.writeFile('/etc/nginx/nginx.conf', conf);
  const locations = loadConf(fs, '/etc/nginx/nginx.conf').conf.servers[0]!.locations;
  const label = (uri: string) => {
    const l = findLocation(locations, uri);
    return l ? `${l.modifier}${l.modifier ? ' ' : ''}${l.path}` : 'none';
  };

  it.each([
    ['/', '= /'],
    ['/index.html', '/'],
    ['/images/a.gif', '/images/'],
    ['/images/big/a.gif', '/images/big/'],
    ['/images/a.PNG', '~* \\.(png|jpg)$'],
    ['/static/a.png', '^~ /static/'],
    ['/x/index.php', '~ \\.php$'],
    ['/x/index.PHP', '/'],
  ])('%s → location %s', (uri, expected) => {
    expect(label(uri)).toBe(expected);
  });
});
