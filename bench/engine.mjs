// Engine throughput: 10,000 repositories + 10,000 secrets against ~45 representative rules
// (compiled from YAML by the real policy compiler: params, RE2 regexes, durations, templates).
// Usage: node bench/engine.mjs [repos] [secrets]   (bundles src/ with esbuild first)
import { performance } from 'node:perf_hooks';
import { bundleAndLoad } from './_bundle.mjs';

const core = await bundleAndLoad(
  'core.mjs',
  `export * from './src/engine/index.js';\nexport { parsePolicyText, compileRules } from './src/policy/index.js';\n`,
);

const REPOS = Number(process.argv[2] ?? 10_000);
const SECRETS = Number(process.argv[3] ?? 10_000);

// ---- rules -------------------------------------------------------------------------------
const repoRules = [];
const bool = (id, field, expected = true) => ({ id, field, expected });
const branchBools = [
  bool('branch.protected', 'branchProtection.protected'),
  bool('branch.pull-request-required', 'branchProtection.pullRequestRequired'),
  bool('branch.dismiss-stale-approvals', 'branchProtection.dismissStaleApprovals'),
  bool('branch.code-owner-review', 'branchProtection.codeOwnerReview'),
  bool('branch.status-checks-required', 'branchProtection.statusChecksRequired'),
  bool('branch.up-to-date-required', 'branchProtection.upToDateRequired'),
  bool('branch.no-force-push', 'branchProtection.forcePushAllowed', false),
  bool('branch.no-deletion', 'branchProtection.deletionAllowed', false),
  bool('branch.admins-included', 'branchProtection.adminsIncluded'),
  bool('branch.signed-commits', 'branchProtection.signedCommitsRequired'),
  bool('repo.secret-scanning', 'secretScanning'),
  bool('repo.push-protection', 'secretScanningPushProtection'),
  bool('repo.dependency-alerts', 'dependencyAlerts'),
  bool('repo.security-policy', 'securityPolicy'),
  bool('repo.codeowners', 'codeowners'),
  bool('repo.env-ignored', 'envIgnored'),
  bool('ci.sast', 'ciScans.sast'),
  bool('ci.dependency-scan', 'ciScans.dependency'),
  bool('ci.secrets-scan', 'ciScans.secrets'),
];
for (const b of branchBools) {
  repoRules.push(`  - id: ${b.id}
    title: ${b.id}
    severity: high
    resource: repository
    where: { path: archived, notEquals: true }
    assert:
      all:
        - { path: branchProtection.protected, equals: true }
        - { path: ${b.field}, equals: ${b.expected} }
    message: "{{ resource.name }}: ${b.field} is {{ resource.${b.field} }}"
    remediation: Set ${b.field}.`);
}
repoRules.push(`  - id: branch.min-approvals
    title: Pull requests need {{ params.minApprovals }} approvals
    severity: high
    resource: repository
    params: { minApprovals: 2 }
    assert: { path: branchProtection.requiredApprovals, gte: "{{ params.minApprovals }}" }
    message: "{{ resource.name }} requires {{ resource.branchProtection.requiredApprovals }} (policy {{ params.minApprovals }})"
  - id: repo.webhooks-tls
    title: Webhooks use TLS
    severity: medium
    resource: repository
    assert:
      every: webhooks
      where: { path: active, notEquals: false }
      assert: { all: [{ path: https, equals: true }, { path: sslVerification, equals: true }] }
    message: "{{ count }} insecure webhook(s)"
    evidence: "{{ item.target }}"
  - id: repo.outside-collaborators
    title: Outside collaborators at most read
    severity: high
    resource: repository
    assert:
      every: collaborators
      where: { path: outside, equals: true }
      assert: { path: permission, in: [none, read] }
    message: "{{ count }} outside collaborator(s) above read"
    evidence: "{{ item.login }} has {{ item.permission }}"
  - id: repo.admin-collaborators
    title: At most 3 admins
    severity: medium
    resource: repository
    assert: { count: collaborators, where: { path: permission, equals: admin }, lte: 3 }
    message: "{{ count }} admins"
  - id: code.no-hardcoded-secrets
    title: No secrets in code
    severity: critical
    resource: repository
    assert: { none: secretFindings }
    message: "{{ count }} secret(s) in {{ resource.name }}"
    evidence: "{{ item.detector }} in {{ item.path }}"
  - id: code.env-files-not-committed
    title: No .env files
    severity: high
    resource: repository
    assert: { none: envFilesCommitted }
    message: ".env committed"
  - id: repo.default-branch-name
    title: Default branch is main
    severity: low
    resource: repository
    assert: { path: defaultBranch, matches: "^(main|master|trunk)$" }
    message: "default branch {{ resource.defaultBranch }}"
  - id: repo.name-convention
    title: Repository names follow the convention
    severity: low
    resource: repository
    assert: { path: name, matches: "^acme/[a-z0-9-]+$" }
    message: "{{ resource.name }} breaks the naming convention"
  - id: repo.required-checks
    title: CI check is required
    severity: medium
    resource: repository
    assert:
      any:
        - { path: branchProtection.requiredStatusChecks, contains: ci }
        - { path: branchProtection.requiredStatusChecks, contains: build }
    message: "no ci check"
  - id: repo.deploy-keys-read-only
    title: Deploy keys are read-only
    severity: high
    resource: repository
    assert: { every: deployKeys, assert: { path: readOnly, equals: true } }
    message: "{{ count }} writable deploy key(s)"
    evidence: "{{ item.title }}"
  - id: repo.deploy-keys-age
    title: Deploy keys are younger than a year
    severity: low
    resource: repository
    assert: { every: deployKeys, assert: { path: createdAt, within: 1y } }
    message: "{{ count }} old deploy key(s)"
  - id: repo.visibility
    title: Repositories are not public
    severity: medium
    resource: repository
    where: { path: fork, notEquals: true }
    assert: { path: visibility, in: [private, internal] }
    message: "{{ resource.name }} is {{ resource.visibility }}"`);

