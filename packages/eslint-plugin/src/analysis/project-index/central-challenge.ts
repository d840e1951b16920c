import { T } from '../node-types';
import { propertyName, skipWrappers, staticString, type Node, type SourceCode } from '../ast';
import { readModule, stampOf } from './files';
import { parseModuleOrSkip } from './parse';
import { CHALLENGE_OR_SETTER_TEXT } from '../vocabulary';
import { findNodes, MAX_FILE_CHARACTERS, packageRootOf, sourceFiles } from './package-sources';

/** Where a project adds the challenge to every 401 it sends: `if (res.statusCode === 401) res.header('WWW-Authenticate', …)`. */
export interface CentralChallenge {
  file: string;
  line: number;
}

/**
 * The text such a place needs, the status compared with 401 shortly before the header is set (or a helper named for
 * setting it is called): only those files are parsed.
 */
const CENTRAL_TEXT = /(?:\bstatus(?:Code)?\s*={2,3}\s*401\b|\b401\s*={2,3}\s*[\w$.]*\bstatus(?:Code)?\b)[\s\S]{0,400}?(?:\.\s*(?:header|setHeader|set|append)\s*\(\s*['"`]www-authenticate|www-?authenticate\w*\s*\()/i;


/** `res.statusCode === 401`, `ctx.status == 401`: the response's own status compared with 401, anywhere in a test. */
function testsStatus401(test: Node): boolean {
  const value = skipWrappers(test);
  if (value.type === T.LogicalExpression) return testsStatus401(value.left) || testsStatus401(value.right);
  if (value.type !== T.BinaryExpression || (value.operator !== '===' && value.operator !== '==')) return false;
  const isStatus = (side: Node) => {
    const node = skipWrappers(side);
    return node.type === T.MemberExpression && (propertyName(node) === 'statusCode' || propertyName(node) === 'status');
  };
  const is401 = (side: Node) => {
    const node = skipWrappers(side);
    return node.type === T.Literal && node.value === 401;
  };
  return (isStatus(value.left as Node) && is401(value.right)) || (isStatus(value.right) && is401(value.left as Node));
}

/**
 * A call in `branch` whose first argument names the WWW-Authenticate header (`res.header('WWW-Authenticate', …)`), or
 * of a helper named for it (`appendWWWAuthenticate(ctx, 'Bearer', …)`).
 */
function setsChallenge(sourceCode: SourceCode, branch: Node): boolean {
  const isSetter = (node: Node) => {
    if (node.type !== T.CallExpression) return false;
    const callee = skipWrappers(node.callee);
    const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? propertyName(callee) : null;
    if (name !== null && CHALLENGE_OR_SETTER_TEXT.test(name)) return true;
    return !!node.arguments[0] && staticString(node.arguments[0])?.toLowerCase() === 'www-authenticate';
  };
  return findNodes(sourceCode, branch, isSetter, true).length > 0;
}

/** The line of `if (status === 401) { …set WWW-Authenticate… }` in a module's text, or null. */
function centralChallengeIn(file: string, text: string): number | null {
  const sourceCode = parseModuleOrSkip(file, text);
  if (!sourceCode) return null;
  const [central] = findNodes(sourceCode, sourceCode.ast as Node, (node) => node.type === T.IfStatement && testsStatus401(node.test) && setsChallenge(sourceCode, node.consequent), true);
  return central ? central.loc.start.line : null;
}

const known = new Map<string, { found: CentralChallenge | null; stamp: string | undefined }>();

/**
 * Where the package of `file` adds `WWW-Authenticate` to every 401 response, if it does: sinopia's final middleware,
 * an error handler that sets the challenge when the status it sends is 401. Searched once per package and process;
 * searched again when the file it was found in changes.
 */
export function centralChallengeFor(file: string): CentralChallenge | null {
  const root = packageRootOf(file);
  const cached = known.get(root);
  if (cached && (cached.found === null || stampOf(cached.found.file) === cached.stamp)) return cached.found;
  let found: CentralChallenge | null = null;
  for (const candidate of sourceFiles(root) ?? []) {
    const module = readModule(candidate);
    if (!module || module.text.length > MAX_FILE_CHARACTERS || !CENTRAL_TEXT.test(module.text)) continue;
    const line = centralChallengeIn(candidate, module.text);
    if (line !== null) {
      found = { file: candidate, line };
      break;
    }
  }
  known.set(root, { found, stamp: found ? stampOf(found.file) : undefined });
  return found;
}
