import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { FileLinter } from '../../packages/cli/src/lint/lint-file';
import { CODE, makeFolder, runCli } from './helpers';

const read = (folder: string, file: string) => fs.readFileSync(path.join(folder, file), 'utf8');
const parses = (code: string) => !new Linter().verify(code, [{ files: ['**/*.js'] }], 'x.js').some((message) => message.fatal);

describe('auth-status-lint --fix', () => {
  it('applies the safe fix (adding the challenge) and leaves status changes alone', () => {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus, 'token.js': CODE.missingChallenge, 'admin.js': CODE.permissionDenied });
    const run = runCli(['--fix'], folder);
    assert.equal(run.code, 1, 'the status problem remains');
    assert.equal(
      read(folder, 'token.js'),
      CODE.missingChallenge.replace(
        "res.status(401).json",
        `res.status(401).set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"').json`,
      ),
    );
    assert.equal(read(folder, 'auth.js'), CODE.wrongStatus);
    assert.equal(read(folder, 'admin.js'), CODE.permissionDenied);
    assert.match(run.stdout, /auth\.js:3/);
    assert.doesNotMatch(run.stdout, /token\.js/);
  });

  it('--fix --fix-status also changes the status to 401 with a challenge; the result parses and is clean', () => {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus, 'token.js': CODE.missingChallenge, 'admin.js': CODE.permissionDenied });
    const run = runCli(['--fix', '--fix-status'], folder);
    assert.equal(run.code, 0, run.stdout);
    const fixed = read(folder, 'auth.js');
    assert.equal(fixed, CODE.wrongStatus.replace('res.status(403).json', `res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json`));
    assert.ok(parses(fixed));
    assert.equal(read(folder, 'admin.js'), CODE.permissionDenied, 'the near miss is untouched');
    assert.equal(runCli([], folder).code, 0, 'no rule reports the fixed code');
  });

  it('reports the fixed code in --format json as ESLint does (output, remaining messages)', () => {
    const folder = makeFolder({ 'token.js': CODE.missingChallenge });
    const [result] = JSON.parse(runCli(['--fix', '-f', 'json'], folder).stdout);
    assert.equal(result.output, read(folder, 'token.js'));
    assert.deepEqual(result.messages, []);
  });

  it('never keeps a fix whose result does not parse', () => {
    // A stand-in for our plugin whose fix breaks the code: the guard must return the original text.
    const breaking = {
      rules: {
        'break-code': {
          meta: { type: 'problem', fixable: 'code', schema: [] },
          create: (context: { report(descriptor: unknown): void }) => ({
            Literal(node: { range: [number, number] }) {
              context.report({ node, message: 'broken fix', fix: (fixer: { replaceText(n: unknown, t: string): unknown }) => fixer.replaceText(node, '(((') });
            },
          }),
        },
      },
    };
    const linter = new FileLinter({ 'auth-status': breaking as never });
    const text = 'res.status(403);\n';
    const outcome = linter.lint({ filePath: '/virtual/a.js', text, rules: { 'auth-status/break-code': 'error' }, fix: 'safe' });
    assert.equal(outcome.fixRefused, true);
    assert.equal(outcome.result.output, undefined);
    assert.equal(outcome.result.source, text);
    assert.equal(outcome.result.messages[0].message, 'broken fix');
  });
});
