import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in a real headless Chromium, one file at a time.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
