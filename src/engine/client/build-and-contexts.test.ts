// The client's build, context, export, update, stats, import and system prune commands against a
// whole in-memory world, each transcript kept as a golden file (testdata/golden/*.golden;
// UPDATE_GOLDEN=1 rewrites them) — and the requests they make, in the real CLI's order. The same
// commands run against the real docker CLI in test/conformance/docker-client.conformance.ts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { fromUtf8, utf8, type Bytes } from '../bytes';
import { createWorld, type World } from '../daemon/distribution/world.fixture';
import type { Handler, WireRequest } from '../wire/message';
import { getHeader, readBody } from '../wire/message';
import { memoryFiles, pingOnlyDaemon, testClient, type RunResult } from './client.fixture';
import { MemoryInput, MemoryOutput } from './cli/streams';
import { runDocker } from './index';

const dir = new URL('./testdata/golden/', import.meta.url);

function expectGolden(name: string, argv: readonly string[], result: RunResult): void {
  const text = `$ docker ${argv.join(' ')}\n${result.stdout}--- stderr\n${result.stderr}--- exit ${result.code}\n`;
  const path = new URL(`${name}.golden`, dir);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, text);
  }
  expect(text).toBe(readFileSync(path, 'utf8'));
}

interface Seen {
  line: string;
  headers: Record<string, string>;
  body: Bytes;
}

function recording(inner: Handler, seen: Seen[]): Handler {
  return async (request: WireRequest) => {
    const body = request.body === undefined ? new Uint8Array(0) : await readBody(request.body);
    seen.push({ line: `${request.method} ${request.url}`, headers: request.headers, body: body as Bytes });
    return inner({ ...request, ...(body.length > 0 ? { body: body as Bytes } : {}) });
  };
}

const appFiles: [string, string][] = [
  ['/home/student/app/Dockerfile', 'FROM alpine\nWORKDIR /app\nCOPY . .\nCMD ["cat", "/app/index.html"]\n'],
  ['/home/student/app/index.html', '<h1>hello</h1>\n'],
  ['/home/student/app/secret.txt', 'do not send\n'],
  ['/home/student/app/.dockerignore', 'secret.txt\n'],
  ['/home/student/bad/Dockerfile', 'FROM alpine\nRUNN echo hi\n'],
];

/** [golden name, argv, stdin] in order: each depends on what came before. */
const scenario: [string, string[], string?][] = [
  ['context-ls', ['context', 'ls']],
  [
    'context-create',
    ['context', 'create', 'cloud', '--docker', 'host=tcp://cloud-vm:2376', '--description', 'The cloud VM'],
  ],
  ['context-create-again', ['context', 'create', 'cloud', '--docker', 'host=tcp://a:1']],
  ['context-create-bad-host', ['context', 'create', 'bad', '--docker', 'host=cloud-vm:2376']],
  ['context-use', ['context', 'use', 'cloud']],
  ['context-ls-cloud', ['context', 'ls']],
  ['context-inspect', ['context', 'inspect']],
  ['context-rm-in-use', ['context', 'rm', 'cloud']],
  ['context-use-default', ['context', 'use', 'default']],
  ['context-rm', ['context', 'rm', 'cloud', 'nosuch']],
  ['build', ['build', '-t', 'app', 'app']],
  ['build-again', ['build', '-t', 'app', 'app']],
  ['build-quiet', ['build', '-q', 'app']],
  ['build-bad', ['build', 'bad']],
  ['build-missing', ['build', 'nosuch']],
  ['build-bad-tag', ['build', '-t', 'App', 'app']],
  ['export', ['export', '-o', 'keep.tar', 'keep']],
  ['export-terminal', ['export', 'keep']],
  ['update', ['update', '--restart', 'always', 'keep']],
  ['system-prune', ['system', 'prune', '-f']],
];

describe('builds, contexts and the rest, at the laptop', () => {
  let world: World;
  let seen: Seen[];
  let files: Map<string, Bytes>;
  let docker: ReturnType<typeof testClient>;
  beforeAll(async () => {
    world = await createWorld();
    seen = [];
    files = new Map(appFiles.map(([p, t]) => [p, utf8(t)]));
    docker = testClient({
      daemon: recording(world.daemon, seen),
      now: () => world.clock.now,
      env: { DOCKER_HOST: '', DOCKER_BUILDKIT: '0', PWD: '/home/student', DOCKER_CONFIG: '/home/student/.docker' },
      files: new Map([...files].map(([p, b]) => [p.replace('/home/student/', ''), b])),
      config: {},
    });
    await docker(['run', '--name', 'keep', 'alpine', 'sh', '-c', 'echo kept > /kept']);
  });

  test.each(scenario.map(([name, argv, stdin]) => ({ name, argv, stdin })))('$name', async ({ name, argv, stdin }) => {
    seen.length = 0;
    const result = await docker(argv, {
      ...(stdin !== undefined ? { stdin } : {}),
      ...(name === 'export-terminal' ? { tty: 80 } : {}),
    });
    expectGolden(name, argv, result);
    if (name.startsWith('context-')) expect(seen).toEqual([]);
    if (name === 'build') {
      const post = seen.find((s) => s.line.startsWith('POST /v1.50/build'))!;
      expect(post.line).toBe('POST /v1.50/build?dockerfile=Dockerfile&t=app&version=1');
      expect(getHeader(post, 'Content-Type')).toBe('application/x-tar');
      expect(getHeader(post, 'X-Registry-Config')).toBe('e30=');
      // .dockerignore, Dockerfile, index.html — not secret.txt — and the two closing blocks.
      expect(post.body.length).toBe(3 * 1024 + 1024);
      expect(fromUtf8(post.body)).not.toContain('do not send');
    }
    if (name === 'system-prune') {
      expect(seen.map((s) => s.line)).toEqual([
        'HEAD /_ping',
        'POST /v1.50/containers/prune',
        'POST /v1.50/networks/prune',
        'POST /v1.50/images/prune?filters=%7B%22dangling%22%3A%7B%22true%22%3Atrue%7D%7D',
        'POST /v1.50/build/prune?filters=',
      ]);
    }
  });
});

