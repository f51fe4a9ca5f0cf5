import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { parseConfig } from './config';
import { ConfigInvalidError } from './errors';

const diffId = 'sha256:' + 'd'.repeat(64);

// The shape the classic builder writes: Go structs with nulls for empty lists and maps, and
// fields the OCI spec does not define (container_config, docker_version…).
const dockerStyle = {
  architecture: 'amd64',
  config: {
    Hostname: '',
    User: '',
    Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    Cmd: ['/bin/sh'],
    Image: 'sha256:' + 'e'.repeat(64),
    Volumes: null,
    WorkingDir: '',
    Entrypoint: null,
    OnBuild: null,
    Labels: null,
  },
  container_config: { Cmd: ['/bin/sh', '-c', '#(nop) ', 'CMD ["/bin/sh"]'] },
  created: '2024-01-27T00:30:56.150837464Z',
  docker_version: '20.10.23',
  history: [
    { created: '2024-01-27T00:30:56.0Z', created_by: '/bin/sh -c #(nop) ADD file:abc in / ' },
    { created: '2024-01-27T00:30:56.1Z', created_by: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', empty_layer: true },
  ],
  os: 'linux',
  rootfs: { type: 'layers', diff_ids: [diffId] },
};

describe('parseConfig', () => {
  it('parses a config written by Docker, nulls and unmodelled fields included', () => {
    const c = parseConfig(utf8(JSON.stringify(dockerStyle)));
    expect(c.architecture).toBe('amd64');
    expect(c.config?.Cmd).toEqual(['/bin/sh']);
    expect(c.config?.Labels).toBeNull();
    expect(c.rootfs.diff_ids).toEqual([diffId]);
    expect(c.history?.[1]?.empty_layer).toBe(true);
    expect((c as unknown as Record<string, unknown>).docker_version).toBe('20.10.23');
  });

  it('parses a minimal OCI config', () => {
    const c = parseConfig(utf8('{"architecture":"arm64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}'));
    expect(c.rootfs.diff_ids).toEqual([]);
    expect(c.config).toBeUndefined();
  });

  it.each([
    [{ rootfs: undefined }, 'rootfs: required field is missing'],
    [{ os: undefined }, 'os: required field is missing'],
    [{ architecture: 64 }, 'architecture: Invalid type: Expected string but received 64'],
    [{ rootfs: { type: 'layer', diff_ids: [] } }, "rootfs.type: rootfs.type must be 'layers'"],
    [
      { rootfs: { type: 'layers', diff_ids: [diffId, 'sha256:123'] } },
      'rootfs.diff_ids[1]: invalid checksum digest format',
    ],
    [{ config: { Env: 'PATH=/bin' } }, 'config.Env: Invalid type: Expected Array but received "PATH=/bin"'],
    [
      { history: [{ empty_layer: 'yes' }] },
      'history[0].empty_layer: Invalid type: Expected boolean but received "yes"',
    ],
  ])('says what is wrong with %j', (fields, detail) => {
    const run = () => parseConfig(utf8(JSON.stringify({ ...dockerStyle, ...fields })));
    expect(run).toThrow(ConfigInvalidError);
    expect(run).toThrow(`invalid image config: ${detail}`);
  });

  it('says when it is not JSON at all', () => {
    expect(() => parseConfig(utf8('{"architecture"'))).toThrow('invalid image config: invalid JSON');
    expect(() => parseConfig(utf8('null'))).toThrow('invalid image config: not a JSON object');
  });
});

describe('parseConfig keeps every key JSON gave it', () => {
  it('even keys like __proto__ and constructor in labels', () => {
    const text = JSON.stringify({ ...dockerStyle, config: { Labels: { constructor: 'a', prototype: 'b' } } }).replace(
      '"constructor"',
      '"__proto__":"c","constructor"',
    );
    const labels = parseConfig(utf8(text)).config?.Labels ?? {};
    expect(Object.keys(labels)).toEqual(['__proto__', 'constructor', 'prototype']);
  });

  it('refuses labels that are not strings', () => {
    expect(() => parseConfig(utf8(JSON.stringify({ ...dockerStyle, config: { Labels: { a: 1 } } })))).toThrow(
      'invalid image config: config.Labels: Invalid type: Expected an object of strings',
    );
  });
});
