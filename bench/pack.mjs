// Built-in pack cost: load + compile policies/builtin, run every example, then evaluate the
// bad-org snapshot replicated N times (ids suffixed) with the real pack.
// Usage: node bench/pack.mjs [copies]   (bundles src/ with esbuild first)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { bundleAndLoad, root } from './_bundle.mjs';

const core = await bundleAndLoad(
  'pack.mjs',
  `export { evaluate } from './src/engine/index.js';\nexport { loadPolicyFiles, compileRules, runExamples } from './src/policy/index.js';\n`,
);
const copies = Number(process.argv[2] ?? 200);

const ms = (t0) => `${(performance.now() - t0).toFixed(1)} ms`;

let t0 = performance.now();
const loaded = await core.loadPolicyFiles([path.join(root, 'policies/builtin')], { cwd: root });
const { rules, diagnostics } = core.compileRules(loaded.definitions, []);
console.log(`load + compile: ${rules.length} rules, ${loaded.diagnostics.length + diagnostics.length} diagnostics, ${ms(t0)}`);

t0 = performance.now();
const outcomes = core.runExamples(rules);
console.log(`examples: ${outcomes.length} run, ${outcomes.filter((o) => !o.ok).length} failing, ${ms(t0)}`);

const snapshot = JSON.parse(readFileSync(path.join(root, 'fixtures/states/bad-org.json'), 'utf8'));
const resources = [];
for (let i = 0; i < copies; i++) for (const r of snapshot.resources) resources.push({ ...r, id: `${r.id}#${i}` });
t0 = performance.now();
const { results } = core.evaluate(rules, resources, { now: new Date(snapshot.collectedAt) });
const elapsed = performance.now() - t0;
const fails = results.filter((r) => r.status === 'fail').length;
console.log(
  `evaluate: ${resources.length} resources x pack -> ${results.length} results (${fails} fail) in ${elapsed.toFixed(1)} ms, ${Math.round(results.length / (elapsed / 1000))} results/s`,
);
