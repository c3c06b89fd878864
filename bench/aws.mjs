// AWS provider benchmark: one account, 3 regions, 3,000 secrets, 1,500 log groups, 60 backup
// plans and 50 IAM users behind the loopback AWS imitation, 20 ms per call. Prints calls per
// resource and wall time against the targets (<= 1.1 calls per secret plus pages, < 60 s).
// Usage: node bench/aws.mjs [latencyMs]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleAndLoad } from './_bundle.mjs';

// The SDK must find no profile and never try the instance metadata address.
process.env.HOME = mkdtempSync(join(tmpdir(), 'secpol-bench-aws-'));
process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const { createAwsAdapter, Redactor, startFakeAws, scaledAccount } = await bundleAndLoad(
  'aws.mjs',
  [
    "export { createAwsAdapter } from './src/providers/aws/index.js';",
    "export { Redactor } from './src/shared/redact.js';",
    "export { startFakeAws } from './test/fakes/aws/server.js';",
    "export { scaledAccount } from './test/fakes/aws/state.js';",
  ].join('\n'),
);

const latencyMs = Number(process.argv[2] ?? 20);
const regions = ['eu-west-1', 'us-east-1', 'ap-southeast-2'];
const sizes = { regions, secrets: 3000, logGroups: 1500, backupPlans: 60, users: 50 };
const now = new Date();
const keyId = ['AKIA', 'BENCH', 'FAKE', '00000'].join('');
const fake = await startFakeAws({ keys: { [keyId]: '123456789012' }, accounts: [scaledAccount(now, sizes)], latencyMs });
try {
  const env = { AWS_ACCESS_KEY_ID: keyId, AWS_SECRET_ACCESS_KEY: ['bench', 'secret', 'key'].join('-'), AWS_ENDPOINT_URL: fake.url, AWS_REGION: regions[0] };
  const targets = { path: '.', repos: [], explicit: true, options: { awsRegion: regions }, config: {}, filters: {}, stateFiles: [], noCache: true };
  const adapter = createAwsAdapter(targets, env);
  const started = performance.now();
  const result = await adapter.collect({ now, env, progress: { update() {} }, redactor: new Redactor(), debug() {} });
  const seconds = (performance.now() - started) / 1000;
  const count = (pred) => result.resources.filter(pred).length;
  const calls = (service, action) => fake.requests.filter((r) => r.service === service && (!action || r.action === action)).length;
  const secrets = count((r) => r.kind === 'secret' && r.store === 'aws-secrets-manager');
  const logGroups = count((r) => r.kind === 'log-store' && r.id.includes('/log-group/'));
  const plans = count((r) => r.kind === 'backup-plan' && r.id.includes('/backup/plan/'));
  const keys = count((r) => r.kind === 'secret' && r.store === 'aws-iam-access-key');
  const listPages = calls('secretsmanager', 'secretsmanager:ListSecrets');
  const perSecret = (calls('secretsmanager') - listPages) / secrets;
  console.log(`aws bench: 1 account, ${regions.length} regions, ${latencyMs} ms per call, ${result.resources.length} resources`);
  console.log(`  secrets         ${secrets}: ${calls('secretsmanager')} calls = ${listPages} list pages + ${perSecret.toFixed(2)} per secret (target <= 1.1 per secret plus pages)`);
  console.log(`  log groups      ${logGroups}: ${calls('logs')} calls (${(calls('logs') / logGroups).toFixed(3)} per group; 50 a page)`);
  console.log(`  backup plans    ${plans}: ${calls('backup')} calls (${(calls('backup') / plans).toFixed(2)} per plan, restore tests included)`);
  console.log(`  IAM             ${sizes.users} users, ${keys} active keys: ${calls('iam')} calls`);
  console.log(`  other           rds ${calls('rds')}, cloudtrail ${calls('cloudtrail')}, s3 ${calls('s3')}, sts ${calls('sts')}`);
  console.log(`  total calls     ${fake.requests.length} (${(fake.requests.length / result.resources.length).toFixed(2)} per resource)`);
  console.log(`  wall time       ${seconds.toFixed(1)} s (target < 60 s)`);
  console.log(`  unexpected      ${fake.unexpected.length}, diagnostics ${result.diagnostics.length}`);
  if (perSecret > 1.1 || seconds >= 60 || fake.unexpected.length || result.diagnostics.length) process.exitCode = 1;
} finally {
  await fake.close();
}
