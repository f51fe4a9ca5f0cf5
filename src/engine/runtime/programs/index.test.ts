import { describe, expect, it } from 'vitest';
import '../applets/index';
import { programNamed } from '../programs';
import './index';

describe('programs/index', () => {
  it('registers every program of the official images and the package tools, next to the applets', () => {
    for (const name of [
      'hello',
      'nginx',
      'httpd',
      'redis-server',
      'redis-cli',
      'gosu',
      'node',
      'python3.13',
      'python3.12',
      'apk',
      'apt-get',
      'apt',
      'dpkg',
      'git',
      'jq',
      'tree',
    ]) {
      expect(programNamed(name), name).toBeTypeOf('function');
    }
  });
});
