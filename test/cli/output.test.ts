import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { formats, parseOutputs, writeReports } from '../../src/cli/output.js';
import { outputFile, writeOutputFile } from '../../src/cli/output-file.js';
import type { Result } from '../../src/model/index.js';
import { renderReport } from '../../src/report/index.js';
import { Redactor } from '../../src/shared/redact.js';
import { fixtureReport } from '../report/fixture.js';

describe('parseOutputs', () => {
  it('defaults to text on stdout', () => {
    expect(parseOutputs(undefined, undefined)).toEqual([{ format: 'text', file: undefined }]);
  });

  it('accepts several format=file pairs and one stdout format', () => {
    expect(parseOutputs(['text', 'sarif=out.sarif', 'json=r.json'], undefined)).toEqual([
      { format: 'text', file: undefined },
      { format: 'sarif', file: 'out.sarif' },
      { format: 'json', file: 'r.json' },
    ]);
  });

  it('sends a lone --output to the format without a file', () => {
    expect(parseOutputs(['json'], 'r.json')).toEqual([{ format: 'json', file: 'r.json' }]);
  });

  it('rejects unknown formats and two formats on stdout', () => {
    expect(() => parseOutputs(['pdf'], undefined)).toThrow(/unknown format 'pdf'/);
    expect(() => parseOutputs(['json', 'text'], undefined)).toThrow(/only one format can go to stdout/);
  });
});

describe('writeReports', () => {
  const secret = 'tok-' + 'z'.repeat(30);
  const base = fixtureReport();
  // Enough results for the writers to go out in many pieces, each holding the registered secret.
  const many: Result[] = Array.from({ length: 3000 }, (_, i) => {
    const r = base.results[i % base.results.length]!;
    return { ...r, status: 'fail', message: `leaked ${secret} in run ${i}`, resource: { ...r.resource, id: `${r.resource.id}-${i}` } };
  });
  const report = fixtureReport({ results: many });
  const flags = { verbose: false, quiet: false, sarifAll: false };

  function io(cwd: string, out: string[]): Io {
    return { out: (t) => out.push(t), err: () => {}, stderrIsTty: false, stdoutIsTty: false, env: {}, cwd };
  }

  it('writes every format to its file in pieces, exactly the redacted rendering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secpol-out-'));
    try {
      const redactor = new Redactor();
      redactor.add(secret);
      const targets = formats.map((format) => ({ format, file: `sub/report.${format}` }));
      await writeReports(report, targets, flags, io(dir, []), redactor);
      for (const format of formats) {
        const written = readFileSync(join(dir, `sub/report.${format}`), 'utf8');
        // The Markdown summary names the full report written beside it (the HTML one).
        expect(written, format).toBe(redactor.redact(renderReport(format, redactor.redactDeep(report), { anchorFile: report.anchorFile, fullReport: 'sub/report.html' })));
        expect(written).not.toContain(secret);
      }
      expect(readFileSync(join(dir, 'sub/report.json'), 'utf8')).toContain('leaked [REDACTED] in run 2999');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('removes a report file cut short rather than leave it looking whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secpol-out-'));
    try {
      // A result that cannot be rendered, far enough in for earlier pieces to be on disk.
      const broken = [...many];
      broken[2500] = Object.defineProperty({ ...many[2500]! }, 'message', {
        get() {
          throw new Error('unrenderable result');
        },
      });
      await expect(writeReports(fixtureReport({ results: broken }), [{ format: 'json', file: 'r.json' }], flags, io(dir, []), new Redactor())).rejects.toThrow(
        'unrenderable result',
      );
      expect(existsSync(join(dir, 'r.json'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the previous file whole, and no temporary file, when a report fails half way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secpol-out-'));
    try {
      writeFileSync(join(dir, 'r.json'), 'previous report');
      function* pieces() {
        for (let i = 0; i < 100; i++) yield 'x'.repeat(1 << 16);
        throw new Error('renderer failed');
      }
      await expect(writeOutputFile(outputFile('r.json', dir, 'json'), pieces())).rejects.toThrow('renderer failed');
      expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('previous report');
      expect(readdirSync(dir)).toEqual(['r.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes to stdout in pieces, ending with a line break', async () => {
    const redactor = new Redactor();
    redactor.add(secret);
    const out: string[] = [];
    await writeReports(report, [{ format: 'json' }], flags, io(tmpdir(), out), redactor);
    expect(out.length).toBeGreaterThan(1);
    expect(out.join('')).toBe(redactor.redact(renderReport('json', report)));
    expect(out.join('')).not.toContain(secret);
  });
});
