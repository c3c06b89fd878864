import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { type CiPlatform, platforms } from '../../app/ci-platforms.js';
import { UserError } from '../../shared/errors.js';
import type { Io } from '../io.js';

interface InitFlags {
  platform?: string;
  actionRef?: string;
  force?: boolean;
}

export function registerInit(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('write a starter secpol.yaml and a CI job, pinned to this version, for the detected platform')
    .argument('[path]', 'repository path', '.')
    .option('--platform <name>', `${platforms.join(', ')} (default: from the CI files, then the origin remote's host)`)
    .option('--action-ref <sha>', 'GitHub: the full commit SHA of the secpol Action release to pin (default: the release tag)')
    .option('--force', 'overwrite existing files')
    .action(async (path: string, flags: InitFlags) => {
      const root = resolve(io.cwd, path);
      // Loaded when init runs: `--version` and `--help` never pay for templates, git and providers.
      const [{ ciJob, starterConfig }, { secpolReleaseCommit, secpolVersion }] = await Promise.all([import('../../app/init-templates.js'), import('../../app/package-root.js')]);
      const platform = flags.platform ?? (await detectPlatform(root, io.env));
      if (!(platforms as readonly string[]).includes(platform)) throw new UserError(`--platform must be one of ${platforms.join(', ')}`);
      if (flags.actionRef !== undefined && !/^[0-9a-f]{40}$/.test(flags.actionRef)) throw new UserError('--action-ref must be a full 40-character commit SHA');
      const actionRef = flags.actionRef ?? secpolReleaseCommit();
      const job = ciJob(platform as CiPlatform, secpolVersion(), actionRef);
      const files: [string, string][] = [
        ['secpol.yaml', starterConfig],
        [job.path, job.text],
      ];
      const clashes = files.filter(([file]) => existsSync(join(root, file)));
      if (clashes.length && !flags.force) {
        throw new UserError(`${clashes.map(([f]) => f).join(', ')} already exist${clashes.length === 1 ? 's' : ''}; use --force to overwrite`);
      }
      for (const [file, text] of files) {
        await mkdir(dirname(join(root, file)), { recursive: true });
        await writeFile(join(root, file), text);
        io.out(`wrote ${file}\n`);
      }
      io.out(`${platform}: ${job.next}\n`);
      if (platform === 'github' && !actionRef) {
        io.err(`secpol: this build is not a release, so the Action is pinned to tag v${secpolVersion()}; ci.pinned-actions will flag it until you pin its commit SHA (--action-ref)\n`);
      }
      setExit(0);
    });
}

/**
 * The platform of the repository at `root`: its pipeline files when they name exactly one
 * (or one that the origin agrees with), else the origin remote's host (well-known hosts, the
 * configured self-hosted bases, a host named gitlab.* or github.*). Nothing to go on is a
 * usage error rather than a guess.
 */
async function detectPlatform(root: string, env: Io['env']): Promise<string> {
  const [{ gitOriginUrl }, { originProvider }, { ciFilesPlatforms, platformFromHostName }] = await Promise.all([
    import('../../app/origin.js'),
    import('../../app/providers.js'),
    import('../../app/init-templates.js'),
  ]);
  const origin = await gitOriginUrl(root);
  const fromOrigin = origin ? (ciPlatformOf(originProvider(origin, env)) ?? platformFromHostName(origin)) : undefined;
  const fromFiles = ciFilesPlatforms(root);
  if (fromFiles.length === 1) return fromFiles[0]!;
  if (fromOrigin && (fromFiles.length === 0 || fromFiles.includes(fromOrigin))) return fromOrigin;
  const why = fromFiles.length > 1 ? `pipeline files for ${fromFiles.join(' and ')}` : origin ? `an origin remote whose host is not recognised` : 'no CI files and no origin remote';
  throw new UserError(`cannot tell the CI platform (${why}); choose one with --platform ${platforms.join('|')}`);
}

/** The CI platform of a provider name, when the provider is one (the origin's host decides). */
function ciPlatformOf(provider: string | undefined): CiPlatform | undefined {
  return (platforms as readonly string[]).includes(provider ?? '') ? (provider as CiPlatform) : undefined;
}
