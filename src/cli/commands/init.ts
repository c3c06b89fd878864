import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { gitOriginUrl } from '../../app/origin.js';
import { originProvider } from '../../app/providers.js';
import { ciTemplates, starterConfig } from '../../app/init-templates.js';
import { UserError } from '../../shared/errors.js';
import type { Io } from '../io.js';

export function registerInit(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('write a starter secpol.yaml and a CI job for the detected platform')
    .argument('[path]', 'repository path', '.')
    .option('--platform <name>', `${Object.keys(ciTemplates).join(', ')} (default: detected from origin)`)
    .option('--force', 'overwrite existing files')
    .action(async (path: string, flags: { platform?: string; force?: boolean }) => {
      const root = resolve(io.cwd, path);
      const origin = await gitOriginUrl(root);
      const platform = flags.platform ?? (origin ? originProvider(origin, io.env) : undefined) ?? 'github';
      const template = ciTemplates[platform as keyof typeof ciTemplates];
      if (!template) throw new UserError(`--platform must be one of ${Object.keys(ciTemplates).join(', ')}`);
      const files: [string, string][] = [
        ['secpol.yaml', starterConfig],
        [template.path, template.text],
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
      if (platform !== 'github') io.out(`include ${template.path} from your pipeline definition (see the comment at its top)\n`);
      setExit(0);
    });
}
