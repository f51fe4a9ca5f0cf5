// The registry, driven by real clients: skopeo, umoci and the docker CLI run the same sequence of
// operations first against the reference registry (the control) and then against Dockyard's
// registry; every observation must agree. Both registries use Docker Hub's rules (anonymous pulls,
// pushes only into your own namespace) with delete enabled, and the same accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { worldRegistryConfig } from '../../src/engine/registry/presets';
import { findTool } from './tools';
import { mustRun, run } from './support/processes';
import { startLoggingProxy, type LoggingProxy } from './support/logging-proxy';
import { startDockyardRegistry, startReferenceRegistry, type RunningRegistry } from './support/registries';

const tools = [findTool('skopeo'), findTool('umoci'), findTool('docker'), findTool('docker-registry', ['--version'])];
const missing = tools.filter((t) => !t.present).map((t) => t.apt);

let work: string;
let motd: string;

/** An OCI layout made by umoci (not by us): /etc/motd and 1 MiB of random data. */
async function makeSourceImage(dir: string): Promise<string> {
  const layout = join(dir, 'source');
  const files = join(dir, 'files');
  mkdirSync(join(files, 'etc'), { recursive: true });
  mkdirSync(join(files, 'data'), { recursive: true });
  motd = `welcome to the conformance image ${Date.now()}\n`;
  writeFileSync(join(files, 'etc/motd'), motd);
  writeFileSync(join(files, 'data/random.bin'), randomBytes(1 << 20));
  await mustRun('umoci', ['init', '--layout', layout]);
  await mustRun('umoci', ['new', '--image', `${layout}:v1`]);
  await mustRun('umoci', ['insert', '--rootless', '--image', `${layout}:v1`, join(files, 'etc'), '/etc']);
  await mustRun('umoci', ['insert', '--rootless', '--image', `${layout}:v1`, join(files, 'data'), '/data']);
  return layout;
}

type Observation = string;
type Step = [name: string, act: (host: string, scratch: string) => Promise<Observation>];

function normalise(text: string, host: string): string {
  return text
    .replaceAll(host, 'HOST')
    .replace(/time="[^"]*" level=\w+ msg=/g, '')
    .replace(/\/tmp\/[^\s"]+/g, 'TMP')
    .trim();
}

const skopeo = (host: string, args: string[]) =>
  run('skopeo', args).then((r) => `exit ${r.code}\n${normalise(r.stdout + r.stderr, host)}`);
// skopeo copies blobs in parallel, so the order of its "Copying blob" lines varies: sort them.
const copyLines = (out: string) =>
  out
    .split('\n')
    .filter((l) => /^(exit|Copying|Writing)/.test(l))
    .sort((a, b) => (a.startsWith('Copying blob') && b.startsWith('Copying blob') ? a.localeCompare(b) : 0))
    .join('\n');

async function bearer(host: string, scope: string): Promise<Record<string, string>> {
  const probe = await fetch(`http://${host}/v2/`);
  const challenge = probe.headers.get('www-authenticate') ?? '';
  const realm = /realm="([^"]+)"/.exec(challenge)?.[1];
  const service = /service="([^"]+)"/.exec(challenge)?.[1];
  const res = await fetch(`${realm}?service=${service}&scope=${encodeURIComponent(scope)}`, {
    headers: { Authorization: `Basic ${Buffer.from('student:dockyard').toString('base64')}` },
  });
  const { token } = (await res.json()) as { token: string };
  return { Authorization: `Bearer ${token}` };
}

/**
 * The requests a step made, in a comparable form: token requests dropped, upload session ids and
 * distribution's `_state` cookies masked, sorted (clients send some requests in parallel), and
 * counted (`×2`) so that a missing or extra request shows.
 */
function conversation(log: string[], host: string): string {
  const lines = log
    .filter((l) => !/ \/token\b/.test(l))
    .map((l) =>
      normalise(l, host)
        .replace(/\/blobs\/uploads\/[^/?\s]+/, '/blobs/uploads/UUID')
        .replace(/[?&]_state=[^&\s]*/, '')
        .replace(/UUID&/, 'UUID?'),
    )
    .sort();
  const counted = new Map<string, number>();
  for (const l of lines) counted.set(l, (counted.get(l) ?? 0) + 1);
  return [...counted].map(([l, n]) => (n > 1 ? `${l} ×${n}` : l)).join('\n');
}

