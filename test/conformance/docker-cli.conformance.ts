// The daemon's local image commands, driven by the real docker CLI (28.2.2) through
// `npm run serve -- --engine 127.0.0.1:<port>` (its script, run as one node process): version, info, load, images (table, --digests, -q,
// --format), tag, rmi (untag, delete, conflict), history, inspect (an image; a missing object),
// save/load round trip, prune, system df and events. Images come in through `docker load` of an
// archive our engine writes from the official catalogue (alpine and hello-world, linux/amd64), so
// this suite needs no registry. Every CLI call runs under `timeout -s KILL 30` with a private
// DOCKER_CONFIG; the server is stopped by its PID.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Digest } from '../../src/engine/digest';
import { encodedOf, shortId } from '../../src/engine/digest';
import { saveImages, type SaveInput } from '../../src/engine/image/archive';
import { parseConfig } from '../../src/engine/image/config';
import { chainIds } from '../../src/engine/image/identity';
import { generateOfficialCatalogue } from '../../src/engine/image/official';
import { parseManifestOrIndex } from '../../src/engine/image/parse-any';
import { selectPlatform } from '../../src/engine/image/platform';
import { humanSize, layerDiffSize } from '../../src/engine/image/size';
import { gunzip } from '../../src/engine/layer/gzip';
import { readTar } from '../../src/engine/layer/tar';
import { findTool } from './tools';
import { freePort, run, startBackground, type Background, type RunResult } from './support/processes';

const docker = findTool('docker');

interface Fixture {
  name: string;
  id: Digest;
  diffIds: Digest[];
  chain: Digest[];
  size: number;
  createdBy: string[];
}

let engine: Background;
let host: string;
let work: string;
let archive: string;
const fixtures = new Map<string, Fixture>();

/** An image of the catalogue for linux/amd64, as `docker save` input plus what we expect of it. */
async function catalogueImage(repository: string, tag: string): Promise<{ input: SaveInput; fixture: Fixture }> {
  const catalogue = await generateOfficialCatalogue();
  const blob = (d: Digest) => catalogue.blobs.get(d)!;
  const indexDigest = catalogue.repositories.get(`library/${repository}`)!.get(tag)!;
  const index = parseManifestOrIndex(blob(indexDigest).bytes, blob(indexDigest).mediaType);
  if (index.kind !== 'index') throw new Error('expected an index');
  const chosen = selectPlatform(index.index, { os: 'linux', architecture: 'amd64' });
  const manifest = parseManifestOrIndex(blob(chosen.digest).bytes, chosen.mediaType);
  if (manifest.kind !== 'manifest') throw new Error('expected a manifest');
  const config = blob(manifest.manifest.config.digest).bytes;
  const layers = manifest.manifest.layers.map((l) => gunzip(blob(l.digest).bytes));
  const parsed = parseConfig(config);
  return {
    input: { config, layers, repoTags: [`${repository}:${tag}`] },
    fixture: {
      name: `${repository}:${tag}`,
      id: manifest.manifest.config.digest,
      diffIds: parsed.rootfs.diff_ids,
      chain: await chainIds(parsed.rootfs.diff_ids),
      size: layers.reduce((sum, tar) => sum + layerDiffSize(readTar(tar)), 0),
      createdBy: (parsed.history ?? []).map((h) => h.created_by ?? ''),
    },
  };
}

function dockerRun(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return run('timeout', ['-s', 'KILL', '30', 'docker', ...args], {
    DOCKER_HOST: `tcp://${host}`,
    DOCKER_CONFIG: join(work, 'config'),
    ...env,
  });
}

