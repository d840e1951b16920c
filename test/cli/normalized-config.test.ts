import assert from 'node:assert/strict';
import path from 'node:path';
import { Linter } from 'eslint';
import plugin from 'eslint-plugin-auth-status';
import { normalizedConfig } from '../../packages/cli/src/lint/normalized-config';

describe('the config handed to ESLint', () => {
  const root = path.parse(process.cwd()).root;
  const config: Linter.Config[] = [{ files: ['**/*.js'], ...plugin.configs.recommended }];

  it('is normalised once, in the form Linter#verify takes as is', () => {
    const normalized = normalizedConfig(config, root) as Linter.Config[] & { getConfig?: unknown };
    assert.equal(typeof normalized.getConfig, 'function', "ESLint's FlatConfigArray moved: every file pays for normalising again");
  });

  it('lints exactly as the plain array does, file after file', () => {
    const linter = new Linter({ cwd: root });
    const normalized = normalizedConfig(config, root);
    const code = "app.get('/me', (req, res) => { if (!req.headers.authorization) return res.status(403).end(); });";
    for (const name of ['a.js', 'b.js']) {
      const filename = path.join(root, 'project', name);
      assert.deepEqual(linter.verify(code, normalized, filename), linter.verify(code, config, filename));
    }
    assert.equal(linter.verify(code, normalized, path.join(root, 'project', 'a.js')).length, 1);
  });
});
