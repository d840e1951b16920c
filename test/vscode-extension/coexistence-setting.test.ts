import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COEXISTENCE_KEY, coexistenceMode, DEPRECATED_COEXISTENCE_KEY } from '../../packages/vscode-extension/src/coexistence/coexistenceSetting';

const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'packages', 'vscode-extension', 'package.json'), 'utf8'));
const properties: Record<string, { enum?: string[]; default?: unknown; deprecationMessage?: string; markdownDeprecationMessage?: string }> =
  manifest.contributes.configuration.properties;

describe('vscode-extension: the setting for problems ESLint also shows', () => {
  it('reads the current key wherever the user set it', () => {
    assert.equal(coexistenceMode({ globalValue: 'showBoth' }, undefined), 'showBoth');
    assert.equal(coexistenceMode({ workspaceFolderValue: 'showBoth' }, {}), 'showBoth');
    assert.equal(coexistenceMode({ workspaceLanguageValue: 'showBoth' }, {}), 'showBoth');
  });

  it('still reads the deprecated key when only it is set', () => {
    assert.equal(coexistenceMode({}, { workspaceValue: 'showBoth' }), 'showBoth');
    assert.equal(coexistenceMode(undefined, { globalValue: 'showBoth' }), 'showBoth');
  });

  it('lets the current key win over the deprecated one, at any level', () => {
    assert.equal(coexistenceMode({ globalValue: 'auto' }, { workspaceFolderValue: 'showBoth' }), 'auto');
    assert.equal(coexistenceMode({ workspaceValue: 'showBoth' }, { workspaceValue: 'auto' }), 'showBoth');
  });

  it('resolves the most specific level first, as VS Code does', () => {
    assert.equal(coexistenceMode({ globalValue: 'showBoth', workspaceFolderValue: 'auto' }, undefined), 'auto');
    assert.equal(coexistenceMode({ workspaceValue: 'auto', workspaceFolderLanguageValue: 'showBoth' }, undefined), 'showBoth');
  });

  it('is auto when nothing is set, and ignores values it does not know', () => {
    assert.equal(coexistenceMode(undefined, undefined), 'auto');
    assert.equal(coexistenceMode({ globalValue: 'hide' }, { workspaceValue: 42 }), 'auto');
    assert.equal(coexistenceMode({ globalValue: 'hide' }, { workspaceValue: 'showBoth' }), 'showBoth');
  });

  it('contributes both keys with the same values; the old one is marked deprecated and names the new one', () => {
    const current = properties[`authStatus.${COEXISTENCE_KEY}`];
    const deprecated = properties[`authStatus.${DEPRECATED_COEXISTENCE_KEY}`];
    assert.ok(current && deprecated);
    assert.deepEqual(current.enum, ['auto', 'showBoth']);
    assert.deepEqual(deprecated.enum, current.enum);
    assert.equal(current.default, 'auto');
    assert.equal(current.deprecationMessage, undefined);
    assert.match(deprecated.markdownDeprecationMessage ?? deprecated.deprecationMessage ?? '', new RegExp(`authStatus\\.${COEXISTENCE_KEY}`));
  });

  it('has a key VS Code titles correctly: it title-cases each word of the key, so no word may be "eslint"', () => {
    const lastSegment = COEXISTENCE_KEY.split('.').at(-1)!;
    assert.doesNotMatch(lastSegment, /eslint/i);
  });
});