/** Run docker and demand success; returns stdout. */
async function dockerOk(...args: string[]): Promise<string> {
  const r = await dockerRun(args);
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')} exited ${r.code}: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** Table rows split on the tabwriter's padding (two or more spaces). */
function rows(table: string): string[][] {
  return table
    .trimEnd()
    .split('\n')
    .map((line) => line.trimEnd().split(/ {2,}/));
}

const alpine = () => fixtures.get('alpine:latest')!;
const hello = () => fixtures.get('hello-world:latest')!;

describe.skipIf(!docker.present)(`docker CLI against the daemon (${docker.version || 'docker missing'})`, () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'dockyard-docker-cli-'));
    const images = await Promise.all([catalogueImage('alpine', 'latest'), catalogueImage('hello-world', 'latest')]);
    for (const { fixture } of images) fixtures.set(fixture.name, fixture);
    archive = join(work, 'catalogue.tar');
    writeFileSync(archive, await saveImages(images.map((i) => i.input)));
    const port = await freePort();
    host = `127.0.0.1:${port}`;
    // `npm run serve` is `tsx src/node/serve.ts`; run as one node process so that stopping it by
    // PID stops it all (npm and the tsx launcher would leave the server behind as an orphan).
    engine = await startBackground(
      process.execPath,
      ['--import', 'tsx', 'src/node/serve.ts', '--engine', host],
      async () => {
        const res = await fetch(`http://${host}/_ping`);
        return res.ok;
      },
    );
  });

  afterAll(async () => {
    await engine?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('docker version: server 28.2.2, API 1.50 (minimum 1.24)', async () => {
    const out = await dockerOk(
      'version',
      '--format',
      '{{.Server.Version}} {{.Server.APIVersion}} {{.Server.MinAPIVersion}} {{.Server.Os}}/{{.Server.Arch}}',
    );
    expect(out).toBe('28.2.2 1.50 1.24 linux/amd64\n');
    const full = await dockerOk('version');
    expect(full).toContain('Server: Docker Engine - Community');
    expect(full).toMatch(/\n {2}API version: {6}1\.50 \(minimum version 1\.24\)\n/);
  });

  it('docker info: the laptop, overlay2, insecure loopback registries', async () => {
    expect(
      await dockerOk(
        'info',
        '--format',
        '{{.Name}} {{.Driver}} {{.ServerVersion}} {{.OSType}} {{.Swarm.LocalNodeState}}',
      ),
    ).toBe('laptop overlay2 28.2.2 linux inactive\n');
    const out = await dockerOk('info');
    expect(out).toContain(' Storage Driver: overlay2\n');
    expect(out).toContain(' Insecure Registries:\n  ::1/128\n  127.0.0.0/8\n');
  });

  it('docker load: an archive our engine wrote', async () => {
    expect(await dockerOk('load', '-i', archive)).toBe(
      'Loaded image: alpine:latest\nLoaded image: hello-world:latest\n',
    );
    expect(await dockerOk('info', '--format', '{{.Images}}')).toBe('2\n');
  });

  it('docker images: the classic table, --digests, -q, --format', async () => {
    const table = rows(await dockerOk('images'));
    expect(table[0]).toEqual(['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE']);
    const body = table.slice(1).sort((a, b) => a[0]!.localeCompare(b[0]!));
    expect(body.map(([repo, tag, id, , size]) => [repo, tag, id, size])).toEqual([
      ['alpine', 'latest', shortId(alpine().id), humanSize(alpine().size)],
      ['hello-world', 'latest', shortId(hello().id), humanSize(hello().size)],
    ]);
    for (const row of body) expect(row[3]).toMatch(/ ago$/);

    const digests = rows(await dockerOk('images', '--digests'));
    expect(digests[0]).toEqual(['REPOSITORY', 'TAG', 'DIGEST', 'IMAGE ID', 'CREATED', 'SIZE']);
    expect(digests.slice(1).map((r) => r[2])).toEqual(['<none>', '<none>']);

    const quiet = (await dockerOk('images', '-q')).trim().split('\n').sort();
    expect(quiet).toEqual([shortId(alpine().id), shortId(hello().id)].sort());
    const formatted = (await dockerOk('images', '--format', '{{.Repository}}:{{.Tag}}')).trim().split('\n').sort();
    expect(formatted).toEqual(['alpine:latest', 'hello-world:latest']);
    expect(await dockerOk('images', '--no-trunc', '-q', 'alpine')).toBe(`${alpine().id}\n`);
  });

  it('docker tag, then docker images shows both names', async () => {
    expect(await dockerOk('tag', 'alpine', '127.0.0.1:5000/demo/alpine:v1')).toBe('');
    const out = await dockerOk('images', '--format', '{{.Repository}} {{.Tag}} {{.ID}}', 'alpine');
    expect(out).toBe(`alpine latest ${shortId(alpine().id)}\n`);
    const all = (await dockerOk('images', '--format', '{{.Repository}}:{{.Tag}}')).trim().split('\n').sort();
    expect(all).toEqual(['127.0.0.1:5000/demo/alpine:v1', 'alpine:latest', 'hello-world:latest']);
    const missing = await dockerRun(['tag', 'nosuch', 'x']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('Error response from daemon: No such image: nosuch:latest\n');
  });

  it('docker rmi: a conflict by ID, an untag, a delete', async () => {
    const conflict = await dockerRun(['rmi', shortId(alpine().id)]);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${shortId(alpine().id)} (must be forced) - image is referenced in multiple repositories\n`,
    );
    expect(await dockerOk('rmi', '127.0.0.1:5000/demo/alpine:v1')).toBe('Untagged: 127.0.0.1:5000/demo/alpine:v1\n');
    expect(await dockerOk('rmi', 'hello-world')).toBe(
      [
        'Untagged: hello-world:latest',
        `Deleted: ${hello().id}`,
        ...[...hello().chain].reverse().map((c) => `Deleted: ${c}`),
        '',
      ].join('\n'),
    );
    const gone = await dockerRun(['rmi', 'hello-world']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toBe('Error response from daemon: No such image: hello-world:latest\n');
  });

  it('docker history: newest first, <missing> below the image', async () => {
    const table = rows(await dockerOk('history', 'alpine'));
    expect(table[0]).toEqual(['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT']);
    const ids = table.slice(1).map((r) => r[0]);
    expect(ids[0]).toBe(shortId(alpine().id));
    expect(ids.slice(1).every((id) => id === '<missing>')).toBe(true);
    const formatted = await dockerOk('history', '--no-trunc', '--format', '{{.CreatedBy}}', 'alpine');
    expect(formatted).toBe([...alpine().createdBy].reverse().join('\n') + '\n');
  });

  it('docker inspect: an image, and a missing object', async () => {
    const [image] = JSON.parse(await dockerOk('inspect', 'alpine')) as Record<string, unknown>[];
    expect(image).toMatchObject({
      Id: alpine().id,
      RepoTags: ['alpine:latest'],
      RepoDigests: [],
      Os: 'linux',
      Architecture: 'amd64',
      Size: alpine().size,
      RootFS: { Type: 'layers', Layers: alpine().diffIds },
      GraphDriver: { Name: 'overlay2' },
    });
    // `docker tag` stamped it; `docker load` and pull do not.
    expect((image!.Metadata as { LastTagTime: string }).LastTagTime).toMatch(/^20\d\d-\d\d-\d\dT[\d:.]+Z$/);
    expect(await dockerOk('image', 'inspect', '--format', '{{.Id}}', encodedOf(alpine().id).slice(0, 6))).toBe(
      `${alpine().id}\n`,
    );
    const missing = await dockerRun(['inspect', 'nosuch']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('[]\n');
    expect(missing.stderr).toBe('Error: No such object: nosuch\n');
  });

  it('docker save -o, docker rmi, docker load -i: the same image comes back', async () => {
    const saved = join(work, 'alpine.tar');
    expect(await dockerOk('save', '-o', saved, 'alpine')).toBe('');
    expect(await dockerOk('rmi', 'alpine')).toBe(
      [
        'Untagged: alpine:latest',
        `Deleted: ${alpine().id}`,
        ...[...alpine().chain].reverse().map((c) => `Deleted: ${c}`),
        '',
      ].join('\n'),
    );
    expect(await dockerOk('images', '-q')).toBe('');
    expect(await dockerOk('load', '-i', saved)).toBe('Loaded image: alpine:latest\n');
    const [reloaded] = JSON.parse(await dockerOk('inspect', 'alpine')) as { Metadata: { LastTagTime: string } }[];
    expect(reloaded!.Metadata.LastTagTime).toBe('0001-01-01T00:00:00Z');
    expect(await dockerOk('images', '--no-trunc', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}')).toBe(
      `${alpine().id} alpine:latest\n`,
    );
    const missing = await dockerRun(['save', '-o', join(work, 'x.tar'), 'nosuch:1']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('Error response from daemon: reference does not exist\n');
  });

  it('docker image prune and docker system df', async () => {
    expect(await dockerOk('image', 'prune', '-f')).toBe('Total reclaimed space: 0B\n');
    const df = rows(await dockerOk('system', 'df'));
    expect(df[0]).toEqual(['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE']);
    expect(df[1]!.slice(0, 4)).toEqual(['Images', '1', '0', humanSize(alpine().size, 4)]);
  });

  it('docker events: what happened, filtered, up to now', async () => {
    const until = String(Math.floor(Date.now() / 1000) + 1);
    const out = await dockerOk(
      'events',
      '--since',
      '0',
      '--until',
      until,
      '--filter',
      'type=image',
      '--format',
      '{{.Action}} {{.Actor.ID}}',
    );
    const lines = out.split('\n').map((l) => l.trimEnd());
    expect(lines).toContain(`load ${alpine().id}`);
    expect(lines).toContain(`tag ${alpine().id}`);
    expect(lines).toContain(`delete ${hello().id}`);
    expect(lines).toContain('prune');
    const loads = await dockerOk(
      'events',
      '--since',
      '0',
      '--until',
      until,
      '--filter',
      'event=load',
      '--format',
      '{{.Action}}',
    );
    expect(loads).toBe('load\nload\nload\n');
  });
});
