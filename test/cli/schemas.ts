import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The official SARIF 2.1.0 schema (OASIS, rtm.5, as shipped by @microsoft/jest-sarif). It is draft-04, whose
 * only difference that matters here is `id` for `$id` at the top; everything else compiles as draft-07.
 */
function sarifSchema(): object {
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { $schema: _draft, id, ...schema } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  return { $id: id, ...schema };
}

function compile(schema: object): ValidateFunction {
  // unicodeRegExp off: the SARIF schema's language pattern is not valid with the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

export const validateSarif = compile(sarifSchema());
export const validateEslintResults = compile(
  JSON.parse(fs.readFileSync(path.join(__dirname, 'schemas/eslint-results.schema.json'), 'utf8')) as object,
);

/** Throws with ajv's errors when the data does not match. */
export function assertValid(validate: ValidateFunction, data: unknown): void {
  if (!validate(data)) throw new Error(`schema violations: ${JSON.stringify(validate.errors, null, 2)}`);
}
