import { describe, expect, it } from 'vitest';
import type { GoalCheck } from '../schema/goal-schema';
import { evaluateCheck, evaluateGoal } from './evaluate';
import type { StepStart } from './goal-state';
import { alpineImage, container, exchangeEntries, goalState, helloImage, type StateSpec } from './goal-state.fixture';

const start: StepStart = { seq: 0, commands: 0 };
const CONFIG = '/home/student/.docker/config.json';
const buildOutput = [
  'Sending build context to Docker daemon  2.048kB',
  'Step 1/3 : FROM alpine',
  ' ---> aded1e1a5b37',
  'Step 2/3 : COPY index.html /srv/',
  ' ---> Using cache',
  ' ---> 0b2c3d4e5f60',
  'Step 3/3 : CMD ["cat", "/srv/index.html"]',
  ' ---> Using cache',
  ' ---> 1a2b3c4d5e6f',
  'Successfully built 1a2b3c4d5e6f',
].join('\n');

type Row = [name: string, check: GoalCheck, state: StateSpec, met: boolean, since?: StepStart];

const pulled: StateSpec = {
  laptop: {
    images: [helloImage],
    containers: [
      container({ name: 'eager_turing' }),
      container({ name: 'web', image: 'nginx', imageId: 'x', state: 'running' }),
    ],
  },
};
const pullTrace = [
  ...exchangeEntries(1, { from: 'laptop', to: 'docker.io', method: 'GET', url: '/v2/', status: 401 }),
  ...exchangeEntries(3, {
    from: 'laptop',
    to: 'docker.io',
    method: 'GET',
    url: '/v2/library/hello-world/manifests/latest',
    status: 200,
  }),
  ...exchangeEntries(5, {
    from: 'laptop',
    to: 'laptop',
    method: 'POST',
    url: '/v1.50/containers/create?name=web',
    status: 201,
  }),
];

