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

  it('explains what the 403 does to clients in one sentence, lists the evidence once, links the RFC sections', async () => {
    const status = rangeOf(EXPRESS_SOURCE, '403');
    const hover = await hoverAt({ line: status.start.line, character: status.start.character + 1 });
    assert.deepEqual(hover!.range, status);
    assert.equal((hover!.contents as MarkupContent).kind, 'markdown');
    const text = markdown(hover);
    const [explanation, ...rest] = text.split('\n');
    assert.equal(explanation, 'A 403 tells the client that its identity is known but not allowed, so it never signs in again and the user stays locked out.');
    assert.deepEqual(
      rest.filter((line) => line.startsWith('- ')),
      ["- line 7, missing-credential check: `!token`", "- line 6, Authorization header read here: `req.headers.authorization`", "- line 8, response message: `'No token provided'`"],
    );
    assert.match(text, /\[RFC 9110 §15\.5\.2 401 Unauthorized\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc9110#section-15\.5\.2\)/);
    assert.match(text, /§15\.5\.4 403 Forbidden/);
    assert.match(text, /§11\.6\.1 WWW-Authenticate/);
    // Nothing the diagnostic's message (shown beside the hover) already says: neither its words nor its advice.
    const { diagnostics } = await client.waitForPush(uri);
    const message = diagnostics.find((diagnostic) => diagnostic.range.start.line === status.start.line)!.message;
    assert.ok(!text.includes(message.split(';')[0]!), text);
    assert.doesNotMatch(text, /use 401|re-authenticate and retry|Rule:/);
  });

  it('explains the missing challenge on a 401', async () => {
    const status = rangeOf(EXPRESS_SOURCE, '401');
    const text = markdown(await hoverAt(status.end));
    assert.match(text, /^Without a challenge the client cannot tell which scheme to use/);
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
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code).sort(), ['refresh-token-on-401', 'require-403-for-permission-denial']);
    const permission = markdown(await hoverAt(rangeOf(source, '401').start, other));
    assert.match(permission, /^A 401 tells the client to get a new credential and retry; with the same rights the retry is refused again/);
    assert.match(permission, /- line 4, permission check: `!req\.user\.roles\.includes\('admin'\)`/);
    assert.match(permission, /§15\.5\.4 403 Forbidden/);
    const refresh = markdown(await hoverAt(rangeOf(source, '403').start, other));
    assert.match(refresh, /the client should refresh only on 401/);
    assert.match(refresh, /§15\.5\.4 403 Forbidden/);
  });

  it('says nothing on a correct 403 (the role check), elsewhere, or on an unknown document', async () => {
    assert.equal(await hoverAt(rangeOf(EXPRESS_SOURCE, '403', 1).start), null);
    assert.equal(await hoverAt({ line: 0, character: 3 }), null);
    assert.equal(await hoverAt({ line: 0, character: 0 }, fileUri(path.join(workspace, 'unknown.ts'))), null);
  });

  it('leaves the evidence to the editor when it shows related information in its hover (VS Code)', async () => {
    const vscodeLike = await LspTestClient.start({ rootPath: workspace, initializationOptions: { hoverShowsRelatedInformation: true } });
    try {
      const other = fileUri(path.join(workspace, 'vscode.ts'));
      await vscodeLike.open(other, EXPRESS_SOURCE);
      await vscodeLike.waitForPush(other);
      const status = rangeOf(EXPRESS_SOURCE, '403');
      const hover = (await vscodeLike.connection.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: status.start })) as Hover;
      const text = markdown(hover);
      assert.match(text, /^A 403 tells the client/);
      assert.match(text, /§15\.5\.2 401 Unauthorized/);
      assert.doesNotMatch(text, /^- line/m);
    } finally {
      assert.equal(await vscodeLike.shutdown(), 0);
    }
  });
});
