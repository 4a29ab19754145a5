// `npm run bench`: runs every bench/*.bench.ts in its own process, one after another, so that one
// benchmark's garbage does not weigh on the next. Each prints its own timings and ratios.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
for (const file of files) {
  console.log(`\n### ${file}`);
  execFileSync(process.execPath, ['--import', 'tsx', '--expose-gc', '--max-old-space-size=8192', '--max-semi-space-size=128', join(here, file)], { stdio: 'inherit' });
}
