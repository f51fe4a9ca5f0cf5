// Our docker client against the real one. The same scripted session — version, images, pull,
// tag, inspect, history, search, login, push, logout, run, ps, rmi — runs twice: once with the
// real docker CLI (28.2.2), once with Dockyard's client (`node --import tsx src/node/docker.ts`,
// what `npm run docker` runs), each against a fresh `npm run serve -- --engine …` (same daemon,
// same initial world: a session that pulls and pushes would not start from the same state twice
// on one daemon). Every step's stdout, stderr and exit status must be equal, line by line, once
// what legitimately differs between two runs is normalised:
//
//   IDs and digests            64- and 12-hex-digit strings (containers get fresh IDs)
//   relative times             "21 seconds ago", "Up About a minute" (and the table padding they move)
//   the config directory       each client has its own DOCKER_CONFIG
//   rows of a multi-tag image  the real CLI walks a Go map there, so their order is random
//
// `docker version` is compared from "Server:" on: the Client block describes each binary itself
// (its version, Git commit, build time, Go version), not the daemon they both talk to.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTool } from './tools';
import { freePort, run, startBackground, type Background, type RunResult } from './support/processes';

const docker = findTool('docker');

interface Step {
  argv: string[];
  stdin?: string;
  /** Compare only from this line on. */
  from?: string;
  /** Output lines whose order is not defined by the real CLI. */
  unordered?: boolean;
  /** More environment for both clients (`DOCKER_BUILDKIT=0`). */
  env?: Record<string, string>;
}

const session: Step[] = [
  { argv: ['version'], from: 'Server:' },
  { argv: ['images'] },
  { argv: ['pull', 'alpine'] },
  { argv: ['pull', 'nginx:alpine'] },
  { argv: ['images'] },
  { argv: ['images', '-q'] },
  { argv: ['images', '--digests'] },
  { argv: ['tag', 'alpine', 'registry.example.com/student/alpine:v1'] },
  { argv: ['images'], unordered: true },
  { argv: ['images', '--format', '{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}'], unordered: true },
  { argv: ['images', '--format', '{{json .}}'], unordered: true },
  { argv: ['inspect', '--format', '{{.Config.Cmd}} {{index .RepoTags 0}} {{json .Config}}', 'alpine'] },
  { argv: ['inspect', 'nosuch'] },
  { argv: ['history', 'alpine'] },
  { argv: ['history', '--no-trunc', 'nginx:alpine'] },
  { argv: ['search', 'nginx'] },
  { argv: ['login', 'registry.example.com', '-u', 'student', '-p', 'wrong'] },
  { argv: ['login', 'registry.example.com', '-u', 'student', '--password-stdin'], stdin: 'dockyard\n' },
  { argv: ['push', 'registry.example.com/student/alpine:v1'] },
  { argv: ['push', 'registry.example.com/student/alpine:v1'] },
  { argv: ['logout', 'registry.example.com'] },
  { argv: ['push', 'registry.example.com/student/alpine:v1'] },
  { argv: ['rmi', 'registry.example.com/student/alpine:v1'] },
  { argv: ['run', '--rm', 'hello-world'] },
  { argv: ['run', '--rm', 'alpine', 'echo', 'hi'] },
  { argv: ['run', '--rm', 'alpine', 'sh', '-c', 'exit 3'] },
  { argv: ['run', '--name', 'keep', 'alpine', 'sh', '-c', 'echo out; echo err >&2'] },
  { argv: ['ps', '-a'] },
  { argv: ['logs', 'keep'] },
  { argv: ['rmi', 'alpine'] },
  { argv: ['rm', 'keep'] },
  { argv: ['rmi', 'alpine'] },
  { argv: ['system', 'df'] },
  { argv: ['nope'] },
  { argv: ['run', '--bad'] },
  { argv: ['rmi'] },
];

const RELATIVE =
  /(Less than a second|About a minute|About an hour|\d+ (seconds?|minutes?|hours?|days?|weeks?|months?|years?))/g;

/** What may differ between two runs, made equal (see the header). */
function normalise(text: string, step: Step): string[] {
  let lines = text
    .replace(/[0-9a-f]{64}/g, '<ID>')
    .replace(/\b[0-9a-f]{12}\b/g, '<ID12>')
    .replace(RELATIVE, '<TIME>')
    .replace(/\/tmp\/dockyard-client-[^/]+\/(real|ours)/g, '<CONFIG>')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, '  ').trimEnd());
  if (step.from) lines = lines.slice(Math.max(0, lines.indexOf(step.from)));
  return step.unordered ? [lines[0] ?? '', ...lines.slice(1).sort()] : lines;
}

