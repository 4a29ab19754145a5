import { defineConfig } from 'tsup';

/**
 * One entry per public module: the root barrel plus one subpath per folder of `src/`
 * (see `exports` in package.json, which `scripts/check-package.mjs` keeps in step with this list).
 */
export const publicModules = ['model', 'sample', 'metrics', 'value', 'segments', 'lifecycle', 'journey', 'calendar', 'cadence', 'identity'] as const;

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    ...Object.fromEntries(publicModules.map((m) => [`${m}/index`, `src/${m}/index.ts`])),
  },
  format: ['esm', 'cjs'],
  dts: true,
  tsconfig: 'tsconfig.build.json',
  splitting: true,
  treeshake: true,
  clean: true,
  sourcemap: false,
  target: 'es2022',
  platform: 'neutral',
  outDir: 'dist',
  external: ['zod', 'date-fns', '@date-fns/tz'],
});
