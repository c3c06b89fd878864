import type { BackupPlan, Gap, Resource } from '../../model/index.js';
import { mapBackupPolicy } from './backup-policy.js';
import { azureGap, gapsFor } from './failures.js';
import { azureId, sameArmId, type ArmScope } from './ids.js';
import { API, listInScope, type AzureScan } from './scan.js';
import { BackupJob, BackupPolicy, ProtectedItem, RecoveryVault } from './schema.js';
import { unreadableBackupPlans } from './unreadable.js';

/** Recovery Services vault backup policies: schedules, tiers, what they protect, the newest restore. */

const READER = 'the Reader (or Backup Reader) role on the subscription (Microsoft.RecoveryServices/vaults/read)';
/** How far back restore jobs are looked for. */
export const RESTORE_WINDOW_DAYS = 90;

export async function collectBackup(scan: AzureScan, subscription: string): Promise<Resource[]> {
  const what = `Recovery Services vaults of subscription ${subscription}`;
  const listed = await listInScope(scan, subscription, 'Microsoft.RecoveryServices/vaults', API.recoveryServices, RecoveryVault, what, READER);
  if ('none' in listed) return [];
  if ('gap' in listed) return [unreadableBackupPlans(`azure:${subscription}/recoveryservices`, `${subscription} Recovery Services vaults`, listed.gap)];
  return (await Promise.all(listed.items.map(({ item, scope }) => vaultPlans(scan, item, scope)))).flat();
}

type Outcome<T> = { ok: T } | { gap: Gap };

async function attempt<T>(scan: AzureScan, what: string, call: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: await call() };
  } catch (err) {
    return { gap: azureGap(err, what, READER, scan.settings.explicit) };
  }
}

async function vaultPlans(scan: AzureScan, vault: RecoveryVault, scope: ArmScope): Promise<BackupPlan[]> {
  const query = { 'api-version': API.backup };
  const [policies, items, restore] = await Promise.all([
    attempt(scan, `backup policies of vault ${vault.name}`, () => scan.arm.list(`${vault.id}/backupPolicies`, query, BackupPolicy, `backup policies of vault ${vault.name}`)),
    attempt(scan, `protected items of vault ${vault.name}`, () => scan.arm.list(`${vault.id}/backupProtectedItems`, query, ProtectedItem, `protected items of vault ${vault.name}`)),
    attempt(scan, `restore jobs of vault ${vault.name}`, () => newestRestore(scan, vault)),
  ]);
  if ('gap' in policies) return [unreadableBackupPlans(azureId(scope, 'recoveryservices', vault.name, 'policy', '*'), `${vault.name}/*`, policies.gap)];
  return policies.ok.map((policy) => {
    const plan: BackupPlan = {
      id: azureId(scope, 'recoveryservices', vault.name, 'policy', policy.name),
      kind: 'backup-plan',
      provider: 'azure',
      name: `${vault.name}/${policy.name}`,
    };
    const gaps: Record<string, Gap> = {};
    const mapped = mapBackupPolicy(policy);
    if (mapped.problem) gaps.schedules = { reason: 'unsupported', message: `policy ${plan.name}: ${mapped.problem}` };
    else plan.schedules = mapped.schedules;
    if (mapped.retention) plan.retention = mapped.retention;
    else gaps.retention = { reason: 'unsupported', message: `policy ${plan.name}: retention of an unknown kind` };
    if ('gap' in items) gaps.target = items.gap;
    else {
      const protectedNames = items.ok.filter((i) => i.properties.policyId && sameArmId(i.properties.policyId, policy.id)).map((i) => i.properties.friendlyName ?? i.name);
      if (protectedNames.length > 0) plan.target = [...new Set(protectedNames)].sort().join(', ');
    }
    if ('gap' in restore) Object.assign(gaps, gapsFor(['lastRestoreTestAt'], restore.gap));
    else plan.lastRestoreTestAt = restore.ok;
    if (Object.keys(gaps).length > 0) plan.gaps = gaps;
    return plan;
  });
}

/** Recovery Services' job filter wants `yyyy-MM-dd hh:mm:ss AM` (UTC). */
function jobFilterTime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = d.getUTCHours();
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(h % 12 === 0 ? 12 : h % 12)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** The end of the newest completed restore job (a failed or cancelled restore is no test); null when none. */
async function newestRestore(scan: AzureScan, vault: RecoveryVault): Promise<string | null> {
  const from = new Date(scan.now.getTime() - RESTORE_WINDOW_DAYS * 86_400_000);
  const filter = `operation eq 'Restore' and startTime eq '${jobFilterTime(from)}' and endTime eq '${jobFilterTime(scan.now)}'`;
  const jobs = await scan.arm.list(`${vault.id}/backupJobs`, { 'api-version': API.backup, $filter: filter }, BackupJob, `restore jobs of vault ${vault.name}`);
  let newest: number | undefined;
  for (const job of jobs) {
    const status = job.properties.status?.toLowerCase();
    if (job.properties.operation?.toLowerCase() !== 'restore' || (status !== 'completed' && status !== 'completedwithwarnings')) continue;
    const at = Date.parse(job.properties.endTime ?? '');
    if (Number.isFinite(at) && (newest === undefined || at > newest)) newest = at;
  }
  return newest === undefined ? null : new Date(newest).toISOString();
}
