import type { BackupPlan, Gap, LogStore, Secret } from '../../model/index.js';
import { gapsFor } from './failures.js';

/**
 * A stand-in for resources that could not be listed at all (a 403 on a vault's secrets, a
 * subscription's workspaces): the rules that need their facts then report an error naming the
 * missing role instead of silently finding nothing.
 */
export function unreadableSecrets(id: string, name: string, store: string, gap: Gap): Secret {
  return { id, kind: 'secret', provider: 'azure', name, store, gaps: gapsFor(['*', 'createdAt', 'lastRotatedAt', 'rotationEnabled'], gap) };
}

export function unreadableBackupPlans(id: string, name: string, gap: Gap): BackupPlan {
  return { id, kind: 'backup-plan', provider: 'azure', name, gaps: gapsFor(['*', 'schedules', 'retention', 'lastRestoreTestAt'], gap) };
}

/** Audit is assumed: an unreadable store must not escape the audit-retention rule. */
export function unreadableLogStores(id: string, name: string, gap: Gap): LogStore {
  return { id, kind: 'log-store', provider: 'azure', name, category: 'audit', gaps: gapsFor(['*', 'retentionDays'], gap) };
}
