// Bundles the CLI so that cold start reads a handful of files instead of thousands.
// Provider SDKs stay external and load lazily through dynamic import().
// Then precompiles the built-in pack (parsed and validated, positions kept) into
// dist/builtin-pack.json, so that a run does not parse its YAML; a build with an invalid
// built-in rule fails here.
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const define = { __SECPOL_VERSION__: JSON.stringify(pkg.version) };

await build({
  absWorkingDir: root,
  entryPoints: { secpol: 'src/bin.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  packages: 'external',
  define,
  logLevel: 'warning',
});

const packer = path.join(root, 'dist', '.pack-builtin.mjs');
await build({
  absWorkingDir: root,
  stdin: {
    contents: "export { loadPolicyFiles, findPolicyFiles } from './src/policy/load.ts';\nexport { packDefinitions } from './src/policy/precompiled.ts';\n",
    resolveDir: root,
    loader: 'ts',
  },
  outfile: packer,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  define,
  logLevel: 'warning',
});
try {
  const { loadPolicyFiles, findPolicyFiles, packDefinitions } = await import(pathToFileURL(packer).href);
  const dir = path.join(root, 'policies', 'builtin');
  const { files } = await findPolicyFiles(dir);
  const loaded = await loadPolicyFiles([dir], { cwd: root });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    for (const d of errors) console.error(`${d.file}:${d.line}:${d.column}: ${d.message}`);
    throw new Error('the built-in pack is invalid');
  }
  writeFileSync(path.join(root, 'dist', 'builtin-pack.json'), JSON.stringify(packDefinitions(loaded.definitions, dir, files, root)));
} finally {
  rmSync(packer, { force: true });
}
