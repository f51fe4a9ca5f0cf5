// The daemon's distribution, driven by the real docker CLI (28.2.2) through `npm run serve --
// --engine 127.0.0.1:<port>` (run as one node process, stopped by PID): pull from the simulated hub
// (fresh, a shared base layer `Already exists`, `Image is up to date`), the errors Docker prints,
// login to `registry.example.com` (wrong and right password; the CLI stores the credentials in the
// private DOCKER_CONFIG), tag and push there (fresh, then `Layer already exists`), search — and the
// cross-check with the reference registry on loopback: what our daemon pushes there, skopeo reads
// back with the digest our daemon printed; what skopeo copies there (an image umoci made, not us),
// our daemon pulls. Every CLI call runs under `timeout -s KILL 60`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { worldRegistryConfig } from '../../src/engine/registry/presets';
import { findTool } from './tools';
import { freePort, mustRun, run, startBackground, type Background, type RunResult } from './support/processes';
import { startReferenceRegistry, type RunningRegistry } from './support/registries';

const tools = [findTool('docker'), findTool('skopeo'), findTool('umoci'), findTool('docker-registry', ['--version'])];
const missing = tools.filter((t) => !t.present).map((t) => t.apt);

let engine: Background;
let reference: RunningRegistry;
let host: string;
let work: string;

function docker(...args: string[]): Promise<RunResult> {
  return run('timeout', ['-s', 'KILL', '60', 'docker', ...args], {
    DOCKER_HOST: `tcp://${host}`,
    DOCKER_CONFIG: join(work, 'config'),
  });
}

async function dockerOk(...args: string[]): Promise<string> {
  const r = await docker(...args);
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')} exited ${r.code}: ${r.stderr || r.stdout}`);
  return r.stdout;
}

const id12 = '[0-9a-f]{12}';
const digest = 'sha256:[0-9a-f]{64}';

/** Match output line by line against patterns (each anchored, `@ID` a 12-hex layer ID, `@DIGEST` a digest). */
function expectLines(output: string, patterns: string[]): void {
  const lines = output.trimEnd().split('\n');
  expect(lines).toHaveLength(patterns.length);
  patterns.forEach((pattern, i) => {
    const re = new RegExp(`^${pattern.replaceAll('@ID', id12).replaceAll('@DIGEST', digest)}$`);
    expect(lines[i], `line ${i + 1}`).toMatch(re);
  });
}

/** An image umoci builds (not our engine): /etc/motd and a 300 KiB data file, in an OCI layout. */
async function foreignImage(dir: string): Promise<string> {
  const layout = join(dir, 'layout');
  const files = join(dir, 'files');
  mkdirSync(join(files, 'etc'), { recursive: true });
  writeFileSync(join(files, 'etc/motd'), 'made by umoci, copied by skopeo, pulled by Dockyard\n');
  writeFileSync(join(files, 'etc/data.bin'), Buffer.alloc(300 * 1024, 7));
  await mustRun('umoci', ['init', '--layout', layout]);
  await mustRun('umoci', ['new', '--image', `${layout}:v1`]);
  await mustRun('umoci', ['insert', '--rootless', '--image', `${layout}:v1`, join(files, 'etc'), '/etc']);
  return layout;
}

