/** secpol resource ids for Azure: `azure:<subscription>/<resourceGroup>/<type>/<name>[/<child>/<name>]`. */

export interface ArmScope {
  subscription: string;
  resourceGroup: string;
}

/** Subscription and resource group of an ARM resource id (`/subscriptions/{s}/resourceGroups/{rg}/providers/...`). */
export function armScopeOf(armId: string): ArmScope | undefined {
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\//i.exec(armId);
  return m ? { subscription: m[1]!.toLowerCase(), resourceGroup: m[2]! } : undefined;
}

export function azureId(scope: ArmScope, ...parts: string[]): string {
  return `azure:${scope.subscription}/${scope.resourceGroup}/${parts.join('/')}`;
}

export const tenantId = (tenant: string): string => `azure:tenant/${tenant}`;

/** ARM ids compare case-insensitively. */
export const sameArmId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** A Key Vault attribute time (unix seconds) as ISO 8601. */
export function fromUnixSeconds(seconds: number | null | undefined): string | undefined {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return undefined;
  return new Date(seconds * 1000).toISOString();
}
