import type { LogStore } from '../../model/index.js';

export type LogCategory = LogStore['category'];

/**
 * Log Analytics tables that carry audit events (who did what to which resource or identity):
 * the activity log, Entra ID sign-in and audit logs, and the resource-specific diagnostic
 * categories of the audit kind. Everything else follows the workspace default (`application`).
 */
export const AUDIT_TABLES: readonly string[] = [
  'AzureActivity',
  'AuditLogs',
  'SigninLogs',
  'AADNonInteractiveUserSignInLogs',
  'AADServicePrincipalSignInLogs',
  'AADManagedIdentitySignInLogs',
  'AADProvisioningLogs',
  'MicrosoftGraphActivityLogs',
  'AZKVAuditLogs',
  'AKSAudit',
  'AKSAuditAdmin',
  'SQLSecurityAuditEvents',
  'AppServiceAuditLogs',
  'AzureDevOpsAuditing',
  'IntuneAuditLogs',
  'OfficeActivity',
  'ContainerRegistryLoginEvents',
];

/** Application tables: reported on their own only when their retention differs from the workspace default. */
export const APPLICATION_TABLES: readonly string[] = [
  'AppTraces',
  'AppRequests',
  'AppDependencies',
  'AppExceptions',
  'AppEvents',
  'AppPageViews',
  'AppMetrics',
  'AppAvailabilityResults',
  'AppBrowserTimings',
  'AppPerformanceCounters',
  'AppSystemEvents',
  'ContainerLogV2',
  'ContainerLog',
  'FunctionAppLogs',
  'AppServiceConsoleLogs',
  'AppServiceAppLogs',
];

const audit = new Set(AUDIT_TABLES.map((t) => t.toLowerCase()));
const application = new Set(APPLICATION_TABLES.map((t) => t.toLowerCase()));

/** The category of a table: a config override (first matching glob), else the built-in lists; undefined = workspace default. */
export function tableCategory(name: string, overrides: readonly { matches: (name: string) => boolean; category: LogCategory }[]): { category: LogCategory; from: 'config' | 'builtin' } | undefined {
  const override = overrides.find((o) => o.matches(name));
  if (override) return { category: override.category, from: 'config' };
  const lower = name.toLowerCase();
  if (audit.has(lower)) return { category: 'audit', from: 'builtin' };
  if (application.has(lower)) return { category: 'application', from: 'builtin' };
  return undefined;
}
