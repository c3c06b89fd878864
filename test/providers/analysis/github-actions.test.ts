import { describe, expect, it } from 'vitest';
import { Pipeline } from '../../../src/model/index.js';
import { analysePipelineFile, isPinned } from '../../../src/providers/analysis/index.js';

const ids = { provider: 'github', idPrefix: 'github:acme/api', repository: 'github:acme/api' };
const analyse = async (text: string, path = '.github/workflows/ci.yml') => {
  const p = await analysePipelineFile({ path, text }, ids);
  expect(() => Pipeline.parse(p)).not.toThrow();
  return p;
};
const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';

describe('GitHub Actions: token permissions', () => {
  it('passes a read-only top level and job-level write scopes', async () => {
    const p = await analyse(`on: push\npermissions: read-all\njobs:\n  a:\n    runs-on: x\n    permissions:\n      contents: write\n    steps: []\n`);
    expect(p.id).toBe('github:acme/api/.github/workflows/ci.yml');
    expect(p.tokenPermissions).toEqual({ leastPrivilege: true, topLevel: 'read-all', offendingJobs: [] });
  });

  it('flags jobs with no permissions anywhere', async () => {
    const p = await analyse(`on: push\njobs:\n  a:\n    runs-on: x\n    permissions: {}\n  b:\n    runs-on: x\n`);
    expect(p.tokenPermissions?.leastPrivilege).toBe(false);
    expect(p.tokenPermissions?.topLevel).toBeNull();
    expect(p.tokenPermissions?.offendingJobs).toEqual([{ job: 'b', line: 6, why: expect.stringContaining('no permissions block') }]);
  });

  it('flags write-all at the top (inherited) and in a job', async () => {
    const p = await analyse(`on: push\npermissions: write-all\njobs:\n  a:\n    permissions: read-all\n  b:\n    runs-on: x\n  c:\n    permissions: write-all\n`);
    expect(p.tokenPermissions?.offendingJobs).toEqual([
      { job: 'b', line: 6, why: 'inherits top-level permissions: write-all' },
      { job: 'c', line: 9, why: 'permissions: write-all' },
    ]);
  });
});

describe('GitHub Actions: pinning', () => {
  it('knows what pinned means', () => {
    expect(isPinned(`actions/checkout@${SHA}`)).toBe(true);
    expect(isPinned('actions/checkout@v4')).toBe(false);
    expect(isPinned(`actions/checkout@${SHA.slice(0, 7)}`)).toBe(false);
    expect(isPinned('./.github/actions/build')).toBe(true);
    expect(isPinned(`docker://alpine@sha256:${'a'.repeat(64)}`)).toBe(true);
    expect(isPinned('docker://alpine:3.20')).toBe(false);
    expect(isPinned('owner/repo')).toBe(false);
  });

  it('lists unpinned step and reusable-workflow uses with lines', async () => {
    const p = await analyse(
      `on: push\npermissions: {}\njobs:\n  call:\n    uses: acme/shared/.github/workflows/build.yml@main\n  a:\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@${SHA}\n      - uses: ./local\n`,
    );
    expect(p.unpinnedActions).toEqual([
      { uses: 'acme/shared/.github/workflows/build.yml@main', line: 5, column: 11, kind: 'reusable-workflow', pinTo: 'a full commit SHA' },
      { uses: 'actions/checkout@v4', line: 8, column: 15, kind: 'action', pinTo: 'a full commit SHA' },
    ]);
  });
});

describe('GitHub Actions: dangerous triggers', () => {
  it('flags pull_request_target that checks out and runs the pull request', async () => {
    const p = await analyse(`on: pull_request_target
permissions: read-all
jobs:
  t:
    steps:
      - uses: actions/checkout@${SHA}
        with:
          ref: \${{ github.event.pull_request.head.ref }}
          repository: \${{ github.event.pull_request.head.repo.full_name }}
      - run: make test
`);
    expect(p.dangerousTriggers).toEqual([{ trigger: 'pull_request_target', line: 6, why: expect.stringContaining('then runs it (line 10)') }]);
  });

  it('does not flag pull_request_target that only labels, or a checkout of the base', async () => {
    const p = await analyse(`on:
  pull_request_target:
permissions: read-all
jobs:
  label:
    steps:
      - uses: actions/checkout@${SHA}
      - uses: actions/labeler@${SHA}
`);
    expect(p.dangerousTriggers).toEqual([]);
  });

  it('flags workflow_run that checks out the triggering head with gh/git and runs it', async () => {
    const p = await analyse(`on:
  workflow_run:
    workflows: [ci]
permissions: read-all
jobs:
  t:
    steps:
      - run: git fetch origin \${{ github.event.workflow_run.head_sha }} && git checkout \${{ github.event.workflow_run.head_sha }}
      - run: ./deploy.sh
`);
    expect(p.dangerousTriggers?.map((d) => [d.trigger, d.line])).toEqual([['workflow_run', 8]]);
  });

  it('flags untrusted input interpolated into scripts', async () => {
    const p = await analyse(`on: issues
permissions: read-all
jobs:
  t:
    steps:
      - run: echo "\${{ github.event.issue.title }}"
      - uses: actions/github-script@${SHA}
        with:
          script: console.log("\${{ github.event.comment.body }}")
      - run: echo "$TITLE"
        env:
          TITLE: \${{ github.event.issue.title }}
`);
    expect(p.dangerousTriggers?.map((d) => [d.trigger, d.line])).toEqual([
      ['issues', 6],
      ['issues', 7],
    ]);
  });
});

