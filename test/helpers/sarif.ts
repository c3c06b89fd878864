import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { RE2JS } from 're2js';

const schemaPath = fileURLToPath(new URL('../../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url));

// The official schema's `language` patterns use `(?i)`, which JavaScript's RegExp rejects;
// RE2 (our linear-time engine) reads them as published. The schema also fails its own
// meta-schema (region.properties.anyOf is an array), so meta-validation is off: the file is
// used exactly as OASIS and GitHub publish it.
const re2Engine = Object.assign((pattern: string) => RE2JS.compile(pattern), { code: 're2js' });

/** A validator for the official SARIF 2.1.0 schema; `errors()` explains the last failure. */
export function sarifValidator(): { validate(data: unknown): boolean; errors(): string } {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true, validateSchema: false, code: { regExp: re2Engine } });
  addFormats.default(ajv);
  const fn = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>);
  return {
    validate: (data) => fn(data) as boolean,
    errors: () => ajv.errorsText(fn.errors, { separator: '\n' }),
  };
}
