import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests (pure code) and integration tests (real TCP against the embedded broker) both run here;
// Playwright owns e2e/. Integration tests start their own broker on a random port, so files can run
// in parallel processes without sharing anything.
export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // Server modules say so with `import 'server-only'` (Next.js refuses them in client code); tests
      // run on the server side, as Next's React Server condition would resolve it: an empty module.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules', '.next', '.next-*', 'e2e'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
