import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The modules a start-up from `from` loads: it and what it imports statically, each with the chain that pulls it in. */
async function startupModules(from = 'src/bin.ts'): Promise<Map<string, string[]>> {
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: ['src/bin.ts'],
    bundle: true,
    write: false,
    metafile: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    outdir: 'out',
    logLevel: 'silent',
    define: { __SECPOL_VERSION__: '"0.0.0"', __SECPOL_RELEASE_COMMIT__: '""' },
  });
  const chains = new Map<string, string[]>([[from, [from]]]);
  const queue = [from];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const imported of metafile.inputs[file]?.imports ?? []) {
      // Dynamic import() is what keeps a module out of start-up.
      if (imported.kind !== 'import-statement' || imported.external || chains.has(imported.path)) continue;
      chains.set(imported.path, [...chains.get(file)!, imported.path]);
      queue.push(imported.path);
    }
  }
  return chains;
}

describe('start-up', () => {
  it('`--version` loads the entry and its stream wrapper only', async () => {
    expect([...(await startupModules()).keys()].sort()).toEqual(['src/bin.ts', 'src/cli/io.ts']);
  });

  it('`--help` and commands load no command implementation, config loader, report writer, provider implementation or YAML/glob parser', async () => {
    // src/bin.ts imports the program dynamically once it is not `--version`.
    const modules = await startupModules('src/cli/program.ts');
    expect(modules.has('src/cli/options.ts')).toBe(true);
    const unwanted = [...modules.keys()].filter((path) =>
      [
        /^src\/app\/(run-|doctor|settings|plan|collect|policies|merge|diff|baseline|init-templates|origin)/,
        /^src\/config\//,
        /^src\/policy\//,
        /^src\/engine\//,
        /^src\/report\/(?!escape\.ts$)/,
        /^src\/providers\/[^/]+\/(?!meta\.ts$|target\.ts$|config\.ts$)/,
        /node_modules\/(yaml|picomatch|@octokit|@gitbeaker|@aws-sdk|@azure|azure-devops-node-api)\//,
      ].some((pattern) => pattern.test(path)),
    );
    expect(unwanted.map((path) => modules.get(path)!.join(' -> '))).toEqual([]);
  });
});
