// Bundles the CLI, its dependencies included, so that
// - cold start reads a handful of files instead of thousands (provider SDKs stay in chunks of
//   their own, loaded lazily through dynamic import());
// - the npm package has no runtime dependencies: `npm install secpol-x.y.z.tgz` needs no registry;
// - the GitHub Action runs from the files committed in dist-action/, with nothing installed.
//
//   node scripts/build.mjs            dist/ (what bin/secpol.js and the npm package run), with the
//                                     built-in pack precompiled into dist/builtin-pack.json
//   node scripts/build.mjs --action   dist-action/ (committed; test/action checks it is current)
//   node scripts/build.mjs --action --outdir <dir>   the same bundle elsewhere (for that check)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * The commit of a release build: the tree is clean and HEAD is tag v<version>. `secpol init`
 * pins the Action to it; other builds ('' here) pin the tag and say so.
 */
function releaseCommit() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const tags = git('tag', '--points-at', 'HEAD').split('\n');
    return tags.includes(`v${pkg.version}`) && git('status', '--porcelain') === '' ? git('rev-parse', 'HEAD') : '';
  } catch {
    return ''; // not a git checkout (a source tarball): no release commit to name
  }
}

/** The bundle: `action` adds the Action's entry and leaves out source maps (committed files stay small). */
export async function buildBundle({ outdir, action }) {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: action ? { secpol: 'src/bin.ts', action: 'src/action.ts' } : { secpol: 'src/bin.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: action ? false : 'linked',
    // CommonJS dependencies call require() for Node built-ins and read __dirname (azure-devops-node-api,
    // for its user agent); an ES module has none of these of its own.
    banner: {
      js: [
        "import { createRequire as __secpolCreateRequire } from 'node:module';",
        "import { dirname as __secpolDirname } from 'node:path';",
        "import { fileURLToPath as __secpolFileURLToPath } from 'node:url';",
        'const require = __secpolCreateRequire(import.meta.url);',
        'const __filename = __secpolFileURLToPath(import.meta.url);',
        'const __dirname = __secpolDirname(__filename);',
      ].join('\n'),
    },
    // The Action's bundle is committed, so it cannot name its own commit.
    define: { __SECPOL_VERSION__: JSON.stringify(pkg.version), __SECPOL_RELEASE_COMMIT__: JSON.stringify(action ? '' : releaseCommit()) },
    logLevel: 'warning',
  });
}

/**
 * Precompiles the built-in pack (parsed and validated, positions kept) into
 * <outdir>/builtin-pack.json, so that a run does not parse its YAML; a build with an invalid
 * built-in rule fails here.
 */
async function precompileBuiltinPack(outdir) {
  const packer = path.join(outdir, '.pack-builtin.mjs');
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
    define: { __SECPOL_VERSION__: JSON.stringify(pkg.version) },
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
    writeFileSync(path.join(outdir, 'builtin-pack.json'), JSON.stringify(packDefinitions(loaded.definitions, dir, files, root)));
  } finally {
    rmSync(packer, { force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { action: { type: 'boolean' }, outdir: { type: 'string' } } });
  const outdir = values.outdir ?? (values.action ? 'dist-action' : 'dist');
  await buildBundle({ outdir: values.outdir ? outdir : `${root}${outdir}`, action: values.action ?? false });
  if (!values.action) await precompileBuiltinPack(values.outdir ? outdir : `${root}${outdir}`);
}
