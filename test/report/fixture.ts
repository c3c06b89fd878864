import type { Report, Result, RuleMeta, Summary } from '../../src/model/index.js';

/** Hostile strings that every format must neutralise. */
export const HOSTILE = {
  osc8: '\x1b]8;;http://evil.example\x07click me\x1b]8;;\x07',
  clear: '\x1b[2J\x1b[H',
  script: '<script>alert("x")</script>',
  pipes: '| pipes | in | cells |',
  jsLink: '[x](javascript:alert(1))',
  newline: 'first line\nsecond line\r\nthird',
  heading: '# not a heading',
  formula: '=HYPERLINK("http://evil.example","x")',
  mention: '@acme/security-team',
  bidi: 'abc\u202edcba',
  xmlInvalid: 'nul\u0000 bell\u0007 lone\ud800 fffe\ufffe ok',
};

const hostileRepo = `github:acme/${HOSTILE.osc8}${HOSTILE.clear}`;

function rule(partial: Partial<RuleMeta> & Pick<RuleMeta, 'id' | 'title' | 'severity' | 'kind'>): RuleMeta {
  return {
    policyId: 'builtin',
    controls: {},
    tags: [],
    source: { file: `policies/builtin/${partial.id}.yaml`, line: 1, column: 1 },
    ...partial,
  };
}

export const rules: RuleMeta[] = [
  rule({
    id: 'branch.protected',
    title: 'Default branch is protected',
    description: 'The default branch has a protection rule or ruleset.',
    severity: 'high',
    kind: 'repository',
    remediation: 'Enable branch protection for the default branch.',
    controls: { soc2: ['CC8.1'], iso27001: ['A.8.32'], 'cis-ssc': ['1.1.3'], 'nist-ssdf': ['PO.3.2'] },
    tags: ['code-review'],
    helpUri: 'https://secpol.example/docs/rules/branch.protected',
  }),
  rule({
    id: 'ci.pinned-actions',
    title: 'Actions are pinned to a commit SHA',
    severity: 'medium',
    kind: 'pipeline',
    remediation: 'Pin every action to a full commit SHA.',
    controls: { soc2: ['CC8.1'], 'cis-ssc': ['2.4.2'], 'nist-ssdf': ['PS.1.1'] },
    tags: ['supply-chain'],
  }),
  rule({
    id: 'secrets.rotation-age',
    title: 'Secrets are rotated',
    severity: 'critical',
    kind: 'secret',
    remediation: 'Rotate the secret and record the date.',
    controls: { soc2: ['CC6.1'], iso27001: ['A.5.17'] },
  }),
  rule({
    id: 'repo.security-policy',
    title: 'Repository has a security policy',
    severity: 'low',
    kind: 'repository',
    remediation: 'Add SECURITY.md.',
    controls: { 'nist-ssdf': ['RV.1.3'] },
  }),
  rule({
    id: 'org.mfa-required',
    title: 'Organization requires MFA',
    severity: 'critical',
    kind: 'organization',
    controls: { soc2: ['CC6.1'], iso27001: ['A.5.17', 'A.8.5'] },
  }),
  rule({ id: 'container.non-root', title: 'Container runs as non-root', severity: 'high', kind: 'container-image', controls: { 'cis-ssc': ['4.2.1'] } }),
  rule({ id: 'backup.restore-tested', title: 'Backups are restore-tested', severity: 'medium', kind: 'backup-plan', controls: { soc2: ['A1.3'], iso27001: ['A.8.13'] } }),
  rule({ id: 'tokens.expiry', title: 'Tokens expire', severity: 'high', kind: 'token', controls: { soc2: ['CC6.1'] } }),
  rule({ id: 'logging.audit-retention', title: 'Audit logs are kept a year', severity: 'low', kind: 'log-store', controls: { soc2: ['CC7.2'], iso27001: ['A.8.15'] } }),
  rule({
    id: 'custom.hostile',
    policyId: `team/${HOSTILE.heading}`,
    title: `${HOSTILE.script} ${HOSTILE.pipes}`,
    description: `Line one\nLine two ${HOSTILE.jsLink}`,
    severity: 'low',
    kind: 'repository',
    remediation: `Click ${HOSTILE.jsLink} ${HOSTILE.osc8}`,
    controls: { soc2: [`CC9.9${HOSTILE.clear}`] },
    tags: ['custom', 'custom'],
    helpUri: 'javascript:alert(1)',
  }),
];

