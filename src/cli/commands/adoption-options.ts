import type { Command } from 'commander';

/** `check --baseline`: failures already in the baseline do not fail the run. */
export function addBaselineOption(cmd: Command): Command {
  return cmd.option('--baseline <file>', 'a JSON report or baseline file: failures already in it are `existing` and do not fail the run');
}

/** `--shard i/n`: one part of an org/group/project scan, for CI matrices (merge with `secpol merge`). */
export function addShardOption(cmd: Command): Command {
  return cmd.option('--shard <i/n>', 'org/group/project scans: only the i-th of n stable parts of the repositories (org-level resources in shard 1)');
}