function steps(source: string): Step[] {
  const creds = ['--creds', 'student:dockyard'];
  const push = (host: string, ref: string, extra: string[] = ['--dest-creds', 'student:dockyard']) =>
    skopeo(host, ['copy', '--dest-tls-verify=false', ...extra, `oci:${source}:v1`, `docker://${host}/${ref}`]);
  return [
    ['push, fresh', async (h) => copyLines(await push(h, 'student/app:v1'))],
    ['push again: blobs already there', async (h) => copyLines(await push(h, 'student/app:v1'))],
    ['push to a second repository: cross-repository mount', async (h) => copyLines(await push(h, 'student/copy:v1'))],
    [
      'inspect',
      async (h) => {
        const out = await skopeo(h, ['inspect', '--tls-verify=false', `docker://${h}/student/app:v1`]);
        const json = JSON.parse(out.slice(out.indexOf('{'))) as {
          RepoTags: string[];
          Layers: string[];
          Architecture: string;
        };
        return JSON.stringify({ tags: json.RepoTags, layers: json.Layers.length, arch: json.Architecture });
      },
    ],
    ['list-tags', (h) => skopeo(h, ['list-tags', '--tls-verify=false', `docker://${h}/student/app`])],
    [
      'pull by tag, then umoci unpack',
      async (h, scratch) => {
        const dest = join(scratch, 'pulled');
        const out = await skopeo(h, [
          'copy',
          '--src-tls-verify=false',
          `docker://${h}/student/app:v1`,
          `oci:${dest}:v1`,
        ]);
        await mustRun('umoci', ['unpack', '--rootless', '--image', `${dest}:v1`, join(scratch, 'bundle')]);
        const file = readFileSync(join(scratch, 'bundle/rootfs/etc/motd'), 'utf8');
        return `${copyLines(out)}\nmotd matches: ${file === motd}`;
      },
    ],
    [
      'pull by digest',
      async (h, scratch) => {
        const inspect = await skopeo(h, ['inspect', '--tls-verify=false', `docker://${h}/student/app:v1`]);
        const digest = (JSON.parse(inspect.slice(inspect.indexOf('{'))) as { Digest: string }).Digest;
        const out = await skopeo(h, [
          'copy',
          '--src-tls-verify=false',
          `docker://${h}/student/app@${digest}`,
          `oci:${join(scratch, 'bydigest')}:v1`,
        ]);
        return copyLines(out);
      },
    ],
    [
      'docker manifest inspect --insecure',
      async (h, scratch) => {
        const r = await run('docker', ['manifest', 'inspect', '--insecure', `${h}/student/app:v1`], {
          DOCKER_CONFIG: join(scratch, 'docker-config'),
        });
        const m = JSON.parse(r.stdout) as { schemaVersion: number; layers: unknown[] };
        return `exit ${r.code} schemaVersion ${m.schemaVersion} layers ${m.layers.length}`;
      },
    ],
    ['unknown tag', (h) => skopeo(h, ['inspect', '--tls-verify=false', `docker://${h}/student/app:nope`])],
    [
      'unknown blob: BLOB_UNKNOWN JSON',
      async (h) => {
        const zero = 'sha256:' + '0'.repeat(64);
        const res = await fetch(`http://${h}/v2/student/app/blobs/${zero}`, {
          headers: await bearer(h, 'repository:student/app:pull'),
        });
        return `${res.status} ${await res.text()}`.trim();
      },
    ],
    [
      'push without credentials',
      async (h) =>
        copyLines(await push(h, 'student/app:v2', [])) + '\n' + (await push(h, 'student/app:v2', [])).split('\n').pop(),
    ],
    ['push into another user’s namespace', async (h) => (await push(h, 'acme/app:v1')).split('\n')[0]!],
    [
      'push with a wrong password',
      async (h) => (await push(h, 'student/app:v1', ['--dest-creds', 'student:wrong'])).split('\n').pop()!,
    ],
    ['delete', (h) => skopeo(h, ['delete', '--tls-verify=false', ...creds, `docker://${h}/student/app:v1`])],
    ['inspect after delete', (h) => skopeo(h, ['inspect', '--tls-verify=false', `docker://${h}/student/app:v1`])],
  ];
}

describe.skipIf(missing.length > 0)(
  `registry conformance${missing.length ? ` (install: apt-get install -y ${missing.join(' ')})` : ''}`,
  () => {
    const observed: Record<string, string[]> = { reference: [], dockyard: [] };
    let source: string;

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'dockyard-regconf-'));
      source = await makeSourceImage(work);
    });
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    for (const [label, start] of [
      ['reference', startReferenceRegistry],
      ['dockyard', startDockyardRegistry],
    ] as const) {
      it(`runs the client sequence against the ${label} registry`, async () => {
        const config = { ...(await worldRegistryConfig('docker.io')), deleteEnabled: true };
        let registry: RunningRegistry | undefined;
        let proxy: LoggingProxy | undefined;
        try {
          registry = await start(config);
          proxy = await startLoggingProxy(registry.host);
          for (const [name, act] of steps(source)) {
            const scratch = mkdtempSync(join(work, 'step-'));
            const outcome = await act(proxy.host, scratch);
            observed[label]!.push(`${name}: ${outcome}\n${conversation(proxy.take(), proxy.host)}`);
          }
        } finally {
          await proxy?.close();
          await registry?.stop();
        }
        expect(observed[label]!.length).toBe(steps(source).length);
      });
    }

    it('agrees with the reference registry on every step', () => {
      if (process.env.SHOW_OBSERVATIONS) console.log(observed.reference!.join('\n---\n'));
      expect(observed.dockyard).toEqual(observed.reference);
      // The control itself must have behaved as the scenario expects, or agreement proves nothing.
      const text = observed.reference!.join('\n');
      expect(text).toContain('motd matches: true');
      expect(text).toContain('manifest unknown');
      expect(text).toContain('BLOB_UNKNOWN');
      expect(text).toContain('incorrect username or password');
    });
  },
);