describe('GitHub Actions: plaintext secrets', () => {
  it('flags literal secret-named values and token-shaped values, not references', async () => {
    const token = ['gh', 'p_'].join('') + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    const p = await analyse(`on: push
permissions: read-all
env:
  API_KEY: literal-value
  TOKEN_FILE: /run/secrets/token
  GH_TOKEN: \${{ secrets.GH_TOKEN }}
  DEBUG: true
jobs:
  a:
    container:
      image: x
      credentials:
        username: bot
        password: p4ss
    services:
      db:
        image: postgres
        env:
          POSTGRES_PASSWORD: postgres
    steps:
      - uses: docker/login-action@${SHA}
        with:
          password: hunter2
          registry: ghcr.io
      - run: x
        env:
          SOMETHING: ${token}
`);
    expect(p.plaintextSecrets).toEqual([
      { key: 'API_KEY', line: 4 },
      { key: 'password', line: 14 },
      { key: 'POSTGRES_PASSWORD', line: 19 },
      { key: 'password', line: 23 },
      { key: 'SOMETHING', line: 27 },
    ]);
    expect(JSON.stringify(p)).not.toContain('hunter2');
  });
});

describe('GitHub Actions: scans', () => {
  it('recognises scanners by action, inputs and command', async () => {
    const p = await analyse(`on: push
permissions: read-all
jobs:
  a:
    steps:
      - uses: aquasecurity/trivy-action@${SHA}
        with:
          scan-type: fs
          scanners: vuln
      - uses: bridgecrewio/checkov-action@v12
      - run: |
          semgrep scan --config auto
          trufflehog git file://. --only-verified
`);
    expect(p.scans).toEqual({ sast: true, dependency: true, container: false, iac: true, secrets: true });
    expect(p.scanTools).toEqual(['aquasecurity/trivy-action', 'bridgecrewio/checkov-action', 'semgrep', 'trufflehog']);
  });

  it('reports nothing found as false, not absent', async () => {
    const p = await analyse('on: push\npermissions: read-all\njobs:\n  a:\n    steps:\n      - run: npm test\n');
    expect(p.scans).toEqual({ sast: false, dependency: false, container: false, iac: false, secrets: false });
  });
});

describe('GitHub Actions: malformed files', () => {
  it('gives a malformed gap at * with path:line:column', async () => {
    const p = await analyse('on: push\njobs:\n  a:\n    steps:\n      - run: "unterminated\n');
    expect(p.gaps?.['*']?.reason).toBe('malformed');
    expect(p.gaps?.['*']?.message).toBe('.github/workflows/ci.yml:6:1: Missing closing "quote');
    expect(p.location).toEqual({ path: '.github/workflows/ci.yml', line: 6, column: 1 });
    expect(p.scans).toBeUndefined();
  });

  it('rejects a workflow without jobs', async () => {
    const p = await analyse('on: push\n');
    expect(p.gaps?.['*']).toEqual({ reason: 'malformed', message: '.github/workflows/ci.yml:1:1: a workflow needs a `jobs` mapping' });
  });

  it('reports pathological nesting as malformed instead of crashing', async () => {
    const depth = 200_000;
    const p = await analyse(`on: push\njobs: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    expect(p.gaps?.['*']?.reason).toBe('malformed');
  });

  it('survives a merge key that refers to its own mapping', async () => {
    const p = await analyse('on: push\npermissions: read-all\njobs:\n  a: &a\n    runs-on: x\n    <<: *a\n');
    expect(p.tokenPermissions?.leastPrivilege).toBe(true);
  });

  it('survives alias bombs without expanding them', async () => {
    const p = await analyse(`a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
on: push
permissions: read-all
jobs:
  x:
    env: *e
    steps: []
`);
    expect(p.tokenPermissions?.leastPrivilege).toBe(true);
  });
});

describe('secret-name heuristics', async () => {
  const { looksLikeSecretName } = await import('../../../src/providers/analysis/index.js');
  it.each(['DB_PASSWORD', 'GITHUB_TOKEN', 'api-key', 'AWS_SECRET_ACCESS_KEY', 'client_secret', 'SLACK_WEBHOOK_URL', 'SENTRY_DSN', 'BASIC_AUTH', 'passphrase', 'GOOGLE_CREDENTIALS'])(
    '%s names a secret',
    (name) => expect(looksLikeSecretName(name)).toBe(true),
  );
  it.each(['PASSWORD_FILE', 'TOKEN_FORMAT', 'SECRET_NAME', 'AUTHOR', 'AUTH_DOMAIN', 'KEY_VAULT_NAME', 'PASSWORD_MIN_LENGTH', 'skip-token-check-type', 'NODE_ENV'])(
    '%s does not',
    (name) => expect(looksLikeSecretName(name)).toBe(false),
  );

  it('does not take flags or paths for secrets', async () => {
    const p = await analyse(`on: push
permissions: read-all
jobs:
  a:
    env:
      GOOGLE_CREDENTIALS: /tmp/sa.json
      DISABLE_AUTH: "false"
      SKIP_TOKEN: "true"
    steps: []
`);
    expect(p.plaintextSecrets).toEqual([]);
  });
});
