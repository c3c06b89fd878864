import type { Command } from 'commander';
import { providerNames } from '../../app/providers.js';
import { stripControl } from '../../report/escape.js';
import type { Io } from '../io.js';
import { addProviderOptions } from '../options.js';
import type { CollectFlags } from './common.js';
import { commonOptions } from './common.js';

export function registerDoctor(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('doctor')
    .description('check a provider\'s credential, permissions and reachability by cheap real calls (never prints token values)')
    .argument('[provider]', `${providerNames.join(', ')} (default: the one the targets or the git origin point to)`)
    .option('--config <file>', 'config file (default: ./secpol.yaml when present)')
    .option('--repo <owner/name...>', 'repositories to probe')
    .option('--state <file...>', 'state files to check (snapshot)');
  addProviderOptions(cmd).action(async (provider: string | undefined, flags: CollectFlags) => {
    // Loaded when doctor runs: `--version` and `--help` never pay for settings, config and plans.
    const { runDoctor } = await import('../../app/doctor.js');
    const outcome = await runDoctor(provider, commonOptions('.', flags), { cwd: io.cwd, env: io.env });
    const line = (text: string) => io.out(`${stripControl(text)}\n`);
    const { name, report, credential } = outcome;
    line(`${name}: API ${report.endpoint}`);
    line(`${name}: token ${credential ? 'present' : 'missing'}`);
    if (report.identity) line(`${name}: credential ${report.identity}`);
    for (const check of report.checks) line(`${check.name}: ${check.detail}`);
    setExit(outcome.exitCode);
  });
}
