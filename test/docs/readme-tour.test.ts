// README's "short tour" is examples/tour.ts, which the type checker compiles (tsconfig includes
// examples/) and `npx tsx examples/tour.ts` runs. This keeps the two identical: the README block must be
// the file without its first comment line, with `../src/<module>/index.js` written as `jornada/<module>`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const read = (path: string): string => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');

describe('README tour', () => {
  it('is examples/tour.ts with package import paths', () => {
    const readme = read('README.md');
    const start = readme.indexOf('```ts\n', readme.indexOf('## A short tour'));
    expect(start).toBeGreaterThan(0);
    const block = readme.slice(start + '```ts\n'.length, readme.indexOf('\n```\n', start));
    const file = read('examples/tour.ts').split('\n').slice(1).join('\n').trim();
    expect(block).toBe(file.replace(/'\.\.\/src\/([a-z]+)\/index\.js'/g, "'jornada/$1'"));
  });
});