describe('where the client connects', () => {
  async function hostFor(argv: string[], env: Record<string, string>, configText?: string) {
    const hosts: string[] = [];
    const files = new Map<string, Bytes>();
    const err = new MemoryOutput();
    const code = await runDocker(argv, {
      out: new MemoryOutput(),
      err,
      in: new MemoryInput(),
      env: { DOCKER_CONFIG: '/c', ...env },
      files: memoryFiles(files),
      now: () => 0,
      home: '/home/student',
      connect: (host) => {
        hosts.push(host);
        return { request: pingOnlyDaemon };
      },
      configStorage: () => ({
        filename: '/c/config.json',
        load: async () => configText,
        save: async (text) => void (configText = text),
      }),
    });
    return { hosts, code, stderr: err.text(), files, config: () => configText };
  }

  test('a context created and used is where later commands go; DOCKER_HOST and -H override it', async () => {
    const created = await hostFor(['context', 'create', 'cloud', '--docker', 'host=tcp://cloud-vm:2376'], {});
    expect(created.hosts).toEqual([]);
    const files = created.files;
    const run = async (argv: string[], env: Record<string, string>, config?: string) => {
      const hosts: string[] = [];
      await runDocker(argv, {
        out: new MemoryOutput(),
        err: new MemoryOutput(),
        in: new MemoryInput(),
        env: { DOCKER_CONFIG: '/c', ...env },
        files: memoryFiles(files),
        now: () => 0,
        home: '/h',
        connect: (host) => {
          hosts.push(host);
          return { request: pingOnlyDaemon };
        },
        configStorage: () => ({ filename: '/c/config.json', load: async () => config, save: async () => undefined }),
      });
      return hosts[0];
    };
    const using = '{"auths":{},"currentContext":"cloud"}';
    expect(await run(['ps'], {}, using)).toBe('tcp://cloud-vm:2376');
    expect(await run(['ps'], { DOCKER_HOST: 'tcp://onprem-1:2376' }, using)).toBe('tcp://onprem-1:2376');
    expect(await run(['-H', 'onprem-1:2376', 'ps'], {}, using)).toBe('tcp://onprem-1:2376');
    expect(await run(['--context', 'cloud', 'ps'], { DOCKER_HOST: 'tcp://onprem-1:2376' })).toBe('tcp://cloud-vm:2376');
    expect(await run(['ps'], { DOCKER_CONTEXT: 'cloud' })).toBe('tcp://cloud-vm:2376');
    expect(await run(['ps'], {})).toBe('unix:///var/run/docker.sock');
  });

  test('a context that does not exist fails commands that need the daemon, not `context ls`', async () => {
    const ps = await hostFor(['ps'], { DOCKER_CONTEXT: 'nosuch' });
    expect(ps.code).toBe(1);
    expect(ps.hosts).toEqual([]);
    expect(ps.stderr).toMatch(
      /^Failed to initialize: unable to resolve docker endpoint: context "nosuch": context not found: open \/c\/contexts\/meta\/[0-9a-f]{64}\/meta.json: no such file or directory\n$/,
    );
    const ls = await hostFor(['context', 'ls'], { DOCKER_CONTEXT: 'nosuch' });
    expect(ls.code).toBe(0);
  });

  test('-H with --context: the conflict, before anything else', async () => {
    const r = await hostFor(['-H', 'tcp://a:1', '--context', 'x', 'context', 'ls'], {});
    expect(r).toMatchObject({ code: 1, stderr: 'conflicting options: cannot specify both --host and --context\n' });
  });

  test('context use writes currentContext into config.json as the CLI does', async () => {
    const created = await hostFor(['context', 'create', 'cloud', '--docker', 'host=tcp://cloud-vm:2376'], {});
    let config: string | undefined;
    await runDocker(['context', 'use', 'cloud'], {
      out: new MemoryOutput(),
      err: new MemoryOutput(),
      in: new MemoryInput(),
      env: { DOCKER_CONFIG: '/c' },
      files: memoryFiles(created.files),
      now: () => 0,
      home: '/h',
      connect: () => ({ request: pingOnlyDaemon }),
      configStorage: () => ({
        filename: '/c/config.json',
        load: async () => config,
        save: async (text) => void (config = text),
      }),
    });
    expect(config).toBe('{\n\t"auths": {},\n\t"currentContext": "cloud"\n}');
  });
});
