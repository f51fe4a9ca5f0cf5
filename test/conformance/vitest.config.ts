import { defineConfig } from 'vitest/config';

// Conformance: real clients nobody here wrote (skopeo, umoci, the docker CLI, the reference
// registry) against what our engine writes and serves. Tools come from Debian (see .ci/run).
export default defineConfig({
  test: {
    include: ['test/conformance/**/*.conformance.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
