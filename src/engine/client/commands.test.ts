// The client's commands against a whole in-memory world — the laptop's daemon and the world's
// registries, clocks fixed — each command's output kept as a golden file (testdata/golden/*.golden,
// exact bytes: stdout, then stderr and the exit status; UPDATE_GOLDEN=1 rewrites them). The same
// commands run against the real docker CLI in test/conformance/docker-client.conformance.ts; these
// files make any change in what a command prints a visible diff.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { createWorld, WORLD_START, type World } from '../daemon/distribution/world.fixture';
import { testClient, type RunResult } from './client.fixture';

const dir = new URL('./testdata/golden/', import.meta.url);

function transcript(argv: readonly string[], result: RunResult): string {
  return `$ docker ${argv.join(' ')}\n${result.stdout}--- stderr\n${result.stderr}--- exit ${result.code}\n`;
}

function expectGolden(name: string, text: string): void {
  const path = new URL(`${name}.golden`, dir);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, text);
  }
  expect(text).toBe(readFileSync(path, 'utf8'));
}

/** [golden name, argv, stdin] in the order they run: each depends on what came before. */
const scenario: [string, string[], string?][] = [
  ['version', ['version']],
  ['version-format', ['version', '--format', '{{.Server.Version}} {{.Client.APIVersion}}']],
  ['info', ['info']],
  ['images-empty', ['images']],
  ['pull-alpine', ['pull', 'alpine']],
  ['pull-alpine-again', ['pull', 'alpine']],
  ['pull-nginx-alpine', ['pull', 'nginx:alpine']],
  ['pull-missing', ['pull', 'nosuchimage']],
  ['images', ['images']],
  ['images-quiet', ['images', '-q']],
  ['images-digests', ['images', '--digests']],
  ['tag', ['tag', 'alpine', 'registry.example.com/student/alpine:v1']],
  ['images-format', ['images', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}']],
  ['images-format-table', ['images', '--format', 'table {{.Repository}}\\t{{.Tag}}\\t{{.Size}}']],
  ['images-json', ['images', '--format', 'json']],
  [
    'inspect-format',
    ['inspect', '--format', '{{.Config.Cmd}} {{index .RepoTags 0}} {{range .RepoTags}}[{{.}}]{{end}}', 'alpine'],
  ],
  ['inspect-missing', ['inspect', 'nosuch']],
  ['image-inspect', ['image', 'inspect', 'alpine']],
  ['history', ['history', 'nginx:alpine']],
  ['search', ['search', 'nginx']],
  ['login-wrong', ['login', 'registry.example.com', '-u', 'student', '-p', 'wrong']],
  ['login-stdin', ['login', 'registry.example.com', '-u', 'student', '--password-stdin'], 'dockyard\n'],
  ['push', ['push', 'registry.example.com/student/alpine:v1']],
  ['push-again', ['push', 'registry.example.com/student/alpine:v1']],
  ['logout', ['logout', 'registry.example.com']],
  ['rmi-untag', ['rmi', 'registry.example.com/student/alpine:v1']],
  ['run-echo', ['run', '--rm', 'alpine', 'echo', 'hi']],
  ['run-exit', ['run', '--rm', 'alpine', 'sh', '-c', 'echo out; echo err >&2; exit 3']],
  ['run-detached', ['run', '-d', '--name', 'web', '-p', '8080:80', 'nginx:alpine']],
  ['ps', ['ps']],
  ['ps-format', ['ps', '-a', '--format', '{{.Names}}\\t{{.Ports}}\\t{{.Status}}']],
  ['rmi-conflict', ['rmi', 'nginx:alpine']],
  ['exec', ['exec', 'web', 'sh', '-c', 'echo from exec; exit 4']],
  ['stop', ['stop', '-t', '0', 'web']],
  ['rm', ['rm', 'web']],
  ['rmi-delete', ['rmi', 'alpine']],
  ['system-df', ['system', 'df']],
  ['events', ['events', '--since', '0', '--until', '2025-03-01T09:00:00Z']],
];

describe('a session at the laptop', () => {
  let world: World;
  let docker: ReturnType<typeof testClient>;
  beforeAll(async () => {
    world = await createWorld();
    docker = testClient({ daemon: world.daemon, now: () => world.clock.now, config: {} });
  });

  test.each(scenario.map(([name, argv, stdin]) => ({ name, argv, stdin })))('$name', async ({ name, argv, stdin }) => {
    const result = await docker(argv, stdin !== undefined ? { stdin } : {});
    expectGolden(name, transcript(argv, result));
  });

  test('the world clock did not move', () => {
    expect(world.clock.now).toBe(WORLD_START);
  });
});
