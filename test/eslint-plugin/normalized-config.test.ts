import assert from 'node:assert/strict';
import path from 'node:path';
import { Linter } from 'eslint';
import plugin from 'eslint-plugin-auth-status';
import { NormalizedConfigs } from 'eslint-plugin-auth-status/tooling';

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('the normalised config the CLI and the language server hand to ESLint', () => {
  const root = path.parse(process.cwd()).root;
  const plain = (): Linter.Config[] => [{ files: ['**/*.js'], ...plugin.configs.recommended }];
  const code = "app.get('/me', (req, res) => { if (!req.headers.authorization) return res.status(403).end(); });";

  type Handed = Linter.Config[] & { getConfig?: unknown };

  it('is the plain config until ESLint has normalised it, asked for on the second use, then the form Linter#verify takes as is', async () => {
    const configs = new NormalizedConfigs();
    const first = configs.get('recommended', path.join(root, 'project', 'a.js'), plain) as Handed;
    assert.equal(first.getConfig, undefined);
    await settle();
    const second = configs.get('recommended', path.join(root, 'project', 'b.js'), plain) as Handed;
    assert.equal(second.getConfig, undefined, 'a config used once is not worth normalising (a one-file run)');
    await settle();
    const later = configs.get('recommended', path.join(root, 'project', 'c.js'), plain) as Handed;
    assert.equal(typeof later.getConfig, 'function', 'ESLint did not normalise the config: every lint pays for it again');
  });

  it('lints exactly as the plain config does, file after file', async () => {
    const configs = new NormalizedConfigs();
    configs.get('recommended', path.join(root, 'project', 'a.js'), plain);
    configs.get('recommended', path.join(root, 'project', 'a.js'), plain);
    await settle();
    const linter = new Linter({ cwd: root });
    for (const name of ['a.js', 'nested/b.js']) {
      const filename = path.join(root, 'project', name);
      const normalized = configs.get('recommended', filename, plain);
      assert.deepEqual(linter.verify(code, normalized, filename), linter.verify(code, plain(), filename));
    }
    assert.equal(linter.verify(code, configs.get('recommended', path.join(root, 'a.js'), plain), path.join(root, 'a.js')).length, 1);
  });
});
