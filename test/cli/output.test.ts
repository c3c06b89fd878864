import { describe, expect, it } from 'vitest';
import { parseOutputs } from '../../src/cli/output.js';

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
