/**
 * Why scan categories stay unknown: the includes or templates secpol could not read, each
 * named once and the list cut short (a pipeline can include a hundred files).
 */
const SHOWN = 3;

/** `["include a is …"]`, or `["include a, include b, include c and 4 more are …"]`; [] for none. */
export function listed(items: readonly string[], name: (item: string) => string, one: string, many: string): string[] {
  const unique = [...new Set(items)];
  if (unique.length === 0) return [];
  if (unique.length === 1) return [`${name(unique[0]!)} ${one}`];
  const shown = unique.slice(0, SHOWN).map(name).join(', ');
  const more = unique.length > SHOWN ? ` and ${unique.length - SHOWN} more` : '';
  return [`${shown}${more} ${many}`];
}