const meta = (id: string): RuleMeta => {
  const found = rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

function result(ruleId: string, partial: Partial<Result> & Pick<Result, 'status' | 'message' | 'resource'>): Result {
  const m = meta(ruleId);
  return {
    ruleId,
    policyId: m.policyId,
    title: m.title,
    severity: m.severity,
    controls: m.controls,
    ...(m.remediation ? { remediation: m.remediation } : {}),
    ...partial,
  };
}

export const results: Result[] = [
  result('branch.protected', {
    status: 'fail',
    message: 'Default branch main of acme/api is not protected',
    resource: { id: 'github:acme/api', kind: 'repository', provider: 'github', name: 'acme/api' },
  }),
  result('branch.protected', {
    status: 'pass',
    message: 'Default branch main of acme/web is protected',
    resource: { id: 'github:acme/web', kind: 'repository', provider: 'github', name: 'acme/web' },
  }),
  result('branch.protected', {
    status: 'fail',
    message: `Default branch of ${HOSTILE.osc8} is not protected ${HOSTILE.clear}`,
    resource: { id: hostileRepo, kind: 'repository', provider: 'github', name: `acme/${HOSTILE.osc8}` },
  }),
  result('ci.pinned-actions', {
    status: 'fail',
    message: '3 actions are not pinned to a commit SHA',
    resource: { id: 'local:.github/workflows/ci.yml', kind: 'pipeline', provider: 'local', name: '.github/workflows/ci.yml' },
    location: { path: '.github/workflows/ci.yml', line: 1 },
    evidence: [
      { message: 'actions/checkout@v4 is not pinned', location: { path: '.github/workflows/ci.yml', line: 12, column: 15 } },
      { message: 'actions/setup-node@v4 is not pinned', location: { path: './.github/workflows/ci.yml', line: 18, column: 15 } },
      { message: 'a reusable workflow reference could not be resolved' },
    ],
  }),
  result('secrets.rotation-age', {
    status: 'fail',
    message: `Secret db-password was last rotated 200 days ago\n(limit 30 days)`,
    resource: { id: 'aws:secret/db-password', kind: 'secret', provider: 'aws', name: 'db-password' },
  }),
  result('repo.security-policy', {
    status: 'fail',
    message: 'acme/api has no SECURITY.md',
    resource: { id: 'github:acme/api', kind: 'repository', provider: 'github', name: 'acme/api' },
    location: { path: 'docs\\SECURITY.md', line: 0 },
  }),
  result('custom.hostile', {
    status: 'fail',
    message: `${HOSTILE.script} ${HOSTILE.pipes} ${HOSTILE.jsLink} ${HOSTILE.newline} ${HOSTILE.mention} ${HOSTILE.bidi} ${HOSTILE.xmlInvalid}`,
    resource: { id: hostileRepo, kind: 'repository', provider: 'github', name: HOSTILE.heading },
    evidence: [
      { message: `${HOSTILE.formula} ${HOSTILE.clear}`, location: { path: 'src/<script>.ts', line: 7, column: 3 } },
      { message: 'file with spaces and unicode', location: { path: 'my dir/файл #1.yml', line: 2 } },
    ],
  }),
  result('org.mfa-required', {
    status: 'error',
    message: 'Could not read the MFA requirement of acme',
    reason: 'forbidden: the token lacks the admin:org scope',
    resource: { id: 'github:acme', kind: 'organization', provider: 'github', name: 'acme' },
  }),
  result('container.non-root', {
    status: 'skip',
    message: 'Not evaluated',
    reason: 'unsupported: the image has no USER instruction data',
    resource: { id: 'local:Dockerfile', kind: 'container-image', provider: 'local', name: 'Dockerfile' },
    location: { path: 'Dockerfile', line: 1 },
  }),
  result('backup.restore-tested', {
    status: 'waived',
    message: 'Last restore test was 45 days ago',
    resource: { id: 'aws:backup-plan/daily', kind: 'backup-plan', provider: 'aws', name: 'daily' },
    waiver: { reason: 'Restore drill scheduled for March', expires: '2026-03-10', approvedBy: 'ciso@acme.example', expiringSoon: true },
  }),
  result('tokens.expiry', {
    status: 'waived',
    message: 'Deploy token never expires',
    resource: { id: 'github:acme/api/deploy-key/42', kind: 'token', provider: 'github', name: 'deploy' },
    waiver: { reason: `Legacy integration ${HOSTILE.pipes}`, expires: '2026-12-31', expiringSoon: false },
  }),
  result('logging.audit-retention', {
    status: 'pass',
    message: 'Audit logs are kept 400 days',
    resource: { id: 'aws:log-group/audit', kind: 'log-store', provider: 'aws', name: 'audit' },
  }),
];

export function summarise(list: readonly Result[]): Summary {
  const summary: Summary = { pass: 0, fail: 0, error: 0, skip: 0, waived: 0 };
  for (const r of list) summary[r.status] += 1;
  return summary;
}

/** A deterministic report (fixed timestamps) covering every status, severity and waiver state. */
export function fixtureReport(overrides: Partial<Report> = {}): Report {
  const list = overrides.results ?? results;
  return {
    tool: { name: 'secpol', version: '1.2.3' },
    startedAt: '2026-03-01T12:00:00.000Z',
    finishedAt: '2026-03-01T12:00:04.250Z',
    failOn: 'high',
    summary: summarise(list),
    results: list,
    rules,
    waivers: [
      {
        rule: 'backup.restore-tested',
        resource: 'aws:backup-plan/daily',
        reason: 'Restore drill scheduled for March',
        expires: '2026-03-10',
        approvedBy: 'ciso@acme.example',
        state: 'expiring-soon',
        matched: 1,
        source: { file: 'secpol.yaml', line: 14, column: 5 },
      },
      { rule: 'tokens.expiry', resource: 'github:acme/api/deploy-key/*', reason: 'Legacy integration', expires: '2026-12-31', state: 'active', matched: 1 },
      {
        rule: 'ci.pinned-actions',
        resource: 'local:.github/workflows/ci.yml',
        reason: `Old exception ${HOSTILE.osc8}`,
        expires: '2026-01-31',
        state: 'expired',
        matched: 0,
        source: { file: 'secpol.yaml', line: 20, column: 5 },
      },
      { rule: 'repo.webhooks-tls', resource: 'github:acme/old', reason: 'Repository archived', expires: '2026-06-30', state: 'unused', matched: 0 },
    ],
    diagnostics: [
      { severity: 'warning', message: `unknown key "colour" ${HOSTILE.clear}`, file: 'policies/custom.yaml', line: 3, column: 7 },
      { severity: 'warning', message: 'GitHub rate limit below 10%: results may be incomplete' },
    ],
    stats: { resources: 11, github: { requests: 42, cacheHits: 7 }, durationMs: 4250, aws: { requests: 3 } },
    ...overrides,
  };
}
