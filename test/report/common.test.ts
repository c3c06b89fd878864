import { describe, expect, it } from 'vitest';
import { compareNatural, formatLocation, summaryLine, verdict } from '../../src/report/common.js';
import { fixtureReport, results } from './fixture.js';

describe('summary and verdict', () => {
  it('names what decides the exit code at the fail-on threshold', () => {
    expect(verdict(fixtureReport({ failOn: 'critical' }))).toBe('fail-on critical: 1 failure and 1 error at or above');
    expect(verdict(fixtureReport({ failOn: 'low' }))).toBe('fail-on low: 6 failures and 1 error at or above');
    expect(verdict(fixtureReport({ failOn: 'none' }))).toBe('fail-on none: findings do not fail the run');
    const onlyLow = fixtureReport({ results: results.filter((r) => r.severity === 'low') });
    expect(verdict(onlyLow)).toBe('fail-on high: nothing at or above');
  });

  it('uses the report summary for counts and the results for the severity breakdown', () => {
    expect(summaryLine(fixtureReport({ failOn: 'medium' }))).toBe(
      '6 failed (1 critical, 2 high, 1 medium, 2 low), 1 error, 2 passed, 1 skipped, 2 waived — fail-on medium: 4 failures and 1 error at or above',
    );
  });
});

describe('helpers', () => {
  it('orders control ids naturally', () => {
    expect(['CC6.10', 'CC6.2', 'A.5.15', 'A.5.9', 'CC6.1'].sort(compareNatural)).toEqual(['A.5.9', 'A.5.15', 'CC6.1', 'CC6.2', 'CC6.10']);
  });

  it('formats locations, leaving out unknown or invalid parts', () => {
    expect(formatLocation({ path: './a/b.yml', line: 3, column: 4 })).toBe('a/b.yml:3:4');
    expect(formatLocation({ path: 'a', line: 0 })).toBe('a');
    expect(formatLocation({ path: 'a', column: 2 })).toBe('a');
  });
});
