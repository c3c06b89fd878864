import { resolve } from 'node:path';
import { UserError } from '../shared/errors.js';
import { mergeShardReports, type ShardReport } from './merge.js';
import { readRunInput } from './report-input.js';

/** `secpol merge a.json b.json ...`: read every shard report, then combine them. */
export async function runMerge(files: readonly string[], cwd: string): Promise<ReturnType<typeof mergeShardReports>> {
  const inputs: ShardReport[] = [];
  for (const file of files) {
    const input = await readRunInput(resolve(cwd, file), file);
    if (input.kind !== 'report') throw new UserError([{ severity: 'error', file, message: 'cannot merge: not a JSON report (secpol check --shard i/n --format json)' }]);
    inputs.push({ report: input.report, file });
  }
  return mergeShardReports(inputs);
}
