import assert from 'node:assert/strict';
import { ConfiguredLinter } from './harness/configured-linter';
import type { Dialect } from './harness/dialects';

const TYPESCRIPT: Dialect = { parser: 'typescript', jsx: false, sourceType: 'module' };
const strict = new ConfiguredLinter('strict');

/** Constructs from node_modules that once threw from inside our rules (found by `npm run robustness`). */
describe('robustness regressions', () => {
  it('reads `import x = require(…)` (node_modules/@types/node/domain.d.ts)', () => {
    const code = "// 403\ndeclare module 'domain' {\n  import EventEmitter = require('node:events');\n  class Domain extends EventEmitter {}\n}\n";
    assert.deepEqual(strict.verify(code, TYPESCRIPT), []);
  });

  it('reads `import x = A.B` namespace aliases', () => {
    assert.deepEqual(strict.verify('import Errors = Http.Errors;\nthrow new Errors(403);\n', TYPESCRIPT), []);
  });

  it('treats `import x = require(…)` as the require it is', () => {
    const code = [
      "import createError = require('http-errors');",
      'export function authenticate(req: { headers: { authorization?: string } }, next: (error?: Error) => void) {',
      "  if (!req.headers.authorization) return next(createError(403, 'No token provided'));",
      '  next();',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(
      strict.verify(code, TYPESCRIPT).map((message) => message.ruleId),
      ['auth-status/require-401-for-credential-failure'],
    );
  });
});
