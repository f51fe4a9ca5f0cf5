// The classic builder driven by the real docker CLI (28.2.2, `DOCKER_BUILDKIT=0`, the legacy
// builder it falls back to without buildx) through `npm run serve -- --engine 127.0.0.1:<port>`,
// run as one node process as the docker-cli suite does. The base image (`alpine`) comes from the
// world's hub, pulled by the daemon during the first build. Covered: build twice (the second all
// `Using cache`), build after editing one file (cache up to that COPY), a multi-stage build with
// `--target`, a bad Dockerfile (exact error, exit 1), `-q` and `--iidfile`, `docker images -a`,
// `docker history`, `docker builder prune`; and — when the served daemon has a container runtime —
// a RUN step's output, a failing RUN (its exit status is the CLI's) and `docker run --rm` of the
// built image. Every CLI call runs under `timeout -s KILL` with a private DOCKER_CONFIG.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTool } from './tools';
import { freePort, run, startBackground, type Background, type RunResult } from './support/processes';

const docker = findTool('docker');

let engine: Background;
let host: string;
let work: string;
/** Whether the served daemon can run containers (RUN steps, `docker run`). */
let canRun = false;
/** The short ID of the first `app` image, which the edited rebuild leaves dangling. */
let firstAppId = '';

function dockerRun(args: string[]): Promise<RunResult> {
  return run('timeout', ['-s', 'KILL', '90', 'docker', ...args], {
    DOCKER_HOST: `tcp://${host}`,
    DOCKER_CONFIG: join(work, 'config'),
    DOCKER_BUILDKIT: '0',
  });
}