const secretRules = [];
for (const [i, days] of [30, 60, 90, 180, 365].entries()) {
  secretRules.push(`  - id: secrets.rotation-age-${days}
    title: Secrets rotated within ${days} days
    severity: ${['critical', 'high', 'medium', 'low', 'low'][i]}
    resource: secret
    params: { maxAge: ${days}d, pattern: "(?i)(db|database|api[_-]?key)" }
    where: { path: name, matches: "{{ params.pattern }}" }
    assert:
      any:
        - { path: lastRotatedAt, within: "{{ params.maxAge }}" }
        - all: [{ path: lastRotatedAt, exists: false }, { path: createdAt, within: "{{ params.maxAge }}" }]
    message: "{{ resource.name }} last rotated {{ resource.lastRotatedAt }} (max {{ params.maxAge }})"`);
}
for (const [id, field, value] of [
  ['secrets.rotation-enabled', 'rotationEnabled', true],
  ['secrets.masked', 'masked', true],
  ['secrets.protected', 'protected', true],
]) {
  secretRules.push(`  - id: ${id}
    title: ${id}
    severity: medium
    resource: secret
    assert: { path: ${field}, equals: ${value} }
    message: "{{ resource.name }}: ${field} {{ resource.${field} }}"`);
}
for (const [i, store] of ['github-actions', 'gitlab-ci-variable', 'ado-variable-group', 'aws-secrets-manager', 'azure-key-vault', 'declared', 'vault'].entries()) {
  secretRules.push(`  - id: secrets.store-${i}
    title: Secrets in ${store} have a scope
    severity: low
    resource: secret
    where: { path: store, equals: ${store} }
    assert: { all: [{ path: scope, exists: true }, { path: rotationIntervalDays, lte: 90 }] }
    message: "{{ resource.name }} in {{ resource.store }}"`);
}

const policyText = `policy: bench\nrules:\n${[...repoRules, ...secretRules].join('\n')}\n`;
const parsed = core.parsePolicyText(policyText, 'bench.yaml', 'bench');
const compiled = core.compileRules(parsed.definitions, []);
const problems = [...parsed.diagnostics, ...compiled.diagnostics];
if (problems.length) {
  console.error(problems);
  process.exit(1);
}
const rules = compiled.rules;

// ---- resources ---------------------------------------------------------------------------
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (list) => list[Math.floor(rand() * list.length)];
const day = 86_400_000;
const now = new Date('2026-06-01T00:00:00Z');
const iso = (daysAgo) => new Date(now.getTime() - daysAgo * day).toISOString();

