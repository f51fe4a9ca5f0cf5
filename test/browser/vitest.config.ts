import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';

// Engine tests that must also pass in a real browser (WebCrypto, IndexedDB, identical digests),
// run by Vitest's browser mode in Debian's Chromium. Files: src/**/*.browser.test.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.browser.test.ts', 'test/browser/**/*.browser.test.ts'],
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