async function dockerOk(...args: string[]): Promise<string> {
  const r = await dockerRun(args);
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')} exited ${r.code}: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** A build context directory with these files. */
function context(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** For each step that is not a FROM: from the cache, or run. */
function steps(out: string): ('cache' | 'run')[] {
  const lines = out.split('\n');
  return lines.flatMap((line, i) =>
    /^Step \d+\/\d+ : /.test(line) && !/^Step \d+\/\d+ : FROM /.test(line)
      ? [lines[i + 1] === ' ---> Using cache' ? ('cache' as const) : ('run' as const)]
      : [],
  );
}

const builtId = (out: string) => /Successfully built ([0-9a-f]{12})\n/.exec(out)?.[1];

const appDockerfile = `FROM alpine
WORKDIR /app
COPY config.txt .
COPY site/ ./site/
ENV MODE=production
CMD ["cat", "/app/config.txt"]
`;

describe.skipIf(!docker.present)(`docker build, legacy builder (${docker.version || 'docker missing'})`, () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'dockyard-docker-build-'));
    const port = await freePort();
    host = `127.0.0.1:${port}`;
    engine = await startBackground(
      process.execPath,
      ['--import', 'tsx', 'src/node/serve.ts', '--engine', host, '--quiet'],
      async () => (await fetch(`http://${host}/_ping`)).ok,
    );
    const probe = context('probe', { Dockerfile: 'FROM alpine\nRUN true\n' });
    const r = await dockerRun(['build', '--force-rm', probe]);
    canRun = r.code === 0;
  });

  afterAll(async () => {
    await engine?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('builds, then builds again entirely from the cache', async () => {
    const dir = context('app', {
      Dockerfile: appDockerfile,
      'config.txt': 'port=80\n',
      'site/index.html': '<h1>hi</h1>\n',
    });
    const first = await dockerRun(['build', '-t', 'app', dir]);
    expect(first.code).toBe(0);
    // The CLI's progress line ends `\r\r\n` off a terminal.
    expect(first.stdout).toMatch(/^Sending build context to Docker daemon {2}\d+(\.\d+)?kB\r*\n/);
    expect(first.stdout).toContain('Step 1/6 : FROM alpine\n');
    expect(first.stdout).toMatch(
      /Step 2\/6 : WORKDIR \/app\n ---> Running in ([0-9a-f]{12})\n ---> Removed intermediate container \1\n ---> [0-9a-f]{12}\n/,
    );
    expect(first.stdout).toMatch(/Successfully built [0-9a-f]{12}\nSuccessfully tagged app:latest\n$/);
    expect(first.stderr).toContain('DEPRECATED: The legacy builder is deprecated');
    const second = await dockerRun(['build', '-t', 'app', dir]);
    expect(second.code).toBe(0);
    expect(steps(second.stdout)).toEqual(['cache', 'cache', 'cache', 'cache', 'cache']);
    expect(builtId(second.stdout)).toBe(builtId(first.stdout));
    firstAppId = builtId(first.stdout)!;
  });

  it('after editing one file, uses the cache up to the COPY of that file', async () => {
    const dir = context('app', { 'site/index.html': '<h1>changed</h1>\n' });
    const r = await dockerRun(['build', '-t', 'app', dir]);
    expect(r.code).toBe(0);
    expect(steps(r.stdout)).toEqual(['cache', 'cache', 'run', 'run', 'run']);
  });

  it('builds every stage up to --target, and no further', async () => {
    const dir = context('multi', {
      Dockerfile: `FROM alpine AS build
COPY src.txt /out.txt
FROM alpine AS test
COPY --from=build /out.txt /checked.txt
FROM alpine
COPY --from=build /out.txt /final.txt
`,
      'src.txt': 'artefact\n',
    });
    const r = await dockerRun(['build', '--target', 'test', '-t', 'multi:test', dir]);
    expect(r.code).toBe(0);
    // The steps are counted over the stages kept: the last stage is not even counted.
    expect(r.stdout).toContain('Step 1/4 : FROM alpine AS build\n');
    expect(r.stdout).toContain('Step 4/4 : COPY --from=build /out.txt /checked.txt\n');
    expect(r.stdout).toMatch(/Successfully tagged multi:test\n$/);
  });

  it('refuses a bad Dockerfile with Docker’s words and exit code 1', async () => {
    const dir = context('bad', { Dockerfile: 'FROM alpine\nRUNN echo hi\n' });
    const r = await dockerRun(['build', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /\nError response from daemon: dockerfile parse error on line 2: unknown instruction: RUNN \(did you mean RUN\?\)\n$/,
    );
  });

  it('-q prints only the image ID, which --iidfile also gets', async () => {
    const dir = join(work, 'app');
    const iid = join(work, 'iid.txt');
    const r = await dockerRun(['build', '-q', '--iidfile', iid, dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    // In quiet mode the CLI writes the stream it received — newline included — to the file.
    expect(readFileSync(iid, 'utf8')).toBe(r.stdout);
  });

  it('docker images -a lists the intermediate images as <none>; docker images only the dangling ones', async () => {
    const list = async (...flags: string[]) =>
      (await dockerOk('images', ...flags, '--format', '{{.Repository}}:{{.Tag}} {{.ID}}')).trim().split('\n');
    const all = await list('-a');
    const top = await list();
    expect(all.filter((r) => r.startsWith('<none>:<none> ')).length).toBeGreaterThan(5);
    // Dangling (untagged, childless): the first `app`, whose tag moved to the rebuilt image, and
    // the last image of a stage that only served a COPY --from — as in Docker.
    const dangling = top.filter((r) => r.startsWith('<none>:<none> '));
    expect(dangling).toContain(`<none>:<none> ${firstAppId}`);
    expect(dangling.length).toBeLessThan(all.filter((r) => r.startsWith('<none>:<none> ')).length);
    expect(top.map((r) => r.split(' ')[0])).toEqual(
      expect.arrayContaining(['app:latest', 'multi:test', 'alpine:latest']),
    );
  });

  it('docker history shows each step, #(nop) for the metadata ones', async () => {
    const out = await dockerOk('history', '--no-trunc', '--format', '{{.CreatedBy}}|{{.Size}}', 'app');
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('/bin/sh -c #(nop)  CMD ["cat" "/app/config.txt"]|0B');
    expect(lines[1]).toBe('/bin/sh -c #(nop)  ENV MODE=production|0B');
    expect(lines[2]).toMatch(/^\/bin\/sh -c #\(nop\) COPY dir:[0-9a-f]{64} in \.\/site\/ \|\d+B$/);
    expect(lines[3]).toMatch(/^\/bin\/sh -c #\(nop\) COPY file:[0-9a-f]{64} in \. \|\d+B$/);
    expect(lines[4]).toBe('/bin/sh -c #(nop) WORKDIR /app|0B');
  });

  it('docker builder prune: the classic builder keeps no BuildKit cache', async () => {
    expect(await dockerOk('builder', 'prune', '-f')).toBe('Total reclaimed space: 0B\n');
  });

  it('RUN: its output in the build, its exit status as the CLI’s', async (t) => {
    if (!canRun) t.skip();
    const dir = context('run', {
      Dockerfile: 'FROM alpine\nRUN echo from-run > /out && cat /out\nCMD ["cat", "/out"]\n',
    });
    const ok = await dockerRun(['build', '-t', 'runner', dir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/ ---> Running in ([0-9a-f]{12})\nfrom-run\n ---> Removed intermediate container \1\n/);
    const failing = context('failing', { Dockerfile: 'FROM alpine\nRUN exit 3\n' });
    const r = await dockerRun(['build', failing]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/The command '\/bin\/sh -c exit 3' returned a non-zero code: 3\n$/);
  });

  it('docker run --rm of the built image', async (t) => {
    if (!canRun) t.skip();
    const r = await dockerRun(['run', '--rm', 'runner']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('from-run\n');
  });
});
