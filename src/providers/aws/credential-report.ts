import { z } from 'zod';

/**
 * The IAM credential report (CSV, one row per user plus `<root_account>`), parsed and
 * validated. AWS writes no quotes, but IAM user names may contain commas: a row with extra
 * columns is re-assembled from its ARN, whose last segment is the user name.
 */

export const ROOT = '<root_account>';

const flag = z.enum(['true', 'false', 'not_supported', 'N/A']);
/** ISO 8601 date, or one of the markers AWS writes for "none". */
const when = z.string().regex(/^(\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})|N\/A|no_information|not_supported)$/);

export const CredentialReportRow = z.object({
  user: z.string().min(1),
  arn: z.string().startsWith('arn:'),
  password_enabled: flag,
  mfa_active: flag,
  access_key_1_active: flag,
  access_key_1_last_rotated: when,
  access_key_1_last_used_date: when,
  access_key_1_last_used_region: z.string(),
  access_key_1_last_used_service: z.string(),
  access_key_2_active: flag,
  access_key_2_last_rotated: when,
  access_key_2_last_used_date: when,
  access_key_2_last_used_region: z.string(),
  access_key_2_last_used_service: z.string(),
});
export type CredentialReportRow = z.infer<typeof CredentialReportRow>;

export class MalformedReport extends Error {
  override name = 'MalformedReport';
}

export function parseCredentialReport(csv: string): CredentialReportRow[] {
  const lines = csv.split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines.shift()?.split(',');
  if (!header || !header.includes('user') || !header.includes('arn')) throw new MalformedReport('credential report: no header row');
  return lines.map((line, i) => {
    const cells = rejoin(line.split(','), header.length, header.indexOf('user'), header.indexOf('arn'));
    const record = Object.fromEntries(header.map((h, j) => [h, cells[j]]));
    const parsed = CredentialReportRow.safeParse(record);
    if (!parsed.success) throw new MalformedReport(`credential report: row ${i + 2} failed validation (${parsed.error.issues[0]?.path.join('.')})`);
    return parsed.data;
  });
}

/** Merges the cells a comma in a user name split (the name appears in `user` and at the end of `arn`). */
function rejoin(cells: string[], width: number, userAt: number, arnAt: number): string[] {
  const extra = cells.length - width;
  if (extra === 0) return cells;
  if (extra < 0 || extra % 2 !== 0 || userAt !== 0 || arnAt !== 1) throw new MalformedReport(`credential report: a row has ${cells.length} columns, expected ${width}`);
  const k = extra / 2;
  return [cells.slice(0, k + 1).join(','), cells.slice(k + 1, 2 * k + 2).join(','), ...cells.slice(2 * k + 2)];
}

/** A report date, or `null` for AWS's "none" markers. */
export function reportDate(value: string): string | null {
  return /^\d{4}-/.test(value) ? new Date(value).toISOString() : null;
}
