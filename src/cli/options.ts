import { Option, type Command } from 'commander';
import { providerMetas, providerNames } from '../app/providers.js';

const collectList = (value: string, previous: string[] = []) => [...previous, value];

/** Each provider's own options (from its meta), grouped under the provider's name in --help. */
export function addProviderOptions(cmd: Command): Command {
  for (const meta of providerMetas) {
    for (const option of meta.options) {
      const configured = option.configKey ? ` (config: targets.${option.configKey})` : '';
      cmd.addOption(new Option(option.flags, `${option.description}${configured}`).helpGroup(`${meta.name} options (${meta.summary}):`));
    }
  }
  return cmd;
}

/** Options shared by every command that collects state. */
export function addCollectOptions(cmd: Command): Command {
  const filtered = providerMetas.filter((m) => m.filtersRepositories).map((m) => m.name).join(', ');
  cmd
    .option('--config <file>', 'config file (default: ./secpol.yaml when present)')
    .option('--policies <path...>', 'policy files or directories, added to the built-in pack')
    .option('--no-builtin', 'do not load the built-in rule pack')
    .option('--state <file...>', 'normalized state files (JSON/YAML, as written by `secpol snapshot`)')
    .option('--provider <name...>', `providers to collect from (${providerNames.join(', ')})`)
    .option('--repo <owner/name>', 'a remote repository to scan (repeatable)', collectList)
    .option('--include <glob...>', `repository scans (${filtered}): only repositories matching these owner/name globs`)
    .option('--exclude <glob...>', `repository scans (${filtered}): skip repositories matching these globs`)
    .option('--include-archived', `repository scans (${filtered}): also archived repositories`)
    .option('--include-forks', `repository scans (${filtered}): also forks`)
    .option('--no-cache', 'do not use the on-disk HTTP cache');
  return addProviderOptions(cmd);
}

export function addOutputOptions(cmd: Command): Command {
  return cmd
    .option('--format <format...>', 'text|json|sarif|junit|markdown|html, or format=file (repeatable)')
    .option('-o, --output <file>', 'write the (single) format to a file')
    .addOption(new Option('--fail-on <severity>', 'lowest failing severity that fails the run').choices(['critical', 'high', 'medium', 'low', 'none']))
    .option('--sarif-all', 'SARIF also lists passes, waived, errors and skips (compliance archives)')
    .option('--quiet', 'print nothing when nothing failed; no progress')
    .option('--verbose', 'list passes and skip reasons; stack traces for internal errors')
    .option('--no-color', 'no colour in terminal output');
}
