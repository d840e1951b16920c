import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as server from '../../packages/language-server/src/protocol';
import { defaultSettings } from '../../packages/language-server/src/settings';
import * as client from '../../packages/vscode-extension/src/protocol';

const extensionDir = path.join(__dirname, '..', '..', 'packages', 'vscode-extension');
const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
const properties: Record<string, { default?: unknown; description?: string; markdownDescription?: string }> =
  manifest.contributes.configuration.properties;

/** `{ a: { b: 1 } }` → `[['a.b', 1]]`, the way VS Code names nested settings. */
function flatten(value: object, prefix = ''): [string, unknown][] {
  return Object.entries(value).flatMap(([key, inner]): [string, unknown][] =>
    typeof inner === 'object' && inner !== null && !Array.isArray(inner) && Object.keys(inner).length > 0
      ? flatten(inner, `${prefix}${key}.`)
      : [[`${prefix}${key}`, inner]],
  );
}

describe('vscode-extension: manifest and protocol agree with the language server', () => {
  it('uses the server’s method, section and command names', () => {
    assert.equal(client.METHODS.fixAll, server.FixAllRequest.method);
    assert.equal(client.METHODS.status, server.StatusNotification.method);
    assert.equal(client.METHODS.workspaceTrustChanged, server.WorkspaceTrustChangedNotification.method);
    assert.equal(client.CONFIGURATION_SECTION, server.CONFIGURATION_SECTION);
    assert.equal(client.SHOW_DOCUMENTATION_COMMAND, server.SHOW_DOCUMENTATION_COMMAND);
  });

  it('starts the server with the environment the server asks for', () => {
    assert.deepEqual(client.SERVER_ENVIRONMENT, server.SERVER_ENVIRONMENT);
  });

  it('contributes every setting the server reads, with the server’s default', () => {
    const serverSettings = flatten(defaultSettings()).concat([['challenge.scheme', undefined], ['challenge.realm', undefined]]);
    for (const [key, serverDefault] of serverSettings) {
      if (key === 'challenge') continue;
      const setting = properties[`authStatus.${key}`];
      assert.ok(setting, `authStatus.${key} is not contributed`);
      assert.ok(setting.description ?? setting.markdownDescription, `authStatus.${key} has no description`);
      if (serverDefault !== undefined) assert.deepEqual(setting.default, serverDefault, `default of authStatus.${key}`);
    }
  });

  it('describes every contributed setting', () => {
    for (const [key, setting] of Object.entries(properties)) {
      assert.ok((setting.description ?? setting.markdownDescription ?? '').length > 20, `${key} needs a description`);
    }
  });

  it('activates on JavaScript and TypeScript only, never on startup', () => {
    assert.deepEqual(manifest.activationEvents, client.LANGUAGES.map((language) => `onLanguage:${language}`));
  });

  it('registers every contributed command in the extension’s code', () => {
    const sources = ['commands.ts', 'languageStatus.ts', 'protocol.ts']
      .map((file) => readFileSync(path.join(extensionDir, 'src', file), 'utf8'))
      .join('\n');
    for (const { command } of manifest.contributes.commands as { command: string }[]) {
      assert.ok(sources.includes(`'${command}'`), `${command} is contributed but not registered`);
    }
  });

  it('declares limited support for untrusted workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  });
});
