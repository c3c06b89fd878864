import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { secpol, type CliRun } from './cli.js';

/**
 * `check --shard i/n` then `merge`, through the CLI, for any provider: the unsharded scan and
 * each shard against the same imitation, then the checks that the shards partition the
 * resources and merge back into the unsharded report.
 */
export interface ShardedScans {
  whole: CliRun;
  wholeRequests: number;
  shards: CliRun[];
  shardRequests: number[];
  /** shard-1.json … shard-n.json in the working directory. */
  files: string[];
}

/**
 * Runs `scan` unsharded (JSON, SARIF and JUnit into whole.*) and then as each of `count`
 * shards (JSON into shard-i.json), one after the other; `requests()` is the imitation's
 * running request count.
 */
export async function scanWholeAndShards(scan: (extra: string[]) => Promise<CliRun>, count: number, requests: () => number): Promise<ShardedScans> {
  let before = requests();
  const whole = await scan(['--format', 'json=whole.json', '--format', 'sarif=whole.sarif', '--format', 'junit=whole.xml']);
  const wholeRequests = requests() - before;
  const shards: CliRun[] = [];
  const shardRequests: number[] = [];
  const files = Array.from({ length: count }, (_, i) => `shard-${i + 1}.json`);
  for (let i = 1; i <= count; i++) {
    before = requests();
    shards.push(await scan(['--shard', `${i}/${count}`, '--format', `json=${files[i - 1]}`]));
    shardRequests.push(requests() - before);
  }
  return { whole, wholeRequests, shards, shardRequests, files };
}

/** Reports differ only in when they ran and how many requests each job made. */
function normalise(json: string): unknown {
  const report = JSON.parse(json) as Record<string, unknown>;
  return { ...report, startedAt: 'T', finishedAt: 'T', stats: {} };
}

/** Every shard has resources, none shares one with another, the org-level ones are in shard 1 only, and each made fewer requests than the whole scan. */
export function expectPartition(dir: string, scans: ShardedScans, orgLevelIds: string[]): void {
  const ids = scans.files.map((f) => new Set((JSON.parse(readFileSync(join(dir, f), 'utf8')) as { results: { resource: { id: string } }[] }).results.map((r) => r.resource.id)));
  for (const [i, set] of ids.entries()) {
    expect(set.size).toBeGreaterThan(0);
    for (const id of orgLevelIds) expect(set.has(id), `${id} in shard ${i + 1}`).toBe(i === 0);
    for (const [j, other] of ids.entries()) if (i !== j) expect([...set].filter((id) => other.has(id))).toEqual([]);
  }
  for (const n of scans.shardRequests) expect(n).toBeLessThan(scans.wholeRequests);
}

/** `merge` of the shard reports equals the unsharded JSON, SARIF and JUnit, byte for byte once timestamps and request counters are set aside. */
export function expectMergeEqualsWhole(dir: string, scans: ShardedScans): void {
  const merged = secpol(['merge', ...scans.files, '--format', 'json=merged.json', '--format', 'sarif=merged.sarif', '--format', 'junit=merged.xml'], { cwd: dir });
  expect(merged.stderr).toBe('');
  expect(merged.status).toBe(scans.whole.status);
  const text = (f: string) => readFileSync(join(dir, f), 'utf8');
  expect(normalise(text('merged.json'))).toEqual(normalise(text('whole.json')));
  // Same pieces in the same order: the JSON text itself, not only its value.
  const strip = (s: string) => s.replace(/"(startedAt|finishedAt)": "[^"]*"/g, '').replace(/"stats": \{[\s\S]*\}\n\}\n$/, '');
  expect(strip(text('merged.json'))).toBe(strip(text('whole.json')));
  expect(text('merged.sarif').replace(/"(start|end)TimeUtc": "[^"]*"/g, '')).toBe(text('whole.sarif').replace(/"(start|end)TimeUtc": "[^"]*"/g, ''));
  expect(text('merged.xml').replace(/time(stamp)?="[^"]*"/g, '')).toBe(text('whole.xml').replace(/time(stamp)?="[^"]*"/g, ''));
}
