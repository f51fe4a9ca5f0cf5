// Which context and which daemon a command line ends up with: docker/cli's order (`--context`,
// `-H`, DOCKER_HOST, DOCKER_CONTEXT, config.json's currentContext, default), one row per case,
// checked against what the real docker CLI 28.2.2 printed for `docker context show`.
import { describe, expect, test } from 'vitest';
import { normalizeHost } from '../cli/environment';
import { currentContextName, defaultContextHost, resolveContextName } from './resolve';

type Row = [string, { hosts?: string[]; context?: string }, Record<string, string>, string, string];

const table: Row[] = [
  ['nothing set', {}, {}, '', 'default'],
  ['config says cloud', {}, {}, 'cloud', 'cloud'],
  ['DOCKER_CONTEXT beats config', {}, { DOCKER_CONTEXT: 'onprem' }, 'cloud', 'onprem'],
  ['DOCKER_HOST beats DOCKER_CONTEXT', {}, { DOCKER_HOST: 'tcp://x:1', DOCKER_CONTEXT: 'onprem' }, 'cloud', 'default'],
  ['-H beats everything but --context', { hosts: ['tcp://x:1'] }, { DOCKER_CONTEXT: 'onprem' }, 'cloud', 'default'],
  ['--context beats DOCKER_HOST', { context: 'cloud' }, { DOCKER_HOST: 'tcp://x:1' }, '', 'cloud'],
  ['--context beats DOCKER_CONTEXT', { context: 'cloud' }, { DOCKER_CONTEXT: 'onprem' }, 'x', 'cloud'],
  ['empty DOCKER_HOST is unset', {}, { DOCKER_HOST: '' }, 'cloud', 'cloud'],
];

describe('resolveContextName', () => {
  test.each(table)('%s', (_, flags, env, config, expected) => {
    expect(resolveContextName({ hosts: flags.hosts ?? [], context: flags.context ?? '' }, env, config)).toBe(expected);
  });

  test('-H with --context is refused, with the CLI’s words', () => {
    expect(() => resolveContextName({ hosts: ['tcp://a:1'], context: 'default' }, {}, '')).toThrow(
      'conflicting options: cannot specify both --host and --context',
    );
  });
});

describe('the default context’s address', () => {
  test.each([
    [[], {}, 'unix:///var/run/docker.sock'],
    [[], { DOCKER_HOST: 'tcp://cloud-vm:2376' }, 'tcp://cloud-vm:2376'],
    [[], { DOCKER_HOST: 'cloud-vm' }, 'tcp://cloud-vm:2375'],
    [['tcp://onprem-1:2376'], { DOCKER_HOST: 'tcp://cloud-vm:2376' }, 'tcp://onprem-1:2376'],
  ] as [string[], Record<string, string>, string][])('-H %j, env %j → %s', (hosts, env, expected) => {
    expect(defaultContextHost({ hosts, context: '' }, env)).toBe(expected);
  });

  test('two -H are refused', () => {
    expect(() => defaultContextHost({ hosts: ['a', 'b'], context: '' }, {})).toThrow('Specify only one -H');
  });
});

describe('normalizeHost (docker’s ParseHost)', () => {
  test.each([
    ['', 'unix:///var/run/docker.sock'],
    ['tcp://', 'tcp://localhost:2375'],
    [':2376', 'tcp://localhost:2376'],
    ['cloud-vm', 'tcp://cloud-vm:2375'],
    ['cloud-vm:2376', 'tcp://cloud-vm:2376'],
    ['tcp://cloud-vm:2376', 'tcp://cloud-vm:2376'],
    ['unix:///tmp/d.sock', 'unix:///tmp/d.sock'],
    ['ssh://me@box', 'ssh://me@box'],
  ])('%j → %s', (text, expected) => {
    expect(normalizeHost(text)).toBe(expected);
  });

  test('an unknown scheme is an invalid bind address', () => {
    expect(() => normalizeHost('bogus://x')).toThrow('invalid bind address format: bogus://x');
  });
});

describe('currentContextName (for the prompt)', () => {
  test.each([
    [{}, undefined, 'default'],
    [{}, '{"auths":{},"currentContext":"cloud"}', 'cloud'],
    [{ DOCKER_HOST: 'tcp://x:1' }, '{"currentContext":"cloud"}', 'default'],
    [{ DOCKER_CONTEXT: 'onprem' }, '{"currentContext":"cloud"}', 'onprem'],
    [{}, '{not json', 'default'],
  ] as [Record<string, string>, string | undefined, string][])('env %j, config %j → %s', (env, config, expected) => {
    expect(currentContextName(env, config)).toBe(expected);
  });
});