describe.skipIf(missing.length > 0)(
  `docker CLI pull, push, login, search (missing: ${missing.join(', ') || 'none'})`,
  () => {
    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'dockyard-docker-distribution-'));
      mkdirSync(join(work, 'config'));
      host = `127.0.0.1:${await freePort()}`;
      engine = await startBackground(
        process.execPath,
        ['--import', 'tsx', 'src/node/serve.ts', '--engine', host],
        async () => {
          const res = await fetch(`http://${host}/_ping`);
          return res.ok;
        },
      );
      reference = await startReferenceRegistry(await worldRegistryConfig('registry.example.com'));
    });

    afterAll(async () => {
      await engine?.stop();
      await reference?.stop();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    let alpineLayer = '';

    it('docker pull alpine: a fresh pull, line by line', async () => {
      const out = await dockerOk('pull', 'alpine');
      expectLines(out, [
        'Using default tag: latest',
        'latest: Pulling from library/alpine',
        '@ID: Pulling fs layer',
        '@ID: Verifying Checksum',
        '@ID: Download complete',
        '@ID: Pull complete',
        'Digest: @DIGEST',
        'Status: Downloaded newer image for alpine:latest',
        'docker\\.io/library/alpine:latest',
      ]);
      alpineLayer = out.split('\n')[2]!.slice(0, 12);
      expect(await dockerOk('images', '--format', '{{.Repository}}:{{.Tag}}')).toBe('alpine:latest\n');
    });

    it('docker pull nginx:alpine: the shared base layer already exists', async () => {
      const out = await dockerOk('pull', 'nginx:alpine');
      const lines = out.trimEnd().split('\n');
      expect(lines[0]).toBe('alpine: Pulling from library/nginx');
      expect(lines[1]).toBe(`${alpineLayer}: Already exists`);
      expect(lines.filter((l) => l.endsWith(': Pull complete'))).toHaveLength(7);
      expect(lines.filter((l) => l.endsWith(': Waiting'))).toHaveLength(4);
      expect(lines.slice(-2)).toEqual([
        'Status: Downloaded newer image for nginx:alpine',
        'docker.io/library/nginx:alpine',
      ]);
    });

    it('docker pull alpine again: up to date, nothing downloaded', async () => {
      expectLines(await dockerOk('pull', 'alpine'), [
        'Using default tag: latest',
        'latest: Pulling from library/alpine',
        'Digest: @DIGEST',
        'Status: Image is up to date for alpine:latest',
        'docker\\.io/library/alpine:latest',
      ]);
    });

    it.each([
      [
        'nosuch',
        "Error response from daemon: pull access denied for nosuch, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      ],
      [
        'alpine:nope',
        'Error response from daemon: manifest for alpine:nope not found: manifest unknown: manifest unknown',
      ],
    ])('docker pull %s fails as Docker fails', async (name, message) => {
      const r = await docker('pull', name);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n').at(-1)).toBe(message);
    });

    it('docker login registry.example.com: a wrong password fails, the right one is stored', async () => {
      const wrong = await docker('login', 'registry.example.com', '-u', 'student', '-p', 'wrong');
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain(
        'Error response from daemon: Get "https://registry.example.com/v2/": unauthorized: incorrect username or password',
      );
      const right = await docker('login', 'registry.example.com', '-u', 'student', '-p', 'dockyard');
      expect(right.code).toBe(0);
      expect(right.stdout).toBe('Login Succeeded\n');
      const config = JSON.parse(readFileSync(join(work, 'config/config.json'), 'utf8')) as {
        auths: Record<string, { auth: string }>;
      };
      expect(Buffer.from(config.auths['registry.example.com']!.auth, 'base64').toString()).toBe('student:dockyard');
    });

    it('docker push registry.example.com/student/alpine:v1, then again', async () => {
      await dockerOk('tag', 'alpine', 'registry.example.com/student/alpine:v1');
      const fresh = await dockerOk('push', 'registry.example.com/student/alpine:v1');
      expectLines(fresh, [
        'The push refers to repository \\[registry\\.example\\.com/student/alpine\\]',
        '@ID: Preparing',
        '@ID: Pushed',
        'v1: digest: @DIGEST size: \\d+',
      ]);
      // Push shows the DiffID, pull the compressed digest: the same layer, two IDs.
      expect(fresh.split('\n')[1]!.slice(0, 12)).not.toBe(alpineLayer);
      expectLines(await dockerOk('push', 'registry.example.com/student/alpine:v1'), [
        'The push refers to repository \\[registry\\.example\\.com/student/alpine\\]',
        '@ID: Preparing',
        '@ID: Layer already exists',
        'v1: digest: @DIGEST size: \\d+',
      ]);
    });

    it('docker push to the hub without a login is denied', async () => {
      await dockerOk('tag', 'alpine', 'student/alpine');
      const r = await docker('push', 'student/alpine');
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n').at(-1)).toBe('denied: requested access to the resource is denied');
    });

    it('push to the reference registry: skopeo reads back the digest our daemon printed', async () => {
      const target = `${reference.host}/student/alpine:v1`;
      await dockerOk('login', reference.host, '-u', 'student', '-p', 'dockyard');
      await dockerOk('tag', 'alpine', target);
      const out = await dockerOk('push', target);
      const printed = /v1: digest: (sha256:[0-9a-f]{64}) size: (\d+)/.exec(out);
      expect(printed, out).not.toBeNull();
      const inspect = JSON.parse(
        await mustRun('skopeo', ['inspect', '--tls-verify=false', '--creds', 'student:dockyard', `docker://${target}`]),
      ) as { Digest: string; Architecture: string };
      expect(inspect.Digest).toBe(printed![1]);
      expect(inspect.Architecture).toBe('amd64');
      const raw = await mustRun('skopeo', [
        'inspect',
        '--raw',
        '--tls-verify=false',
        '--creds',
        'student:dockyard',
        `docker://${target}`,
      ]);
      expect(raw.length).toBe(Number(printed![2]));
      expect(JSON.parse(raw)).toMatchObject({ mediaType: 'application/vnd.docker.distribution.manifest.v2+json' });
    });

    it('skopeo copies an image umoci made into the reference registry; our daemon pulls it', async () => {
      const layout = await foreignImage(join(work, 'foreign'));
      const target = `${reference.host}/team/motd:v1`;
      await mustRun('skopeo', [
        'copy',
        '--dest-tls-verify=false',
        '--dest-creds',
        'student:dockyard',
        `oci:${layout}:v1`,
        `docker://${target}`,
      ]);
      const inspect = JSON.parse(
        await mustRun('skopeo', ['inspect', '--tls-verify=false', '--creds', 'student:dockyard', `docker://${target}`]),
      ) as { Digest: string };
      const out = await dockerOk('pull', target);
      expectLines(out, [
        'v1: Pulling from team/motd',
        '@ID: Pulling fs layer',
        '@ID: Verifying Checksum',
        '@ID: Download complete',
        '@ID: Pull complete',
        `Digest: ${inspect.Digest}`,
        `Status: Downloaded newer image for ${reference.host.replaceAll('.', '\\.')}/team/motd:v1`,
        `${reference.host.replaceAll('.', '\\.')}/team/motd:v1`,
      ]);
      const digests = await dockerOk('image', 'inspect', '--format', '{{json .RepoDigests}}', target);
      expect(JSON.parse(digests)).toEqual([`${reference.host}/team/motd@${inspect.Digest}`]);
    });

    it('docker search nginx: the official image, from the hub', async () => {
      const out = await dockerOk('search', 'nginx');
      const lines = out.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^NAME\s+DESCRIPTION\s+STARS\s+OFFICIAL$/);
      expect(lines[1]).toMatch(/^nginx\s+Official build of nginx.*\s+\d+\s+\[OK\]$/);
    });
  },
);