describe.skipIf(!docker.present)(
  `our docker client next to the real one (${docker.version || 'docker missing'})`,
  () => {
    let work: string;
    const engines: Background[] = [];
    const hosts: string[] = [];

    async function startEngine(): Promise<string> {
      const host = `127.0.0.1:${await freePort()}`;
      // One node process (not npm → tsx → node), so that stopping it by PID stops the server.
      engines.push(
        await startBackground(
          process.execPath,
          ['--import', 'tsx', 'src/node/serve.ts', '--engine', host, '--quiet'],
          async () => (await fetch(`http://${host}/_ping`)).ok,
          60_000,
        ),
      );
      return host;
    }

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'dockyard-client-'));
      hosts.push(await startEngine(), await startEngine());
    });

    afterAll(async () => {
      for (const engine of engines) await engine.stop();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    function client(which: 'real' | 'ours', step: Step): Promise<RunResult> {
      const env = {
        DOCKER_HOST: `tcp://${which === 'real' ? hosts[0] : hosts[1]}`,
        DOCKER_CONFIG: join(work, which),
        ...step.env,
      };
      // `<WORK>` in an argument is the suite's scratch directory (build contexts, exported files).
      const argv = step.argv.map((a) => a.replaceAll('<WORK>', work));
      const command =
        which === 'real' ? ['docker', ...argv] : [process.execPath, '--import', 'tsx', 'src/node/docker.ts', ...argv];
      const stdin = step.stdin === undefined ? [] : ['sh', '-c', `printf '%s' "$0" | "$@"`, step.stdin];
      return run('timeout', ['-s', 'KILL', '60', ...stdin, ...command], env);
    }

    it('runs the session identically', async () => {
      for (const step of session) {
        const real = await client('real', step);
        const ours = await client('ours', step);
        const label = `docker ${step.argv.join(' ')}`;
        expect({
          step: label,
          stdout: normalise(ours.stdout, step),
          stderr: normalise(ours.stderr, step),
          code: ours.code,
        }).toEqual({
          step: label,
          stdout: normalise(real.stdout, step),
          stderr: normalise(real.stderr, step),
          code: real.code,
        });
      }
      // Both wrote the same config.json through login and logout.
      expect(readFileSync(join(work, 'ours', 'config.json'), 'utf8')).toBe(
        readFileSync(join(work, 'real', 'config.json'), 'utf8'),
      );
    }, 600_000);

    // ---- Networks, volumes and ports (issue 9; helper CL2) ------------------------------------
    // Runs after the session above, on the same two engines. Creation times differ between the
    // two daemons, so RFC 3339 timestamps are normalised too.
    const networkStorageSession: Step[] = [
      { argv: ['network', 'create', 'mynet'] },
      { argv: ['network', 'create', 'mynet'] },
      { argv: ['network', 'create', '--subnet', '172.30.0.0/16', '--gateway', '172.30.0.1', 'labnet'] },
      { argv: ['network', 'ls'] },
      { argv: ['network', 'ls', '--format', '{{.Name}} {{.Driver}} {{.Scope}}'] },
      { argv: ['network', 'inspect', 'mynet'] },
      { argv: ['network', 'inspect', '--format', '{{.Name}} {{.IPAM.Config}} {{.Internal}}', 'labnet'] },
      { argv: ['inspect', '--format', '{{.Name}} {{.Driver}}', 'bridge'] },
      { argv: ['network', 'rm', 'labnet', 'nosuch'] },
      { argv: ['volume', 'create', 'data'] },
      { argv: ['volume', 'ls'] },
      { argv: ['volume', 'inspect', 'data'] },
      { argv: ['volume', 'inspect', '--format', '{{.Name}} {{.Driver}} {{.Mountpoint}}', 'data'] },
      {
        argv: ['run', '-d', '--name', 'web', '-p', '8080:80', '--network', 'mynet', '-v', 'data:/data', 'nginx:alpine'],
      },
      { argv: ['ps'] },
      { argv: ['ps', '--format', '{{.Names}} {{.Ports}}'] },
      { argv: ['port', 'web'] },
      { argv: ['port', 'web', '80'] },
      { argv: ['port', 'web', '443'] },
      { argv: ['volume', 'rm', 'data'] },
      { argv: ['network', 'rm', 'mynet'] },
      { argv: ['rm', '-f', 'web'] },
      { argv: ['volume', 'rm', 'data'] },
      { argv: ['network', 'rm', 'mynet'] },
      { argv: ['run', '--rm', '-p', '99999:80', 'nginx:alpine'] },
      { argv: ['run', '--rm', '--mount', 'type=volume', 'nginx:alpine'] },
      { argv: ['volume', 'prune', '-f'] },
      { argv: ['network', 'prune', '-f'] },
    ];
    const RFC3339 = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g;

    it('runs the networks, volumes and ports session identically', async () => {
      for (const step of networkStorageSession) {
        const real = await client('real', step);
        const ours = await client('ours', step);
        const label = `docker ${step.argv.join(' ')}`;
        const seen = (text: string) => normalise(text.replace(RFC3339, '<TIMESTAMP>'), step);
        expect({ step: label, stdout: seen(ours.stdout), stderr: seen(ours.stderr), code: ours.code }).toEqual({
          step: label,
          stdout: seen(real.stdout),
          stderr: seen(real.stderr),
          code: real.code,
        });
      }
    }, 600_000);

    // ---- Builds, contexts, export and system prune (issue 8; helper CL1) ----------------------
    // Runs after the sessions above, on the same two engines. Build contexts are written to the
    // scratch directory first; both clients use the legacy builder (DOCKER_BUILDKIT=0), so both
    // print its DEPRECATED notice. Context commands touch no daemon: both see DOCKER_HOST set,
    // and both warn that it overrides the context in use.
    const legacy = { DOCKER_BUILDKIT: '0' };
    const buildSession: Step[] = [
      { argv: ['build', '-t', 'site', '<WORK>/site'], env: legacy },
      { argv: ['build', '-t', 'site', '<WORK>/site'], env: legacy },
      { argv: ['build', '-q', '<WORK>/site'], env: legacy },
      { argv: ['build', '<WORK>/bad'], env: legacy },
      { argv: ['build', '-t', 'Site', '<WORK>/site'], env: legacy },
      { argv: ['run', '--rm', 'site'] },
      { argv: ['context', 'ls'] },
      { argv: ['context', 'create', 'cloud', '--docker', 'host=tcp://cloud-vm:2376', '--description', 'The cloud VM'] },
      { argv: ['context', 'create', 'cloud', '--docker', 'host=tcp://cloud-vm:2376'] },
      { argv: ['context', 'create', 'onprem', '--docker', 'host=onprem-1:2376'] },
      { argv: ['context', 'ls'] },
      { argv: ['context', 'inspect', 'cloud'] },
      { argv: ['context', 'use', 'cloud'] },
      { argv: ['context', 'show'] },
      { argv: ['context', 'ls', '--format', '{{.Name}} {{.Current}} {{.DockerEndpoint}}'] },
      { argv: ['context', 'rm', 'cloud'] },
      { argv: ['context', 'use', 'default'] },
      { argv: ['context', 'rm', 'cloud', 'nosuch'] },
      { argv: ['--context', 'nosuch', 'ps'] },
      { argv: ['-H', 'tcp://127.0.0.1:1', '--context', 'default', 'ps'] },
      { argv: ['run', '--name', 'exported', 'alpine', 'sh', '-c', 'echo kept > /kept'] },
      { argv: ['export', '-o', '<WORK>/exported.tar', 'exported'] },
      { argv: ['export', '-o', '<WORK>/nosuchdir/x.tar', 'exported'] },
      { argv: ['rm', 'exported'] },
      { argv: ['system', 'prune', '-f'] },
    ];

    it('runs the builds, contexts, export and prune session identically', async () => {
      mkdirSync(join(work, 'site'), { recursive: true });
      mkdirSync(join(work, 'bad'), { recursive: true });
      writeFileSync(
        join(work, 'site', 'Dockerfile'),
        'FROM alpine\nWORKDIR /site\nCOPY . .\nCMD ["cat", "index.html"]\n',
      );
      writeFileSync(join(work, 'site', 'index.html'), '<h1>built</h1>\n');
      writeFileSync(join(work, 'site', 'notes.txt'), 'left out\n');
      writeFileSync(join(work, 'site', '.dockerignore'), 'notes.txt\n');
      writeFileSync(join(work, 'bad', 'Dockerfile'), 'FROM alpine\nRUNN echo hi\n');
      for (const step of buildSession) {
        const real = await client('real', step);
        const ours = await client('ours', step);
        const label = `docker ${step.argv.join(' ')}`;
        // The two engines listen on different ports, which the default context shows.
        const seen = (text: string) => normalise(text.replace(/tcp:\/\/127\.0\.0\.1:\d+/g, 'tcp://<ENGINE>'), step);
        expect({ step: label, stdout: seen(ours.stdout), stderr: seen(ours.stderr), code: ours.code }).toEqual({
          step: label,
          stdout: seen(real.stdout),
          stderr: seen(real.stderr),
          code: real.code,
        });
      }
      expect(readFileSync(join(work, 'ours', 'config.json'), 'utf8')).toBe(
        readFileSync(join(work, 'real', 'config.json'), 'utf8'),
      );
    }, 600_000);
  },
);
