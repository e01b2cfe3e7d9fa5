import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests (pure code) and integration tests (real TCP against the embedded broker) both run here;
// Playwright owns e2e/. Integration tests start their own broker on a random port, so files can run
// in parallel processes without sharing anything.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules', '.next', 'e2e'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
