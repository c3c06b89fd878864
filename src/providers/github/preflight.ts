import { z } from 'zod';
import type { Gap } from '../../model/index.js';
import type { DoctorCheck, DoctorStatus, ProviderTargets } from '../contract.js';
import { Redactor } from '../../shared/redact.js';
import { UserError } from '../../shared/errors.js';
import { GithubClient } from './client.js';
import { accessNeeds, type AccessArea } from './permissions.js';
import { getRepo, listOrgRepos, type RepoRef } from './repos.js';
import { OrganizationFull, SecurityAndAnalysis } from './schema.js';
import { resolveSettings } from './settings.js';

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
  ['secrets.rotation-age', ['secrets', 'orgSecrets']],
  ['deploy.production-*', ['environments']],
  ['ci.*, container.*, repo.security-policy', ['contents', 'actions', 'orgActions']],
];

const ANY = z.unknown();

type Probe = (client: GithubClient) => Promise<string>;

function fromFetched(res: { ok: true } | { ok: false; gap: { message: string }; status?: number }): string {
  if (res.ok) return 'ok';
  return `MISSING (${res.status ?? 'error'}): ${res.gap.message}`;
}

function probes(org: string | undefined, repo: RepoRef | undefined): Partial<Record<AccessArea, Probe>> {
  const out: Partial<Record<AccessArea, Probe>> = {};
  if (org) {
    out.orgSettings = async (c) => {
      const res = await c.get('orgSettings', 'GET /orgs/{org}', { org }, OrganizationFull);
      if (!res.ok) return fromFetched(res);
      return typeof res.value.two_factor_requirement_enabled === 'boolean' ? 'ok' : 'MISSING: GitHub hides the 2FA setting from this token (owner + admin:org / organization Administration: read)';
    };
    out.orgMembers2fa = async (c) => fromFetched(await c.get('orgMembers2fa', 'GET /orgs/{org}/members', { org, filter: '2fa_disabled', per_page: 1 }, ANY));
    out.orgAdmins = async (c) => fromFetched(await c.get('orgAdmins', 'GET /orgs/{org}/members', { org, role: 'admin', per_page: 1 }, ANY));
    out.orgActions = async (c) => fromFetched(await c.get('orgActions', 'GET /orgs/{org}/actions/permissions/workflow', { org }, ANY));
    out.orgSecrets = async (c) => fromFetched(await c.get('orgSecrets', 'GET /orgs/{org}/actions/secrets', { org, per_page: 1 }, ANY));
    out.orgPatGrants = async (c) => fromFetched(await c.get('orgPatGrants', 'GET /orgs/{org}/personal-access-tokens', { org, per_page: 1 }, ANY));
  }
  if (repo) {
    const p = { owner: repo.owner, repo: repo.name };
    const branch = repo.defaultBranch ?? 'main';
    out.branchProtection = async (c) => {
      const res = await c.get('branchProtection', 'GET /repos/{owner}/{repo}/branches/{branch}/protection', { ...p, branch }, ANY);
      return !res.ok && res.status === 404 && res.apiMessage === 'Branch not protected' ? 'ok' : fromFetched(res);
    };
    out.rules = async (c) => fromFetched(await c.get('rules', 'GET /repos/{owner}/{repo}/rules/branches/{branch}', { ...p, branch, per_page: 1 }, ANY));
    out.securityFeatures = async () =>
      SecurityAndAnalysis.safeParse(repo.security).success && repo.security ? 'ok' : `MISSING: security_and_analysis hidden (needs repository admin; ${accessNeeds.securityFeatures.fineGrained})`;
    out.collaborators = async (c) => fromFetched(await c.get('collaborators', 'GET /repos/{owner}/{repo}/collaborators', { ...p, affiliation: 'outside', per_page: 1 }, ANY));
    out.deployKeys = async (c) => fromFetched(await c.get('deployKeys', 'GET /repos/{owner}/{repo}/keys', { ...p, per_page: 1 }, ANY));
    out.hooks = async (c) => fromFetched(await c.get('hooks', 'GET /repos/{owner}/{repo}/hooks', { ...p, per_page: 1 }, ANY));
    out.secrets = async (c) => fromFetched(await c.get('secrets', 'GET /repos/{owner}/{repo}/actions/secrets', { ...p, per_page: 1 }, ANY));
    out.environments = async (c) => fromFetched(await c.get('environments', 'GET /repos/{owner}/{repo}/environments', { ...p, per_page: 1 }, ANY));
    out.contents = async (c) => fromFetched(await c.get('contents', 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { ...p, tree_sha: branch }, ANY));
    out.actions = async (c) => fromFetched(await c.get('actions', 'GET /repos/{owner}/{repo}/actions/permissions/workflow', p, ANY));
  }
  return out;
}

