import { describe, expect, it } from 'vitest';
import { findTool } from './tools';

// The real clients the conformance suites drive. Each must be installed and answer its version.
describe.each([
  ['skopeo', ['--version']],
  ['umoci', ['--version']],
  ['docker', ['--version']],
  ['docker-registry', ['--version']],
])('%s', (name, args) => {
  const tool = findTool(name, args);
  it.skipIf(!tool.present)(`answers its version (install: apt-get install -y ${tool.apt})`, () => {
    expect(tool.version).not.toBe('');
  });
});
