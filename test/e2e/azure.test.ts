import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAzure, type FakeAzure } from '../fakes/azure/server.js';
import { SUB_A, SUB_B, TENANT, standardState } from '../fakes/azure/state.js';
import { repoRoot, secpolAsync, tempDir, type CliRun } from '../helpers/cli.js';
import { expectOfflineReplay, verdicts } from '../helpers/remote-e2e.js';
import { fakeJwt, NOW, testCertificate } from '../providers/azure/helpers.js';

/**
 * The built CLI against the https imitation. The credential chain is narrowed to the Azure
 * CLI credential with a fake `az` on PATH (no managed-identity probe can run), the
 * throw-away CA is trusted through NODE_EXTRA_CA_CERTS, and a preload resolves only
 * `*.localhost`, so the process cannot reach any other host by name.
 */
let fake: FakeAzure;
let env: Record<string, string>;
let dir: string;
const tokens = { arm: fakeJwt('arm'), graph: fakeJwt('graph'), vault: fakeJwt('vault') };

beforeAll(async () => {
  const certificate = await testCertificate();
  fake = await startFakeAzure(standardState(NOW), { certificate, tokens });
  dir = tempDir('secpol-azure-');
  const bin = join(dir, 'bin');
  writeFileSync(join(dir, 'ca.pem'), certificate.cert);
  const az = [
    '#!/bin/sh',
    'case "$*" in',
    `  *"--resource ${fake.armUrl}"*) token='${tokens.arm}' ;;`,
    `  *"--resource ${fake.graphUrl}"*) token='${tokens.graph}' ;;`,
    `  *"--resource https://vault.localhost"*) token='${tokens.vault}' ;;`,
    '  *) echo "ERROR: unexpected az call: $*" >&2; exit 1 ;;',
    'esac',
    `printf '{"accessToken":"%s","expiresOn":"2099-01-01 00:00:00.000000","expires_on":4070908800,"subscription":"${SUB_A}","tenant":"${TENANT}","tokenType":"Bearer"}' "$token"`,
  ].join('\n');
  mkdirSync(bin);
  writeFileSync(join(bin, 'az'), `${az}\n`);
  chmodSync(join(bin, 'az'), 0o755);
  env = {
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    HOME: dir,
    AZURE_TOKEN_CREDENTIALS: 'AzureCliCredential',
    AZURE_RESOURCE_MANAGER_URL: fake.armUrl,
    AZURE_GRAPH_URL: fake.graphUrl,
    NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'),
    NODE_OPTIONS: `--import ${join(repoRoot, 'test/fakes/azure/loopback-dns.mjs')}`,
    SECPOL_NOW: NOW.toISOString(),
    SECPOL_HTTP_RETRY_BASE_MS: '5',
  };
});
afterAll(async () => {
  await fake?.close();
});

const statusOf = (run: CliRun, ruleId: string, id: string) =>
  (JSON.parse(run.stdout) as { results: { ruleId: string; status: string; resource: { id: string } }[] }).results.find((r) => r.ruleId === ruleId && r.resource.id === id)?.status;

const A = `azure:${SUB_A}/rg-prod`;

describe('secpol check --provider azure (spawned CLI, Azure CLI credential)', () => {
  it('reports secret ages, key rotation, backup schedule/tier/restore, log retention and tenant MFA; snapshot round-trips', async () => {
    const live = await secpolAsync(['check', '--provider', 'azure', '--format', 'json', '--no-color'], { env });
    expect(live.status, live.stderr).toBe(1);
    expect(fake.unexpected).toEqual([]);
    expect(statusOf(live, 'secrets.rotation-age', `${A}/keyvault/kv-prod/secret/ancient`)).toBe('fail');
    expect(statusOf(live, 'secrets.rotation-age', `${A}/keyvault/kv-prod/secret/webhook-url`)).toBe('pass');
    expect(statusOf(live, 'secrets.rotation-age', `${A}/keyvault/kv-prod/secret/retired`)).toBe('skip');
    expect(statusOf(live, 'secrets.rotation-enabled', `${A}/keyvault/kv-prod/key/signing`)).toBe('pass');
    expect(statusOf(live, 'secrets.rotation-enabled', `${A}/keyvault/kv-prod/key/legacy`)).toBe('fail');
    expect(statusOf(live, 'secrets.rotation-enabled', `${A}/keyvault/kv-locked/key/wrap`)).toBe('error');
    expect(statusOf(live, 'backup.schedule-frequency', `${A}/recoveryservices/rsv-prod/policy/vm-4h`)).toBe('pass');
    expect(statusOf(live, 'backup.retention', `${A}/recoveryservices/rsv-prod/policy/vm-4h`)).toBe('pass');
    expect(statusOf(live, 'backup.restore-tested', `${A}/recoveryservices/rsv-prod/policy/vm-4h`)).toBe('pass');
    expect(statusOf(live, 'backup.restore-tested', `azure:${SUB_B}/rg-dev/recoveryservices/rsv-dev/policy/vm-daily`)).toBe('fail');
    expect(statusOf(live, 'logging.retention-range', `${A}/loganalytics/law-prod`)).toBe('pass');
    expect(statusOf(live, 'logging.retention-range', `${A}/loganalytics/law-prod/table/ContainerLogV2`)).toBe('fail');
    expect(statusOf(live, 'logging.audit-retention', `${A}/loganalytics/law-prod/table/AzureActivity`)).toBe('pass');
    expect(statusOf(live, 'logging.audit-retention', `${A}/loganalytics/law-prod/table/SigninLogs`)).toBe('fail');
    expect(statusOf(live, 'org.mfa-required', `azure:tenant/${TENANT}`)).toBe('pass');
    expect(statusOf(live, 'org.members-without-mfa', `azure:tenant/${TENANT}`)).toBe('fail');
    for (const token of Object.values(tokens)) expect(live.stdout + live.stderr).not.toContain(token);

    const stateFile = join(dir, 'state.json');
    const snapshot = await secpolAsync(['snapshot', '--provider', 'azure', '-o', stateFile], { env });
    const replay = await secpolAsync(['check', '--state', stateFile, '--format', 'json', '--no-color'], { env: { HOME: dir, SECPOL_NOW: NOW.toISOString() } });
    expectOfflineReplay({ snapshot, replay, live }, stateFile, Object.values(tokens));
    expect(verdicts(replay).length).toBeGreaterThan(20);
  });

  it('doctor azure names the identity and passes with every permission', async () => {
    const doctor = await secpolAsync(['doctor', 'azure'], { env });
    expect(doctor.status, doctor.stdout + doctor.stderr).toBe(0);
    expect(doctor.stdout).toContain(TENANT);
    for (const token of Object.values(tokens)) expect(doctor.stdout + doctor.stderr).not.toContain(token);
  });
});
