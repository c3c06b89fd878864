// `npm run bench`: runs every benchmark in bench/ and prints their figures.
// Figures, not pass/fail: timing assertions flake on a noisy machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeCommand(args, runs = 15) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

if (only.length === 0 || only.includes('startup')) {
  const base = timeCommand(['-e', '0']);
  const cli = timeCommand(['bin/secpol.js', '--version']);
  // --help builds every command and provider option: the CLI's real start-up.
  const help = timeCommand(['bin/secpol.js', '--help']);
  console.log('== startup (median of 15)');
  console.log(`node -e 0              ${base.toFixed(1)} ms`);
  console.log(`secpol --version       ${cli.toFixed(1)} ms  (${(cli / base).toFixed(2)}x node; target <= 2x)`);
  console.log(`secpol --help          ${help.toFixed(1)} ms  (${(help / base).toFixed(2)}x node)`);
}

const benches = readdirSync(join(root, 'bench'))
  .filter((f) => /\.(mjs|ts)$/.test(f) && f !== 'run.mjs' && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n== ${file}`);
  const args = file.endsWith('.ts') ? ['--import', 'tsx', join('bench', file)] : [join('bench', file)];
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.log(`(${file} exited ${run.status})`);
  }
}
process.exitCode = failed ? 1 : 0;