const resources = [];
for (let i = 0; i < REPOS; i++) {
  const name = `acme/${i % 10 === 0 ? 'Legacy_' : 'svc-'}${i}`;
  const r = {
    id: `github:${name}`,
    kind: 'repository',
    provider: 'github',
    name,
    visibility: pick(['private', 'internal', 'public']),
    archived: rand() < 0.05,
    fork: rand() < 0.1,
    defaultBranch: pick(['main', 'main', 'master', 'develop']),
    branchProtection: {
      protected: rand() < 0.9,
      pullRequestRequired: rand() < 0.8,
      requiredApprovals: Math.floor(rand() * 3),
      dismissStaleApprovals: rand() < 0.5,
      codeOwnerReview: rand() < 0.5,
      statusChecksRequired: rand() < 0.7,
      requiredStatusChecks: pick([['ci'], ['build', 'lint'], []]),
      upToDateRequired: rand() < 0.5,
      forcePushAllowed: rand() < 0.1,
      deletionAllowed: rand() < 0.1,
      adminsIncluded: rand() < 0.5,
      signedCommitsRequired: rand() < 0.3,
    },
    secretScanning: rand() < 0.7,
    secretScanningPushProtection: rand() < 0.5,
    dependencyAlerts: rand() < 0.8,
    securityPolicy: rand() < 0.4,
    codeowners: rand() < 0.6,
    envIgnored: rand() < 0.9,
    envFilesCommitted: rand() < 0.05 ? [{ path: '.env', line: 1 }] : [],
    ciScans: { sast: rand() < 0.5, dependency: rand() < 0.6, secrets: rand() < 0.3 },
    webhooks: Array.from({ length: 2 }, (_, k) => ({ id: `${k}`, target: `https://hooks${k}.example`, active: rand() < 0.9, https: rand() < 0.95, sslVerification: rand() < 0.9 })),
    collaborators: Array.from({ length: 5 }, (_, k) => ({ login: `user${k}`, permission: pick(['read', 'write', 'admin', 'maintain']), outside: rand() < 0.2 })),
    deployKeys: rand() < 0.3 ? [{ id: '1', title: 'deploy', readOnly: rand() < 0.7, createdAt: iso(Math.floor(rand() * 700)) }] : [],
    secretFindings:
      rand() < 0.1 ? [{ path: 'src/config.ts', line: 12, detector: '@secretlint/secretlint-rule-aws', fingerprint: 'ab12', masked: 'AKIA************' }] : [],
    location: { path: '.github/settings', line: 1 },
  };
  if (rand() < 0.05) {
    delete r.branchProtection;
    r.gaps = { branchProtection: { reason: 'forbidden', message: 'needs admin:repo' } };
  }
  resources.push(r);
}
for (let i = 0; i < SECRETS; i++) {
  const name = pick(['DB_PASSWORD', 'API_KEY', 'NPM_TOKEN', 'DATABASE_URL', 'SLACK_WEBHOOK', 'DEPLOY_KEY']) + `_${i}`;
  const s = {
    id: `github:acme/svc-${i % REPOS}/secrets/${name}`,
    kind: 'secret',
    provider: 'github',
    name,
    store: pick(['github-actions', 'gitlab-ci-variable', 'aws-secrets-manager', 'azure-key-vault', 'declared']),
    scope: rand() < 0.8 ? 'repository' : undefined,
    createdAt: iso(Math.floor(rand() * 800)),
    lastRotatedAt: rand() < 0.2 ? null : iso(Math.floor(rand() * 400)),
    rotationEnabled: rand() < 0.4,
    rotationIntervalDays: rand() < 0.5 ? 30 + Math.floor(rand() * 120) : null,
    masked: rand() < 0.9,
    protected: rand() < 0.6,
  };
  if (s.scope === undefined) delete s.scope;
  resources.push(s);
}

// ---- run ---------------------------------------------------------------------------------
const waivers = [
  { rule: 'branch.signed-commits', resource: 'github:acme/Legacy_*', reason: 'legacy', expires: '2027-01-31' },
  { rule: 'secrets.rotation-age-*', resource: 'github:acme/svc-1*/secrets/*', reason: 'migration', expires: '2026-06-10' },
];
// Warm-up on a slice so that the figures show steady-state throughput (as in a long CLI run).
core.evaluate(rules, resources.slice(0, 500), { now, waivers });
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const { results } = core.evaluate(rules, resources, { now, waivers });
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const summary = core.summarize(results);
const rss = process.resourceUsage().maxRSS; // kilobytes

console.log(`rules:        ${rules.length} (${rules.filter((r) => r.kind === 'repository').length} repository, ${rules.filter((r) => r.kind === 'secret').length} secret)`);
console.log(`resources:    ${resources.length} (${REPOS} repositories, ${SECRETS} secrets)`);
console.log(`results:      ${results.length} ${JSON.stringify(summary)}`);
console.log(`wall time:    ${wall.toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, incl. GC threads; the machine may be shared)`);
console.log(`resources/s:  ${Math.round(resources.length / (wall / 1000)).toLocaleString('en-US')}`);
console.log(`results/s:    ${Math.round(results.length / (wall / 1000)).toLocaleString('en-US')}`);
console.log(`peak RSS:     ${(rss / 1024).toFixed(0)} MB`);
