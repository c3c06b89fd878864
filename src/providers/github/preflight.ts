import type { TargetSpec } from '../types.js';
import { Redactor } from '../../shared/redact.js';
import { GithubClient } from './client.js';
import { accessNeeds, type AccessArea } from './permissions.js';
import { resolveSettings, NO_CREDENTIALS } from './settings.js';
import { UserError } from '../../shared/errors.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Which data areas each group of built-in rules reads. */
const RULE_AREAS: [string, AccessArea[]][] = [
  ['org.mfa-required, org.default-permission', ['orgSettings']],
  ['org.members-without-mfa', ['orgMembers2fa']],
  ['org.admin-count', ['orgAdmins']],
  ['branch.*', ['branchProtection', 'rules']],
  ['repo.secret-scanning, repo.dependency-alerts', ['securityFeatures']],
  ['repo.outside-collaborators', ['collaborators']],
  ['repo.deploy-keys-read-only, tokens.expiry', ['deployKeys', 'orgPatGrants']],
  ['repo.webhooks-tls', ['hooks']],
  ['secrets.rotation-age', ['secrets', 'envSecrets', 'orgSecrets']],
  ['deploy.production-*', ['environments']],
  ['ci.*, container.*, repo.security-policy', ['contents', 'actions', 'orgActions']],
];

/** Classic scopes that imply others (GitHub's scope hierarchy). */
const IMPLIED: Record<string, string[]> = {
  'admin:org': ['write:org', 'read:org'],
  'write:org': ['read:org'],
  'admin:repo_hook': ['write:repo_hook', 'read:repo_hook'],
  'write:repo_hook': ['read:repo_hook'],
  repo: ['repo:status', 'public_repo'],
};

function expand(scopes: string[]): Set<string> {
  const out = new Set(scopes);
  for (const s of scopes) for (const i of IMPLIED[s] ?? []) out.add(i);
  return out;
}

/** `secpol doctor github`: the token's kind and scopes, and what each rule group needs. */
export async function preflight(spec: TargetSpec, env: Env): Promise<{ lines: string[] }> {
  const settings = resolveSettings(spec, env);
  if (!settings) throw new UserError('github: no target: pass --github-org or --repo owner/name, or run inside a clone of a GitHub repository');
  if (!settings.credentials) throw new UserError(NO_CREDENTIALS);
  const redactor = new Redactor();
  const client = await GithubClient.create({ ...settings, noCache: true }, { redactor, debug: () => {} });
  const lines: string[] = [`github: API ${settings.apiUrl}`];
  const t = settings.target;
  const probe =
    t.kind === 'org'
      ? await client.octokit.request('GET /orgs/{org}', { org: t.org }).then(
          (r) => ({ status: r.status, headers: r.headers as Record<string, unknown> }),
          (e: { status?: number; response?: { headers?: Record<string, unknown> } }) => ({ status: e.status ?? 0, headers: e.response?.headers ?? {} }),
        )
      : await client.octokit.request('GET /repos/{owner}/{repo}', { owner: t.repos[0]!.owner, repo: t.repos[0]!.name }).then(
          (r) => ({ status: r.status, headers: r.headers as Record<string, unknown> }),
          (e: { status?: number; response?: { headers?: Record<string, unknown> } }) => ({ status: e.status ?? 0, headers: e.response?.headers ?? {} }),
        );
  if (probe.status === 401) throw client.fatal({ status: 401 }, 'the target');
  const scopesHeader = probe.headers['x-oauth-scopes'];
  const classic = typeof scopesHeader === 'string' && scopesHeader.trim() !== '';
  const held = classic ? expand(String(scopesHeader).split(',').map((s) => s.trim()).filter(Boolean)) : undefined;
  const kind = settings.credentials.kind === 'app' ? 'GitHub App installation token' : classic ? 'classic personal access token' : 'fine-grained personal access token (or other token without classic scopes)';
  lines.push(`token: ${kind}`);
  if (held) lines.push(`scopes: ${[...held].sort().join(', ') || 'none'}`);
  if (client.tokenExpiration) lines.push(`token expires: ${client.tokenExpiration}`);
  lines.push(`target: ${t.kind === 'org' ? `organization ${t.org}` : t.repos.map((r) => `${r.owner}/${r.name}`).join(', ')} (HTTP ${probe.status})`);
  for (const [rules, areas] of RULE_AREAS) {
    for (const area of areas) {
      const need = accessNeeds[area];
      const role = 'role' in need && need.role ? `; role: ${need.role}` : '';
      let status: string;
      if (held) {
        const wanted = need.classic.split(',').map((s) => s.trim());
        status = wanted.every((w) => held.has(w)) ? 'ok' : `MISSING scope ${wanted.filter((w) => !held.has(w)).join(', ')}`;
      } else status = `needs ${need.fineGrained}`;
      lines.push(`${rules}: ${need.what}: ${held ? `scope ${need.classic}` : 'permission'} -> ${status}${role}`);
    }
  }
  return { lines: lines.map((l) => redactor.redact(l)) };
}
