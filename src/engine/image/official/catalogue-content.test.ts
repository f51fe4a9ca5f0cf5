import { beforeAll, describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../bytes';
import { elfMachineOf, programOf } from './elf';
import { helloMessage } from './hello-world';
import { ImageFiles } from './image-files';
import { generateOfficialCatalogue, type Catalogue } from './index';
import { amd64, arm64 } from './platforms';
import { resolveImage } from './walk';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await generateOfficialCatalogue();
}, 120_000);

function image(ref: string, arch = 'amd64') {
  const [repo, tag] = ref.split(':') as [string, string];
  return resolveImage(catalogue, `library/${repo}`, tag, arch);
}

async function files(ref: string, arch = 'amd64'): Promise<ImageFiles> {
  return ImageFiles.of(image(ref, arch).layers);
}

async function text(ref: string, path: string, arch = 'amd64'): Promise<string> {
  const bytes = (await files(ref, arch)).read(path);
  if (!bytes) throw new Error(`${ref}: no file ${path}`);
  return fromUtf8(bytes);
}

describe('files a student looks at', () => {
  it.each([
    ['alpine:3.21', 'VERSION_ID=3.21.3\nPRETTY_NAME="Alpine Linux v3.21"'],
    ['alpine:3.19', 'VERSION_ID=3.19.7'],
    ['nginx:alpine', 'VERSION_ID=3.21.3'],
    ['debian:bookworm', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"'],
    ['nginx:latest', 'VERSION_CODENAME=bookworm'],
    ['node:22', 'VERSION_CODENAME=bookworm'],
    ['ubuntu:latest', 'PRETTY_NAME="Ubuntu 24.04.1 LTS"'],
    ['ubuntu:22.04', 'VERSION="22.04.5 LTS (Jammy Jellyfish)"'],
  ])('%s: /etc/os-release says %j', async (ref, expected) => {
    const content = await text(ref, '/etc/os-release');
    expect(content).toContain(expected);
    expect((await files(ref)).lstat('etc/os-release')!.type).toBe('symlink'); // → ../usr/lib/os-release
  });

  it('carries each distribution release file', async () => {
    expect(await text('alpine:latest', '/etc/alpine-release')).toBe('3.21.3\n');
    expect(await text('alpine:3.20', '/etc/alpine-release')).toBe('3.20.6\n');
    expect(await text('debian:bookworm-slim', '/etc/debian_version')).toBe('12.9\n');
    expect(await text('ubuntu:noble', '/etc/debian_version')).toBe('trixie/sid\n');
  });

  it.each([
    ['alpine:latest', 'root:x:0:0:root:/root:/bin/sh'],
    ['debian:latest', 'root:x:0:0:root:/root:/bin/bash'],
    ['nginx:latest', 'nginx:x:101:101:nginx user:/nonexistent:/bin/false'],
    ['nginx:alpine', 'nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin'],
    ['node:22', 'node:x:1000:1000::/home/node:/bin/bash'],
    ['redis:latest', 'redis:x:999:999'],
    ['ubuntu:noble', 'ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash'],
  ])('%s: /etc/passwd has %j', async (ref, line) => {
    expect((await text(ref, '/etc/passwd')).split('\n')).toContainEqual(expect.stringContaining(line));
  });

  it('serves nginx welcome page, configuration and logs the way the real image does', async () => {
    for (const ref of ['nginx:latest', 'nginx:alpine']) {
      const f = await files(ref);
      expect(fromUtf8(f.read('/usr/share/nginx/html/index.html')!)).toContain('<h1>Welcome to nginx!</h1>');
      expect(fromUtf8(f.read('/etc/nginx/nginx.conf')!)).toContain('include /etc/nginx/conf.d/*.conf;');
      expect(fromUtf8(f.read('/etc/nginx/conf.d/default.conf')!)).toContain('root   /usr/share/nginx/html;');
      expect(f.lstat('var/log/nginx/access.log')).toMatchObject({ type: 'symlink', linkname: '/dev/stdout' });
      expect(f.lstat('var/log/nginx/error.log')).toMatchObject({ type: 'symlink', linkname: '/dev/stderr' });
      expect(f.lstat('docker-entrypoint.sh')!.mode).toBe(0o755);
      expect(fromUtf8(f.read('/docker-entrypoint.sh')!)).toContain('Configuration complete; ready for start up');
      expect(f.paths.filter((p) => p.startsWith('docker-entrypoint.d/'))).toHaveLength(4);
      expect(programOf(f.read('/usr/sbin/nginx')!)).toBe('nginx');
    }
  });

  it('serves httpd "It works!" from /usr/local/apache2/htdocs', async () => {
    expect(await text('httpd:2.4', '/usr/local/apache2/htdocs/index.html')).toBe(
      '<html><body><h1>It works!</h1></body></html>\n',
    );
    expect(await text('httpd:2.4', '/usr/local/bin/httpd-foreground')).toContain('exec httpd -DFOREGROUND "$@"');
  });

  it('gives node and redis their entrypoint scripts, executable', async () => {
    for (const ref of ['node:22', 'node:alpine', 'redis:latest']) {
      const f = await files(ref);
      expect(f.lstat('usr/local/bin/docker-entrypoint.sh')!.mode).toBe(0o755);
      expect(fromUtf8(f.read('/usr/local/bin/docker-entrypoint.sh')!)).toMatch(/^#!\/bin\/sh\n[\s\S]*exec "\$@"\n$/);
    }
  });

  it.each([
    ['node:22', '/usr/local/bin/node', 'node'],
    ['node:22-alpine', '/usr/local/bin/nodejs', 'node'],
    ['python:3.12', '/usr/local/bin/python', 'python3.12'],
    ['python:latest', '/usr/local/bin/python3', 'python3.13'],
    ['python:3.12-slim', '/usr/local/bin/python', 'python3.12'],
    ['redis:latest', '/usr/local/bin/redis-server', 'redis-server'],
    ['redis:latest', '/usr/local/bin/redis-sentinel', 'redis-server'],
    ['httpd:latest', '/usr/local/apache2/bin/httpd', 'httpd'],
    ['ubuntu:latest', '/bin/bash', 'bash'],
    ['debian:latest', '/bin/sh', 'dash'],
    ['debian:latest', '/usr/bin/ls', 'ls'],
  ])('%s: %s runs the program %j', async (ref, path, program) => {
    expect(programOf((await files(ref)).read(path)!)).toBe(program);
  });
});

describe('BusyBox', () => {
  it('links alpine applets symbolically to /bin/busybox', async () => {
    const f = await files('alpine:latest');
    for (const path of ['bin/sh', 'bin/ls', 'bin/cat', 'bin/echo', 'usr/bin/wc', 'sbin/ip']) {
      expect(f.lstat(path)).toMatchObject({ type: 'symlink', linkname: '/bin/busybox' });
      expect(programOf(f.read(path)!)).toBe('busybox');
    }
  });

  it('links the busybox image applets as hard links in /bin', async () => {
    const f = await files('busybox:latest');
    for (const path of ['bin/sh', 'bin/ls', 'bin/cat', 'bin/echo', 'bin/wc']) {
      expect(f.lstat(path)).toMatchObject({ type: 'hardlink', linkname: 'bin/busybox' });
      expect(programOf(f.read(path)!)).toBe('busybox');
    }
  });

  it('has different machine code per architecture and the same text', async () => {
    const [x86, arm] = await Promise.all([files('alpine:latest', 'amd64'), files('alpine:latest', 'arm64')]);
    expect(elfMachineOf(x86.read('/bin/busybox')!)).toBe(62);
    expect(elfMachineOf(arm.read('/bin/busybox')!)).toBe(183);
    expect(x86.read('/bin/busybox')).not.toEqual(arm.read('/bin/busybox'));
    expect(x86.read('/etc/os-release')).toEqual(arm.read('/etc/os-release'));
    expect(x86.read('/etc/passwd')).toEqual(arm.read('/etc/passwd'));
    expect(x86.lstat('lib/ld-musl-x86_64.so.1')).toBeDefined();
    expect(arm.lstat('lib/ld-musl-aarch64.so.1')).toBeDefined();
  });
});

describe('hello-world', () => {
  it.each([
    ['amd64', amd64, '(amd64)'],
    ['arm64', arm64, '(arm64v8)'],
  ])('/hello on %s is the program "hello" and carries the message', async (arch, platform, archText) => {
    const hello = (await files('hello-world:latest', arch)).read('/hello')!;
    expect(programOf(hello)).toBe('hello');
    const latin1 = new TextDecoder('latin1').decode(hello);
    expect(latin1).toContain(helloMessage(platform));
    expect(helloMessage(platform)).toContain(`Hello from Docker!`);
    expect(helloMessage(platform)).toContain(archText);
  });
});