const rows: Row[] = [
  ['image by name', { image: { host: 'laptop', ref: 'hello-world' } }, pulled, true],
  ['image by full name', { image: { host: 'laptop', ref: 'docker.io/library/hello-world:latest' } }, pulled, true],
  ['image by ID prefix', { image: { host: 'laptop', ref: '74cc54' } }, pulled, true],
  ['image missing', { image: { host: 'laptop', ref: 'alpine' } }, pulled, false],
  ['image on another host', { image: { host: 'cloud-vm', ref: 'hello-world' } }, pulled, false],
  ['noImage when absent', { noImage: { host: 'laptop', ref: 'alpine' } }, pulled, true],
  ['noImage when present', { noImage: { host: 'laptop', ref: 'hello-world' } }, pulled, false],
  ['imageCount in range', { imageCount: { host: 'laptop', min: 1, max: 1 } }, pulled, true],
  ['imageCount below min', { imageCount: { host: 'laptop', min: 2 } }, pulled, false],
  [
    'imageCount above max',
    { imageCount: { host: 'laptop', max: 1 } },
    { laptop: { images: [helloImage, alpineImage] } },
    false,
  ],
  [
    'container exited 0',
    { container: { host: 'laptop', image: 'hello-world', state: 'exited', exitCode: 0 } },
    pulled,
    true,
  ],
  ['container by image ID', { container: { host: 'laptop', image: '74cc54e27dc4', state: 'exited' } }, pulled, true],
  ['container wrong exit code', { container: { host: 'laptop', image: 'hello-world', exitCode: 1 } }, pulled, false],
  ['container wrong state', { container: { host: 'laptop', image: 'hello-world', state: 'running' } }, pulled, false],
  ['container by name glob', { container: { host: 'laptop', name: 'w*', state: 'running' } }, pulled, true],
  ['container count exact', { container: { host: 'laptop', count: 2 } }, pulled, true],
  ['container count mismatch', { container: { host: 'laptop', image: 'hello-world', count: 2 } }, pulled, false],
  ['no containers at all', { container: { host: 'laptop' } }, {}, false],
  ['noContainer absent', { noContainer: { host: 'laptop', name: 'db' } }, pulled, true],
  ['noContainer present', { noContainer: { host: 'laptop', name: 'web' } }, pulled, false],
  [
    'registryTag held',
    { registryTag: { registry: 'docker.io', repository: 'student/web', tag: 'v1', layers: 2 } },
    { tags: { 'student/web:v1': { digest: 'sha256:1', layers: 2 } } },
    true,
  ],
  [
    'registryTag layer count differs',
    { registryTag: { registry: 'docker.io', repository: 'student/web', tag: 'v1', layers: 3 } },
    { tags: { 'student/web:v1': { digest: 'sha256:1', layers: 2 } } },
    false,
  ],
  [
    'registryTag missing',
    { registryTag: { registry: 'docker.io', repository: 'student/web', tag: 'v2' } },
    { tags: { 'student/web:v1': { digest: 'sha256:1' } } },
    false,
  ],
  [
    'request by glob path',
    { request: { from: 'laptop', to: 'docker.io', method: 'GET', path: '/v2/library/hello-world/manifests/*' } },
    { trace: pullTrace },
    true,
  ],
  ['request with status', { request: { to: 'docker.io', path: '/v2/', status: 401 } }, { trace: pullTrace }, true],
  ['request wrong status', { request: { to: 'docker.io', path: '/v2/', status: 200 } }, { trace: pullTrace }, false],
  [
    'request without version prefix',
    { request: { method: 'POST', path: '/containers/create', status: 201 } },
    { trace: pullTrace },
    true,
  ],
  [
    'request with version prefix',
    { request: { method: 'POST', path: '/v1.50/containers/create' } },
    { trace: pullTrace },
    true,
  ],
  ['request count', { request: { to: 'docker.io', count: 3 } }, { trace: pullTrace }, false],
  [
    'request before the step began',
    { request: { to: 'docker.io', path: '/v2/' } },
    { trace: pullTrace },
    false,
    { seq: 2, commands: 0 },
  ],
  [
    'noRequest none since the step',
    { noRequest: { to: 'docker.io' } },
    { trace: pullTrace },
    true,
    { seq: 6, commands: 0 },
  ],
  ['noRequest some since the step', { noRequest: { to: 'docker.io' } }, { trace: pullTrace }, false],
  [
    'file exists',
    { file: { path: 'hello/Dockerfile', contains: 'FROM alpine' } },
    { files: { '/home/student/hello/Dockerfile': 'FROM alpine\n' } },
    true,
  ],
  [
    'file lacks text',
    { file: { path: 'hello/Dockerfile', contains: 'FROM debian' } },
    { files: { '/home/student/hello/Dockerfile': 'FROM alpine\n' } },
    false,
  ],
  ['file missing', { file: { path: '/etc/hosts' } }, {}, false],
  [
    'login to the hub',
    { login: { registry: 'docker.io' } },
    { files: { [CONFIG]: '{"auths":{"https://index.docker.io/v1/":{"auth":"x"}}}' } },
    true,
  ],
  [
    'login elsewhere only',
    { login: { registry: 'registry.example.com' } },
    { files: { [CONFIG]: '{"auths":{"https://index.docker.io/v1/":{}}}' } },
    false,
  ],
  ['noLogin with no config', { noLogin: { registry: 'docker.io' } }, {}, true],
  [
    'build cache hits',
    { build: { cacheHits: 2, steps: 3, succeeded: true } },
    { commands: [{ line: 'docker build -t web .', exitCode: 0, stdout: buildOutput, stderr: '' }] },
    true,
  ],
  [
    'build too few hits',
    { build: { minCacheHits: 3 } },
    { commands: [{ line: 'cd app && docker build .', exitCode: 0, stdout: buildOutput, stderr: '' }] },
    false,
  ],
  [
    'build none since the step',
    { build: { succeeded: true } },
    { commands: [{ line: 'docker build .', exitCode: 0, stdout: buildOutput, stderr: '' }] },
    false,
    { seq: 0, commands: 1 },
  ],
  ['not a build', { build: {} }, { commands: [{ line: 'docker images', exitCode: 0, stdout: '', stderr: '' }] }, false],
  ['network unsupported', { network: { host: 'laptop', name: 'appnet' } }, {}, false],
  [
    'network present',
    { network: { host: 'laptop', name: 'appnet', driver: 'bridge' } },
    { laptop: { networks: [{ name: 'appnet', driver: 'bridge' }] } },
    true,
  ],
  ['volume unsupported', { volume: { host: 'laptop', name: 'data' } }, {}, false],
  ['volume present', { volume: { host: 'laptop', name: 'data' } }, { laptop: { volumes: [{ name: 'data' }] } }, true],
  ['context default', { context: { current: 'default' } }, {}, true],
  ['context set', { context: { current: 'cloud' } }, { files: { [CONFIG]: '{"currentContext":"cloud"}' } }, true],
  ['context other', { context: { current: 'cloud' } }, {}, false],
  ['daemon down', { daemon: { host: 'laptop', up: false } }, { laptop: { up: false } }, true],
  ['daemon up wanted down', { daemon: { host: 'laptop', up: false } }, {}, false],
  ['link down', { link: { a: 'laptop', b: 'docker.io', up: false } }, { links: { 'docker.io laptop': false } }, true],
  ['no such link', { link: { a: 'laptop', b: 'nowhere', up: false } }, {}, false],
  [
    'lastCommand denied',
    { lastCommand: { exitCode: 1, stderrContains: 'denied' } },
    {
      commands: [
        {
          line: 'docker push student/web',
          exitCode: 1,
          stdout: '',
          stderr: 'denied: requested access to the resource is denied\n',
        },
      ],
    },
    true,
  ],
  [
    'lastCommand succeeded instead',
    { lastCommand: { exitCode: 1 } },
    { commands: [{ line: 'docker push student/web', exitCode: 0, stdout: '', stderr: '' }] },
    false,
  ],
  ['lastCommand none', { lastCommand: { exitCode: 0 } }, {}, false],
  [
    'all',
    { all: [{ image: { host: 'laptop', ref: 'hello-world' } }, { noImage: { host: 'laptop', ref: 'alpine' } }] },
    pulled,
    true,
  ],
  [
    'all with one unmet',
    { all: [{ image: { host: 'laptop', ref: 'hello-world' } }, { image: { host: 'laptop', ref: 'alpine' } }] },
    pulled,
    false,
  ],
  [
    'any',
    { any: [{ image: { host: 'laptop', ref: 'alpine' } }, { image: { host: 'laptop', ref: 'hello-world' } }] },
    pulled,
    true,
  ],
  ['any none', { any: [{ image: { host: 'laptop', ref: 'alpine' } }] }, pulled, false],
  ['not', { not: { image: { host: 'laptop', ref: 'alpine' } } }, pulled, true],
  ['not of an unsupported check stays unmet', { not: { volume: { host: 'laptop', name: 'data' } } }, {}, false],
];

describe('goal checks', () => {
  it.each(rows)('%s', (_name, check, spec, met, since = start) => {
    const outcome = evaluateCheck(check, goalState(spec), since);
    expect(outcome.met, outcome.detail).toBe(met);
    expect(outcome.detail).not.toBe('');
  });

  it('explains an unmet check in words', () => {
    const outcome = evaluateCheck(
      { container: { host: 'laptop', image: 'hello-world', exitCode: 1 } },
      goalState(pulled),
      start,
    );
    expect(outcome.detail).toMatch(/eager_turing exited \(0\)/);
  });

  it('meets a goal only when every check of it holds', () => {
    const goal: GoalCheck[] = [
      { image: { host: 'laptop', ref: 'hello-world' } },
      { image: { host: 'laptop', ref: 'alpine' } },
    ];
    expect(evaluateGoal(goal, goalState(pulled), start).met).toBe(false);
    expect(evaluateGoal(goal, goalState({ laptop: { images: [helloImage, alpineImage] } }), start).met).toBe(true);
  });
});
