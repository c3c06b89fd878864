import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { secpolAsync, tempDir } from '../helpers/cli.js';

/**
 * The same hostile inputs through every output secpol writes: each report format, the
 * compliance export in each evidence format, and the snapshot. Secrets are built at run time
 * (no token shape sits in the repository) from alphanumeric cores that no format escapes, so
 * a core found in an output means the secret leaked, whatever escaping was applied around it.
 */
const core = (n: number) => randomBytes(n).toString('hex').slice(0, n);
const ghpCore = core(36);
const glpatCore = core(20);
const passwordCore = `pw${core(14)}`;
const tokens = {
  ghp: `ghp_${ghpCore}`,
  glpat: `glpat-${glpatCore}`,
  registryPassword: passwordCore,
};
const CORES = [ghpCore, glpatCore, passwordCore];

/** A repository and a Dockerfile whose names, image references and labels carry credentials. */
function hostileState(): unknown {
  return {
    schema: 'secpol/snapshot@1',
    resources: [
      {
        id: `github:acme/leaky-${tokens.ghp}`,
        kind: 'repository',
        provider: 'github',
        // Markdown escapes `_` and `-`, HTML `&`: the token sits next to characters every format rewrites.
        name: `acme/leaky_repo token=${tokens.ghp} & <b>${tokens.glpat}</b>`,
        securityPolicy: false,
      },
      {
        id: 'local:Dockerfile',
        kind: 'container-image',
        provider: 'local',
        name: 'Dockerfile',
        path: 'Dockerfile',
        location: { path: 'Dockerfile', line: 1 },
        runsAsRoot: true,
        user: null,
        baseImages: [
          { ref: `deploy_bot:${tokens.registryPassword}@registry.example.com/team/app:1.2`, pinning: 'tag', line: 1 },
          { ref: `registry.example.com/${tokens.glpat}/app:latest`, pinning: 'latest', line: 2 },
        ],
        labels: { 'org.opencontainers.image.source': `https://bot:${tokens.registryPassword}@git.example.com/acme/app` },
        labelKeys: ['org.opencontainers.image.source'],
      },
    ],
  };
}

const outputs = new Map<string, string>();

beforeAll(async () => {
  const dir = tempDir('secpol-e2e-redaction-');
  writeFileSync(join(dir, 'state.json'), JSON.stringify(hostileState()));
  const env = { SECPOL_NOW: '2026-11-26T12:00:00Z' };
  const base = ['--no-builtin', '--policies', join(import.meta.dirname, '..', '..', 'policies', 'builtin'), '--state', 'state.json', '--provider', 'snapshot'];
  const reports = ['json=r.json', 'sarif=r.sarif', 'junit=r.xml', 'markdown=r.md', 'html=r.html', 'text=r.txt'];
  const runs = await Promise.all([
    secpolAsync(['check', ...base, '--sarif-all', '--verbose', ...reports.flatMap((f) => ['--format', f])], { cwd: dir, env }),
    secpolAsync(['check', ...base, '--verbose', '--format', 'text'], { cwd: dir, env }),
    ...(['json', 'markdown', 'csv'] as const).map((f) => secpolAsync(['export', ...base, '--framework', 'soc2', '--format', f, '-o', `export.${f}`], { cwd: dir, env })),
    secpolAsync(['snapshot', ...base, '-o', 'snapshot.json'], { cwd: dir, env }),
  ]);
  for (const run of runs) expect(run.stderr).not.toMatch(/internal error/);
  for (const f of reports) outputs.set(f.split('=')[0]!, readFileSync(join(dir, f.split('=')[1]!), 'utf8'));
  outputs.set('text (stdout)', runs[1]!.stdout + runs[1]!.stderr);
  for (const f of ['json', 'markdown', 'csv']) outputs.set(`export ${f}`, readFileSync(join(dir, `export.${f}`), 'utf8'));
  outputs.set('snapshot', readFileSync(join(dir, 'snapshot.json'), 'utf8'));
}, 180_000);

describe('no credential reaches any output, however the format escapes it', () => {
  const names = ['json', 'sarif', 'junit', 'markdown', 'html', 'text', 'text (stdout)', 'export json', 'export markdown', 'export csv', 'snapshot'];
  for (const name of names) {
    it(name, () => {
      const out = outputs.get(name)!;
      // The hostile values did reach this output (masked): the check below is not vacuous.
      expect(out).toContain('REDACTED');
      for (const secret of CORES) expect(out).not.toContain(secret);
    });
  }

  it('keeps the registry and image path readable around the masked credential', () => {
    expect(outputs.get('json')).toContain('[REDACTED]@registry.example.com/team/app:1.2');
    expect(outputs.get('snapshot')).toContain('[REDACTED]@registry.example.com/team/app:1.2');
  });
});
