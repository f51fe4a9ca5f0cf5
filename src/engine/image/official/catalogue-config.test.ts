import { beforeAll, describe, expect, it } from 'vitest';
import type { ContainerConfig } from '../types';
import { generateOfficialCatalogue, type Catalogue } from './index';
import { resolveImage } from './walk';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await generateOfficialCatalogue();
}, 120_000);

function image(ref: string, arch = 'amd64') {
  const [repo, tag] = ref.split(':') as [string, string];
  return resolveImage(catalogue, `library/${repo}`, tag, arch);
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

describe('runtime defaults (docker inspect → Config)', () => {
  it.each<[string, Partial<ContainerConfig>]>([
    ['hello-world:latest', { Cmd: ['/hello'], Env: [PATH], WorkingDir: '/' }],
    ['busybox:latest', { Cmd: ['sh'], Env: [PATH] }],
    ['alpine:latest', { Cmd: ['/bin/sh'], Env: [PATH] }],
    ['debian:bookworm', { Cmd: ['bash'], Env: [PATH] }],
    [
      'ubuntu:latest',
      {
        Cmd: ['/bin/bash'],
        Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' },
      },
    ],
    [
      'nginx:latest',
      {
        Entrypoint: ['/docker-entrypoint.sh'],
        Cmd: ['nginx', '-g', 'daemon off;'],
        ExposedPorts: { '80/tcp': {} },
        StopSignal: 'SIGQUIT',
        Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
      },
    ],
    ['nginx:alpine', { Cmd: ['nginx', '-g', 'daemon off;'], StopSignal: 'SIGQUIT', ExposedPorts: { '80/tcp': {} } }],
    [
      'httpd:latest',
      {
        Cmd: ['httpd-foreground'],
        StopSignal: 'SIGWINCH',
        WorkingDir: '/usr/local/apache2',
        ExposedPorts: { '80/tcp': {} },
      },
    ],
    [
      'redis:latest',
      {
        Entrypoint: ['docker-entrypoint.sh'],
        Cmd: ['redis-server'],
        Volumes: { '/data': {} },
        WorkingDir: '/data',
        ExposedPorts: { '6379/tcp': {} },
      },
    ],
    ['node:22', { Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] }],
    ['python:3.12', { Cmd: ['python3'] }],
  ])('%s', (ref, expected) => {
    for (const arch of ['amd64', 'arm64']) expect(image(ref, arch).config.config).toMatchObject(expected);
  });

  it.each([
    ['nginx:latest', 'NGINX_VERSION=1.27.4'],
    ['nginx:latest', 'NJS_VERSION=0.8.9'],
    ['nginx:alpine', 'NGINX_VERSION=1.27.4'],
    ['node:22', 'NODE_VERSION=22.14.0'],
    ['node:22-alpine', 'NODE_VERSION=22.14.0'],
    ['node:latest', 'NODE_VERSION=23.8.0'],
    ['node:22', 'YARN_VERSION=1.22.22'],
    ['python:3.12', 'PYTHON_VERSION=3.12.9'],
    ['python:latest', 'PYTHON_VERSION=3.13.2'],
    ['python:3.12-slim', 'LANG=C.UTF-8'],
    ['python:3.12', 'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['httpd:latest', 'HTTPD_VERSION=2.4.63'],
    ['httpd:latest', 'PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['redis:latest', 'REDIS_VERSION=7.4.2'],
  ])('%s has %s in Env', (ref, variable) => {
    expect(image(ref).config.config!.Env).toContain(variable);
  });

  it('has fixed, plausible creation times (base images before the images built on them)', () => {
    const time = (ref: string) => Date.parse(image(ref).config.created!);
    expect(time('alpine:3.21')).toBeLessThan(time('nginx:alpine'));
    expect(time('debian:bookworm-slim')).toBeLessThan(time('nginx:latest'));
    expect(time('debian:bookworm')).toBeLessThan(time('node:22'));
    for (const ref of ['alpine:latest', 'nginx:latest', 'node:latest', 'ubuntu:latest']) {
      expect(time(ref)).toBeGreaterThan(Date.parse('2025-01-01T00:00:00Z'));
      expect(time(ref)).toBeLessThan(Date.parse('2025-03-01T00:00:00Z'));
    }
  });
});

describe('history (docker history)', () => {
  const createdBy = (ref: string) => image(ref).config.history!.map((h) => h.created_by);

  it('writes alpine as BuildKit did', () => {
    expect(createdBy('alpine:3.21')).toEqual([
      'ADD alpine-minirootfs-3.21.3-x86_64.tar.gz / # buildkit',
      'CMD ["/bin/sh"]',
    ]);
    expect(image('alpine:3.21', 'arm64').config.history![0]!.created_by).toBe(
      'ADD alpine-minirootfs-3.21.3-aarch64.tar.gz / # buildkit',
    );
    expect(image('alpine:3.21').config.history![0]!.comment).toBe('buildkit.dockerfile.v0');
  });

  it('writes nginx as BuildKit did, FROM the debian history', () => {
    const lines = createdBy('nginx:latest');
    expect(lines[0]).toBe("# debian.sh --arch 'amd64' out/ 'bookworm' '@1738540800'");
    expect(lines).toContain('LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>');
    expect(lines).toContain('ENV NGINX_VERSION=1.27.4');
    expect(lines).toContain('COPY docker-entrypoint.sh / # buildkit');
    expect(lines).toContain('COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit');
    expect(lines).toContain('EXPOSE map[80/tcp:{}]');
    expect(lines.slice(-3)).toEqual([
      'EXPOSE map[80/tcp:{}]',
      'STOPSIGNAL SIGQUIT',
      'CMD ["nginx" "-g" "daemon off;"]',
    ]);
    expect(lines.filter((l) => l!.startsWith('RUN /bin/sh -c ') && l!.endsWith(' # buildkit'))).toHaveLength(1);
  });

  it('writes ubuntu as the classic builder did, quoting the layer in ADD', () => {
    const ubuntu = image('ubuntu:latest');
    expect(ubuntu.config.history!.map((h) => h.created_by)).toEqual([
      '/bin/sh -c #(nop)  ARG RELEASE',
      '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH',
      '/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu',
      '/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=24.04',
      `/bin/sh -c #(nop) ADD file:${ubuntu.config.rootfs.diff_ids[0]!.slice(7)} in / `,
      '/bin/sh -c #(nop)  CMD ["/bin/bash"]',
    ]);
  });

  it.each(['nginx:latest', 'redis:latest', 'node:22-alpine', 'python:3.12-slim', 'httpd:latest'])(
    '%s marks exactly the metadata steps empty_layer',
    (ref) => {
      for (const h of image(ref).config.history!) {
        const changesFiles = /^(RUN|COPY|ADD) |^# debian\.sh /.test(h.created_by!);
        expect(h.empty_layer ?? false, h.created_by).toBe(!changesFiles);
      }
    },
  );

  it('annotates manifests as docker-library does', () => {
    expect(image('nginx:alpine', 'arm64').manifest.annotations).toMatchObject({
      'com.docker.official-images.bashbrew.arch': 'arm64v8',
      'org.opencontainers.image.base.name': 'nginx:1.27.4-alpine-slim',
      'org.opencontainers.image.url': 'https://hub.docker.com/_/nginx',
      'org.opencontainers.image.version': '1.27.4-alpine',
    });
  });
});
