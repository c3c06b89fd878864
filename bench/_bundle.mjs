// Shared by the benchmarks (not run by bench/run.mjs: its name starts with `_`): bundles a
// TypeScript entry that re-exports parts of src/ and test/fakes/ with esbuild into bench/.out,
// so that a benchmark can run the real sources without a build step.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where bundles and other benchmark outputs go (git-ignored). */
export const outDir = path.join(root, 'bench', '.out');

/**
 * Bundles `contents` (TypeScript; relative imports resolve from the repository root) into
 * bench/.out/<name> and returns the file's path. `options` are extra esbuild options
 * (e.g. `define`, `logLevel`).
 */
export async function bundle(name, contents, options = {}) {
  const outfile = path.join(outDir, name);
  await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    ...options,
  });
  return outfile;
}

/** Imports a file written by bundle(). */
export function load(outfile) {
  return import(pathToFileURL(outfile).href);
}

/** bundle() then load(): the bundled entry's exports. */
export async function bundleAndLoad(name, contents, options = {}) {
  return load(await bundle(name, contents, options));
}
