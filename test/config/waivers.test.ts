import { describe, expect, it } from 'vitest';
import { checkWaivers } from '../../src/config/waivers.js';
import type { Waiver } from '../../src/model/index.js';
import { formatDiagnostic } from '../../src/shared/errors.js';

const now = new Date('2026-11-26T12:00:00Z');
const at = (line: number) => ({ file: 'secpol.yaml', line, column: 5 });
const waiver = (rule: string, resource: string, expires: string, line: number): Waiver => ({ rule, resource, reason: 'r', expires, source: at(line) });

describe('checkWaivers', () => {
  it('keeps waivers within the lifetime, expired ones included (the report lists those)', () => {
    const ok = [waiver('branch.*', 'github:acme/*', '2027-11-26', 1), waiver('a.b', 'github:x/y', '2027-11-26T12:00:00Z', 2), waiver('a.b', 'github:x/y', '2020-01-01', 3)];
    expect(checkWaivers(ok, now, 365)).toEqual({ waivers: ok, diagnostics: [] });
  });

  it('rejects, located, a waiver that runs past the lifetime', () => {
    const far = [waiver('a.b', 'github:x/y', '9999-12-31', 4), waiver('a.b', 'github:x/y', '2027-11-27', 5)];
    const checked = checkWaivers(far, now, 365);
    expect(checked.waivers).toEqual([]);
    expect(checked.diagnostics.map(formatDiagnostic)).toEqual([
      'secpol.yaml:4:5: waiver expires "9999-12-31", more than 365 days from now (latest 2027-11-26); waivers must be renewed (waiverMaxDays in secpol.yaml)',
      'secpol.yaml:5:5: waiver expires "2027-11-27", more than 365 days from now (latest 2027-11-26); waivers must be renewed (waiverMaxDays in secpol.yaml)',
    ]);
    expect(checkWaivers(far.slice(1), now, 400).waivers).toHaveLength(1);
  });

  it('rejects a waiver that covers every rule on every resource, however the globs are spelled', () => {
    for (const [rule, resource] of [
      ['*', '**'],
      ['**', '**/*'],
      ['{*,**}', '**/**'],
    ] as const) {
      const checked = checkWaivers([waiver(rule, resource, '2027-01-01', 7)], now, 365);
      expect(checked.waivers, `${rule} ${resource}`).toEqual([]);
      expect(checked.diagnostics[0]).toMatchObject({ severity: 'error', ...at(7) });
      expect(checked.diagnostics[0]?.message).toMatch(/covers every rule on every resource/);
    }
  });

  it('allows a wildcard on one side only', () => {
    const one = [waiver('*', 'github:acme/sandbox', '2027-01-01', 1), waiver('repo.security-policy', '**', '2027-01-01', 2)];
    expect(checkWaivers(one, now, 365).waivers).toEqual(one);
  });
});
