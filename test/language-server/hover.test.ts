import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { HoverRequest, type Hover, type MarkupContent, type Position } from 'vscode-languageserver-protocol';
import { EXPRESS_SOURCE, rangeOf } from './fixtures';
import { fileUri, LspTestClient } from './lsp-client';

const workspace = path.join(os.tmpdir(), 'auth-status-ls-hover');

describe('language server: hover over stdio', () => {
  let client: LspTestClient;
  const uri = fileUri(path.join(workspace, 'hover.ts'));
  before(async () => {
    client = await LspTestClient.start({ rootPath: workspace });
    await client.open(uri, EXPRESS_SOURCE);
    await client.waitForPush(uri);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  const hoverAt = (position: Position, at = uri) =>
    client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: at }, position }) as Promise<Hover | null>;
  const markdown = (hover: Hover | null) => (hover!.contents as MarkupContent).value;

  it('explains 401 versus 403 for a 403 sent for a missing token, with the evidence and the RFC sections', async () => {
    const status = rangeOf(EXPRESS_SOURCE, '403');
    const hover = await hoverAt({ line: status.start.line, character: status.start.character + 1 });
    assert.deepEqual(hover!.range, status);
    assert.equal((hover!.contents as MarkupContent).kind, 'markdown');
    const text = markdown(hover);
    assert.match(text, /answers a missing credential/);
    assert.match(text, /right status is 401 with a WWW-Authenticate challenge/);
    assert.match(text, /A 403 means the identity is known but not allowed/);
    assert.match(text, /- line 7: the credential is missing here: `!token`/);
    assert.match(text, /- line 8: the credential is missing here: `'No token provided'`/);
    assert.match(text, /\[RFC 9110 §15\.5\.2 401 Unauthorized\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc9110#section-15\.5\.2\)/);
    assert.match(text, /§15\.5\.4 403 Forbidden/);
    assert.match(text, /§11\.6\.1 WWW-Authenticate/);
    assert.match(text, /Rule: \[auth-status\/require-401-for-credential-failure\]\(https:.*require-401-for-credential-failure\.md\)/);
  });

  it('explains the missing challenge on a 401', async () => {
    const status = rangeOf(EXPRESS_SOURCE, '401');
    const text = markdown(await hoverAt(status.end));
    assert.match(text, /This 401 answers/);
    assert.match(text, /WWW-Authenticate challenge tells it how/);
    assert.match(text, /§15\.5\.2 401 Unauthorized/);
    assert.match(text, /§11\.6\.1 WWW-Authenticate/);
  });

  it('explains 403 for a 401 sent after a permission check, and 401-only refresh for client code', async () => {
    const source = `import express from 'express';
const router = express.Router();
router.post('/admin', (req, res) => {
  if (!req.user.roles.includes('admin')) {
    return res.status(401).set('WWW-Authenticate', 'Bearer').json({ message: 'Insufficient permissions' });
  }
});
export async function load() {
  const response = await fetch('/api');
  if (response.status === 403) {
    await refreshToken();
    return fetch('/api');
  }
}
`;
    const other = fileUri(path.join(workspace, 'permission.ts'));
    await client.open(other, source);
    const { diagnostics } = await client.waitForPush(other);
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code).sort(), ['auth-status/refresh-token-on-401', 'auth-status/require-403-for-permission-denial']);
    const permission = markdown(await hoverAt(rangeOf(source, '401').start, other));
    assert.match(permission, /a permission check failed, so the right status is 403/);
    assert.match(permission, /- line 4: a permission is checked here: `!req\.user\.roles\.includes\('admin'\)`/);
    assert.match(permission, /§15\.5\.4 403 Forbidden/);
    const refresh = markdown(await hoverAt(rangeOf(source, '403').start, other));
    assert.match(refresh, /A client should refresh its token and retry only on 401/);
    assert.match(refresh, /§15\.5\.4 403 Forbidden/);
  });

  it('says nothing on a correct 403 (the role check), elsewhere, or on an unknown document', async () => {
    assert.equal(await hoverAt(rangeOf(EXPRESS_SOURCE, '403', 1).start), null);
    assert.equal(await hoverAt({ line: 0, character: 3 }), null);
    assert.equal(await hoverAt({ line: 0, character: 0 }, fileUri(path.join(workspace, 'unknown.ts'))), null);
  });
});
