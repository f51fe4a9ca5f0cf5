import { defineConfig } from 'vitest/config';

// End-to-end: the built app in real headless Chromium (Debian's /usr/bin/chromium, never a download).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
