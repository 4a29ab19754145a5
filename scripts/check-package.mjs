// Packs the package as npm would publish it and checks the tarball: publint --strict and
// attw --profile node16, plus that package.json `exports` lists exactly the public modules of
// tsup.config.ts and that every subpath resolves for both import and require.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', ...opts });
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

// exports ⇔ tsup entries ⇔ typedoc entry points
const tsupSource = readFileSync('tsup.config.ts', 'utf8');
const listed = /publicModules = \[([^\]]*)\]/.exec(tsupSource)?.[1] ?? '';
const modules = [...listed.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
const expected = ['.', ...modules.map((m) => `./${m}`), './package.json'].sort();
const actual = Object.keys(pkg.exports).sort();
if (JSON.stringify(expected) !== JSON.stringify(actual)) {
  console.error(`package.json exports ${JSON.stringify(actual)} do not match tsup modules ${JSON.stringify(expected)}`);
  process.exit(1);
}
const typedoc = JSON.parse(readFileSync('typedoc.json', 'utf8'));
const docEntries = ['src/index.ts', ...modules.map((m) => `src/${m}/index.ts`)].sort();
if (JSON.stringify([...typedoc.entryPoints].sort()) !== JSON.stringify(docEntries)) {
  console.error(`typedoc.json entryPoints do not list every module: expected ${JSON.stringify(docEntries)}`);
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'jornada-pack-'));
try {
  run('npm', ['pack', '--silent', '--pack-destination', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack produced no tarball');
  const path = join(dir, tarball);
  // The guides travel with the package (README links them; editors and offline readers open them).
  const listing = execFileSync('tar', ['-tzf', path], { encoding: 'utf8' }).split('\n');
  const guides = readdirSync('docs').filter((f) => f.endsWith('.md'));
  const missing = guides.filter((g) => !listing.includes(`package/docs/${g}`));
  if (guides.length === 0 || missing.length > 0) {
    console.error(`the tarball lacks guides from docs/: ${JSON.stringify(missing)}`);
    process.exit(1);
  }
  run('npx', ['--no-install', 'publint', 'run', path, '--strict']);
  run('npx', ['--no-install', 'attw', path, '--profile', 'node16']);
  console.log(`package check passed: ${tarball} (${modules.length} subpaths + root)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