/**
 * `secpol doctor github`: the token's kind and classic scopes, then, for each group of rules,
 * what it needs and whether this token has it — found by asking one cheap request per area
 * and reading GitHub's `x-accepted-github-permissions` / `x-accepted-oauth-scopes` answers.
 */
export async function preflight(spec: ProviderTargets, env: Env): Promise<{ lines: string[]; endpoint: string; identity: string; checks: DoctorCheck[] }> {
  const settings = resolveSettings(spec, env);
  if (!settings) throw new UserError('github: no target: pass --github-org or --repo owner/name, or run inside a clone of a GitHub repository');
  const redactor = new Redactor();
  const client = await GithubClient.create({ ...settings, noCache: true, explicit: true }, { redactor, debug: () => {}, env });
  const t = settings.target;
  const lines: string[] = [`github: API ${settings.apiUrl}`];

  let sample: RepoRef | undefined;
  let targetLine: string;
  let failed: Gap | undefined;
  if (t.kind === 'org') {
    const listed = await listOrgRepos(client, t.org);
    sample = listed.ok ? listed.value.find((r) => !r.archived) : undefined;
    failed = listed.ok ? undefined : listed.gap;
    targetLine = `organization ${t.org}: ${listed.ok ? `${listed.value.length} repositories visible` : listed.gap.message}`;
  } else {
    const first = t.repos[0]!;
    const res = await getRepo(client, first.owner, first.name);
    sample = res.ok ? res.value : undefined;
    failed = res.ok ? undefined : res.gap;
    targetLine = `repository ${first.owner}/${first.name}: ${res.ok ? 'visible' : res.gap.message}`;
  }
  // Without an answer nothing can be told about the token: no guessing its kind or permissions.
  if (failed && (failed.reason === 'unreachable' || failed.reason === 'timeout')) {
    throw new UserError(redactor.redact(`github: cannot reach the API at ${settings.apiUrl}: ${failed.message}; token and permissions not checked`));
  }
  const scopes = client.oauthScopes;
  const classic = scopes !== undefined && scopes.trim() !== '';
  const kind = settings.credentials.kind === 'app' ? 'GitHub App installation token' : classic ? 'classic personal access token' : 'fine-grained personal access token (no classic scopes)';
  lines.push(`token: ${kind}`);
  if (classic) lines.push(`scopes: ${scopes}`);
  if (client.tokenExpiration) lines.push(`token expires: ${client.tokenExpiration}`);
  lines.push(`target: ${targetLine}`);
  if (sample && t.kind === 'org') lines.push(`repository checks use ${sample.fullName}`);

  const checks = probes(t.kind === 'org' ? t.org : undefined, sample);
  const results: DoctorCheck[] = [];
  for (const [rules, areas] of RULE_AREAS) {
    for (const area of areas) {
      const need = accessNeeds[area];
      const role = 'role' in need && need.role ? `, as ${need.role}` : '';
      const probe = checks[area];
      const status = probe ? await probe(client) : 'not checked (no target of that kind)';
      const name = `${rules}: ${need.what} [${classic ? `scope ${need.classic}` : need.fineGrained}${role}]`;
      lines.push(`${name}: ${status}`);
      // An area no classic token can read (GitHub App only) is not missing from this token: it does not apply.
      const unavailable = classic && need.classic.includes('GitHub App only');
      results.push({ name, status: unavailable ? 'unknown' : statusOf(status), detail: redactor.redact(status) });
    }
  }
  return { lines: lines.map((l) => redactor.redact(l)), endpoint: settings.apiUrl, identity: redactor.redact(`${kind}; ${targetLine}`), checks: results };
}

function statusOf(text: string): DoctorStatus {
  if (text === 'ok') return 'ok';
  if (text.startsWith('not checked')) return 'unknown';
  return 'missing';
}
