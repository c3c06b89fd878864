import type { Command } from 'commander';
import { UserError } from '../../shared/errors.js';
import type { Io } from '../io.js';

const BASES = {
  github: (env: Io['env']) => env.GITHUB_API_URL ?? 'https://api.github.com',
  gitlab: (env: Io['env']) => env.CI_SERVER_URL ?? env.GITLAB_URL ?? 'https://gitlab.com',
  'azure-devops': (env: Io['env']) => env.SYSTEM_COLLECTIONURI ?? '(from --ado-org)',
} as const;

export function registerDoctor(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('doctor')
    .description('check credentials and permissions for a provider (never prints token values)')
    .argument('[provider]', 'github, gitlab or azure-devops', 'github')
    .option('--repo <owner/name...>', 'repositories to probe')
    .option('--github-org <org>', 'organization to probe')
    .action(async (provider: string, flags: { repo?: string[]; githubOrg?: string }) => {
      if (!(provider in BASES)) throw new UserError(`doctor knows github, gitlab and azure-devops (got '${provider}')`);
      const name = provider as keyof typeof BASES;
      io.out(`${name}: API ${BASES[name](io.env)}\n`);
      // Loaded here, not at start-up: `--version` and `--help` never pay for settings and plans.
      const [{ hasToken }, { loadSettings }] = await Promise.all([import('../../app/plan.js'), import('../../app/settings.js')]);
      io.out(`${name}: token ${hasToken(name, io.env) ? 'present' : 'missing'}\n`);
      if (name === 'github') {
        const settings = await loadSettings({ repo: flags.repo, githubOrg: flags.githubOrg }, io);
        const github = (await import('../../providers/github/index.js')) as { preflight?: (spec: unknown, env: Io['env']) => Promise<{ lines: string[] }> };
        if (github.preflight) {
          const report = await github.preflight(settings.spec, io.env);
          for (const line of report.lines) io.out(`${line}\n`);
        }
      }
      setExit(hasToken(name, io.env) ? 0 : 2);
    });
}
