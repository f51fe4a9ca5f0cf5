// The query of POST /build as moby's newImageBuildOptions reads it: defaults, the rm/forcerm
// pair, JSON parameters and the words of each refusal.
import { describe, expect, it } from 'vitest';
import { DaemonError } from '../api/errors';
import { parseBuildOptions } from './options';

const parse = (query: string, version = '1.50') => parseBuildOptions(new URLSearchParams(query), version);

function refusal(query: string, version = '1.50'): { status: number; message: string } {
  try {
    parse(query, version);
  } catch (err) {
    if (err instanceof DaemonError) return { status: err.status, message: err.message };
    throw err;
  }
  throw new Error(`accepted: ${query}`);
}

describe('parseBuildOptions', () => {
  it('has the classic defaults: rm on, everything else off', () => {
    expect(parse('')).toEqual({
      dockerfile: '',
      tags: [],
      quiet: false,
      noCache: false,
      pull: false,
      remove: true,
      forceRemove: false,
      buildArgs: {},
      target: '',
      labels: {},
      platform: '',
      cacheFrom: [],
      networkMode: '',
      shmSize: 0,
      memory: 0,
      extraHosts: [],
    });
  });

  it('reads what the docker CLI sends', () => {
    const o = parse(
      'buildargs=%7B%22V%22%3A%221%22%2C%22P%22%3Anull%7D&cachefrom=%5B%5D&dockerfile=sub%2FDockerfile&labels=%7B%22team%22%3A%22web%22%7D&networkmode=default&nocache=1&pull=1&q=1&t=a%3A1&t=b&target=build&version=1&shmsize=1024&memory=5&extrahosts=db%3A10.0.0.2',
    );
    expect(o).toMatchObject({
      dockerfile: 'sub/Dockerfile',
      tags: ['a:1', 'b'],
      quiet: true,
      noCache: true,
      pull: true,
      buildArgs: { V: '1', P: null },
      labels: { team: 'web' },
      target: 'build',
      networkMode: 'default',
      shmSize: 1024,
      memory: 5,
      extraHosts: ['db:10.0.0.2'],
    });
  });

  it.each([
    ['', true, false],
    ['rm=0', false, false],
    ['rm=false', false, false],
    ['rm=1', true, false],
    ['rm=0&forcerm=1', true, true],
    ['forcerm=1', true, true],
  ])('rm/forcerm: %s', (query, remove, forceRemove) => {
    expect(parse(query)).toMatchObject({ remove, forceRemove });
  });

  it('reads platform only from API 1.32 on', () => {
    expect(parse('platform=linux/arm64').platform).toBe('linux/arm64');
    expect(parse('platform=linux/arm64', '1.31').platform).toBe('');
  });

  it.each([
    ['buildargs=%7Bx', 400, /^error reading build args: /],
    ['buildargs=%7B%22A%22%3A1%7D', 400, /^error reading build args: /],
    ['labels=%5B%5D', 400, /^error reading labels: /],
    ['cachefrom=%7B%7D', 400, /^error reading cache-from: /],
    ['version=3', 400, /^invalid version "3"$/],
    ['version=2', 501, /^buildkit not supported by daemon$/],
    ['securityopt=seccomp%3Dunconfined', 400, /^security options are not supported on linux$/],
    ['isolation=vm', 400, /^unsupported isolation: "vm"$/],
    ['squash=1', 400, /^squash is only supported with experimental mode$/],
    ['shmsize=lots', 500, /^strconv.ParseInt: parsing "lots": invalid syntax$/],
  ])('refuses %s', (query, status, message) => {
    const r = refusal(query);
    expect(r.status).toBe(status);
    expect(r.message).toMatch(message);
  });
});
