import type { LogStore, Resource } from '../../model/index.js';
import { azureGap } from './failures.js';
import { azureId, type ArmScope } from './ids.js';
import { tableCategory } from './loganalytics-categories.js';
import { API, listInScope, type AzureScan } from './scan.js';
import { Table, Workspace } from './schema.js';
import { unreadableLogStores } from './unreadable.js';

/**
 * Log Analytics: each workspace is a `log-store` for its application tables (the workspace
 * default retention), each audit table one of its own (total retention: interactive + long-term).
 */

const READER = 'the Reader role on the subscription (Microsoft.OperationalInsights/workspaces/read, …/tables/read)';

export async function collectLogAnalytics(scan: AzureScan, subscription: string): Promise<Resource[]> {
  const what = `Log Analytics workspaces of subscription ${subscription}`;
  const listed = await listInScope(scan, subscription, 'Microsoft.OperationalInsights/workspaces', API.logAnalytics, Workspace, what, READER);
  if ('none' in listed) return [];
  if ('gap' in listed) return [unreadableLogStores(`azure:${subscription}/loganalytics`, `${subscription} Log Analytics workspaces`, listed.gap)];
  return (await Promise.all(listed.items.map(({ item, scope }) => workspaceStores(scan, item, scope)))).flat();
}

async function workspaceStores(scan: AzureScan, ws: Workspace, scope: ArmScope): Promise<LogStore[]> {
  const defaultDays = ws.properties.retentionInDays ?? undefined;
  const workspace: LogStore = { id: azureId(scope, 'loganalytics', ws.name), kind: 'log-store', provider: 'azure', name: ws.name, category: 'application' };
  if (defaultDays !== undefined) workspace.retentionDays = defaultDays;
  else workspace.gaps = { retentionDays: { reason: 'malformed', message: `workspace ${ws.name}: ARM did not report retentionInDays` } };

  const what = `tables of Log Analytics workspace ${ws.name}`;
  let tables: Table[];
  try {
    tables = await scan.arm.list(`${ws.id}/tables`, { 'api-version': API.logAnalytics }, Table, what);
  } catch (err) {
    return [workspace, unreadableLogStores(azureId(scope, 'loganalytics', ws.name, 'table', '*'), `${ws.name} tables`, azureGap(err, what, READER, scan.settings.explicit))];
  }
  const stores: LogStore[] = [workspace];
  for (const table of tables) {
    const category = tableCategory(table.name, scan.settings.tableOverrides);
    if (!category) continue;
    const interactive = table.properties.retentionInDays === -1 ? defaultDays : (table.properties.retentionInDays ?? defaultDays);
    const total = table.properties.totalRetentionInDays === -1 ? interactive : (table.properties.totalRetentionInDays ?? interactive);
    // An application table on the workspace default is already the workspace's store.
    if (category.from === 'builtin' && category.category === 'application' && total === defaultDays) continue;
    const store: LogStore = { id: azureId(scope, 'loganalytics', ws.name, 'table', table.name), kind: 'log-store', provider: 'azure', name: `${ws.name}/${table.name}`, category: category.category };
    if (total !== undefined) store.retentionDays = total;
    else store.gaps = { retentionDays: { reason: 'malformed', message: `table ${store.name}: no retention reported` } };
    stores.push(store);
  }
  return stores;
}
