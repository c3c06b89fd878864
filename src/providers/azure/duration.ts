/**
 * ISO 8601 durations as Key Vault rotation policies write them (`P90D`, `P1Y`, `P3M`, `P2W`,
 * `P1Y6M`, `PT12H`), in days (a month is 30 days, a year 365). Undefined when not a duration.
 */
export function isoDurationDays(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const m = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(value.trim());
  if (!m || value.trim().length <= 1 || /T$/i.test(value.trim())) return undefined;
  const [y, mo, w, d, h, mi, s] = m.slice(1).map((p) => (p ? Number(p) : 0)) as [number, number, number, number, number, number, number];
  return y * 365 + mo * 30 + w * 7 + d + h / 24 + mi / 1440 + s / 86400;
}
