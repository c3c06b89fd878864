/** `1 file`, `3 files`: a count with the wording that agrees with it (messages never say "(s)"). */
export function plural(n: number, one: string, other: string): string {
  return `${n} ${n === 1 ? one : other}`;
}
