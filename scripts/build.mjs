// Bundles the CLI so that cold start reads a handful of files instead of thousands.
// Provider SDKs stay external and load lazily through dynamic import().
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: { secpol: 'src/bin.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  packages: 'external',
  define: { __SECPOL_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
