import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    bail: 1,
    testTimeout: 60_000,
    pool: 'threads',
  },
});
