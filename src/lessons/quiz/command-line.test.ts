import { describe, expect, it } from 'vitest';
import { parseDockerLine, sameDockerCommand, splitWords } from './command-line';

describe('the same docker command, written differently', () => {
  it.each([
    ['docker image push x', 'docker push x'],
    ['docker container ls', 'docker ps'],
    ['docker container list -a', 'docker ps --all'],
    ['docker image rm alpine', 'docker rmi alpine'],
    ['docker image build --tag=web:1 .', 'docker build -t web:1 .'],
    ['docker container run --rm -it alpine sh', 'docker run -i -t --rm alpine sh'],
    ['docker --host tcp://cloud-vm:2376 ps', 'docker -H tcp://cloud-vm:2376 container ls'],
    ['docker image pull "nginx:alpine"', "docker pull 'nginx:alpine'"],
  ])('%s ≡ %s', (a, b) => expect(sameDockerCommand(a, b)).toBe(true));
});

describe('different commands', () => {
  it.each([
    ['docker push x', 'docker pull x'],
    ['docker ps', 'docker ps -a'],
    ['docker push x', 'docker push y'],
    ['docker run alpine ls -l', 'docker run -l alpine ls'],
    ['docker -H tcp://cloud-vm:2376 ps', 'docker ps'],
  ])('%s ≠ %s', (a, b) => expect(sameDockerCommand(a, b)).toBe(false));
});

describe('lines the CLI refuses', () => {
  it.each([
    ['docker pushh x', 'docker: unknown command: docker pushh'],
    ['docker ps --bad', 'unknown flag: --bad'],
    ['docker push', 'requires 1 argument'],
    ['docker image', 'needs a subcommand'],
    ['ls -l', 'not a docker command'],
    ['', 'Type a docker command'],
    ['docker ps | grep x', 'without pipes'],
    ['docker run "alpine', 'unmatched quote'],
    ['docker run $IMAGE', 'variables'],
  ])('%j → %s', (line, error) => {
    const parsed = parseDockerLine(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(error);
  });
});

it('splits words as a shell would', () => {
  expect(splitWords(`docker run alpine sh -c "echo 'hi there'" a\\ b`)).toEqual([
    'docker',
    'run',
    'alpine',
    'sh',
    '-c',
    "echo 'hi there'",
    'a b',
  ]);
});

it('names commands by their primary name and keeps flags by long name', () => {
  const parsed = parseDockerLine('docker ps -aq');
  expect(parsed.ok && parsed.line).toMatchObject({
    command: 'docker container ls',
    flags: { '--all': 'true', '--quiet': 'true' },
    args: [],
  });
});
