/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// One config for the app and for the Node-side tests (`npm test`).
// End-to-end and conformance suites have their own configs under test/.
export default defineConfig({
  plugins: [svelte()],
  build: { target: 'es2022' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/conformance/**', 'node_modules/**', '**/*.browser.test.ts'],
    environment: 'node',
    // Building a world (catalogue, registries, daemons) takes a few seconds on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
