import { T } from '../node-types';
import type { TSESTree } from '@typescript-eslint/utils';
import { bindingOf, initialValueOf, isAncestor, isFunction, keyName, memberPath, propertyName, skipWrappers, words, type Node, type SourceCode } from '../ast';
import * as V from '../vocabulary';
import { identifierNames, isLookupResult, referencedIdentifiers } from './expressions';

/** What a value holds, judged from its expression and what it was read from. */
export type SourceClass =
  | 'exempt'
  | 'password-check'
  | 'login-lookup'
  | 'request-data'
  | 'verified'
  | 'credential'
  | 'identity'
  | 'validation'
  | 'authorization'
  | 'named-credential';

const MAX_SOURCE_DEPTH = 4;

/** Decorators of parameters that hold the request's body, route or query fields (Nest, LoopBack, routing-controllers). */
const REQUEST_DATA_DECORATOR = /^@(Body|Param|Query|requestBody|RequestBody|param\.(path|query)\.\w+|BodyParam|QueryParam|Params)\b/;


/**
 * Classifies the values a response decision rests on: a credential read from the request, the identity a
 * session carries, a verifier's result, request data, a role or permission.
 */
export class SourceClassifier {
  constructor(private readonly sourceCode: SourceCode) {}

  /**
   * `project.members.find((m) => m.userId === req.user.id)` (or a variable holding it): looking the caller up
   * among a resource's members is a policy decision, not an authentication.
   */
  isMembershipLookup(node: Node): boolean {
    const value = skipWrappers(node);
    const expression = (value.type === T.Identifier ? initialValueOf(this.sourceCode, value) : null) ?? value;
    const text = this.sourceCode.getText(skipWrappers(expression));
    const lookup = V.LOOKUP_CALL.exec(text);
    return !!lookup && words(text.slice(0, lookup.index)).some((word) => V.AUTHORIZATION_WORDS.has(word));
  }

  /** The category an expression's own identifiers name: `user.role` → authorization, `csrfToken` → exempt. */
  identifierCategory(node: Node): 'authorization' | 'exempt' | 'credential' | null {
    const path = memberPath(node);
    const names = path ?? identifierNames(skipWrappers(node));
    const tokens = names.flatMap(words);
    if (tokens.some((word) => V.EXEMPT_WORDS.has(word))) return 'exempt';
    // `ADMIN_TOKEN`, `ownerApiKey`: named for whose credential it is, it is still a credential.
    const credentialNames = names.filter((name) => V.CREDENTIAL_NOUNS.has(words(name).at(-1) ?? ''));
    if (credentialNames.length > 0 && credentialNames.length === names.filter((name) => words(name).some((word) => V.AUTHORIZATION_WORDS.has(word))).length) {
      return 'credential';
    }
    if (/\bread only\b/.test(tokens.join(' '))) return 'authorization';
    // `access` names a right (`user.access`) unless it names a kind of token (`JwtType.ACCESS`, `accessToken`).
    const aboutToken = tokens.some((word) => V.TOKEN_KINDS.has(word));
    const authorization = tokens.filter(
      (word, index) => V.AUTHORIZATION_WORDS.has(word) && !(word === 'access' && (aboutToken || ['token', 'key', 'tokens'].includes(tokens[index + 1] ?? ''))),
    );
    if (authorization.length > 0) return 'authorization';
    if (tokens.some((word) => V.CREDENTIAL_WORDS.has(word))) return 'credential';
    // `apiKey`, `API_KEY`, `x-api-key`: the words only name a credential together.
    if (/\b(api|access|secret|client|private) key\b/.test(tokens.join(' '))) return 'credential';
    return null;
  }

  /** `user.status`, `account.state`: the state of an account, not of a credential (`apiKey.status`, `session.state`). */
  isAccountState(node: Node): boolean {
    const tokens = memberPath(node)?.flatMap(words) ?? [];
    const last = tokens[tokens.length - 1];
    return (last === 'status' || last === 'state') && !tokens.some((word) => V.CREDENTIAL_WORDS.has(word) || word === 'key') && !this.isCredentialish(node);
  }

  /**
   * The caller's roles, permissions or scopes a value is computed from: `req.roles` for
   * `const result = req.roles.map((role) => allowed.includes(role)).find(Boolean)`.
   */
  authorizationDataOf(node: Node): Node | null {
    if (node.type !== T.Identifier) return null;
    const init = initialValueOf(this.sourceCode, node);
    if (!init) return null;
    let current = skipWrappers(init);
    while (current.type === T.CallExpression && current.callee.type === T.MemberExpression) current = skipWrappers(current.callee.object);
    return current.type === T.MemberExpression && this.identifierCategory(current) === 'authorization' ? current : null;
  }

  /**
   * The payload a Passport strategy's `validate` receives (`class JwtStrategy extends PassportStrategy(Strategy)`):
   * the strategy verified the credential, so every check on it is a check of the credential.
   */
  isVerifiedPayload(node: Node): boolean {
    const path = memberPath(node);
    let root: Node = skipWrappers(node);
    while (root.type === T.MemberExpression) root = skipWrappers(root.object);
    if (!path || root.type !== T.Identifier) return false;
    const binding = bindingOf(this.sourceCode, root);
    if (binding?.kind !== 'param' || /^(req|request|ctx|context|res|done|cb|callback)$/.test(root.name)) return false;
    const method = binding.declaration.parent;
    if (method?.type !== T.MethodDefinition || keyName(method) !== 'validate') return false;
    const owner = method.parent?.parent;
    const base = owner && (owner.type === T.ClassDeclaration || owner.type === T.ClassExpression) ? owner.superClass : null;
    return base?.type === T.CallExpression && base.callee.type === T.Identifier && base.callee.name === 'PassportStrategy';
  }

  isCredentialish(node: Node): boolean {
    const source = this.classifySource(node);
    return source === 'credential' || source === 'named-credential' || source === 'verified';
  }

  /** The words of the names a value is computed from, through the variables it reads. */
  sourceWords(node: Node): string[] {
    const names: string[] = [];
    this.collectSource(node, [], names, 0, new Set());
    return names.flatMap(words);
  }

  /** What a value holds, judged from its expression and, through scope analysis, what it was read from. */
  classifySource(node: Node): SourceClass | null {
    if (this.isVerifiedPayload(node)) return 'verified';
    const texts: string[] = [];
    const names: string[] = [];
    const verifiedInputs: Node[] = [];
    this.collectSource(node, texts, names, 0, new Set(), verifiedInputs);
    // `await users.findById(payload.sub)`: a record looked up by the verified credential's claims.
    if (verifiedInputs.length > 0 && isLookupResult(this.sourceCode, node)) return 'verified';
    const text = texts.join('\n');
    const nameWords = names.flatMap(words);
    if (nameWords.some((word) => V.EXEMPT_WORDS.has(word))) return 'exempt';
    // A logged-in user confirming the current password (to change it, or before deleting the account) is not
    // authenticating the request: a 401 there would log the user out.
    if (V.PASSWORD_CHECK.test(text)) return V.REAUTHENTICATION.test(text) ? 'exempt' : 'password-check';
    if (V.LOGIN_LOOKUP.test(text) && V.REQUEST_DATA.test(text)) return 'login-lookup';
    if (this.isRequestData(node)) return 'request-data';
    if (V.VERIFIER_CALL.test(text)) return 'verified';
    // `if (!membership)`, `if (!isAdmin)`: the value's own name says it is a policy decision.
    const own = memberPath(node);
    if (own && words(own[own.length - 1]!).some((word) => V.AUTHORIZATION_WORDS.has(word)) && this.identifierCategory(node) === 'authorization') {
      return 'authorization';
    }
    if (V.CREDENTIAL_SOURCE.test(text)) return V.LOOKUP_CALL.test(this.sourceCode.getText(skipWrappers(node))) || isLookupResult(this.sourceCode, node) ? 'verified' : 'credential';
    if (V.IDENTITY_SOURCE.test(text)) return this.isMembershipLookup(node) ? 'authorization' : 'identity';
    if (V.VALIDATION.test(text)) return 'validation';
    const category = this.identifierCategory(node);
    if (category === 'authorization') return 'authorization';
    if (nameWords.some((word) => V.CREDENTIAL_WORDS.has(word) && word !== 'password' && word !== 'secret')) return 'named-credential';
    return null;
  }

  /** The value `obj.key` reads when `obj` is a constant bound to an object literal that sets `key` itself. */
  private objectFieldOf(value: Node): Node | null {
    if (value.type !== T.MemberExpression || value.computed) return null;
    const object = skipWrappers(value.object);
    const key = propertyName(value);
    if (object.type !== T.Identifier || !key) return null;
    const binding = bindingOf(this.sourceCode, object);
    if (!binding || binding.kind !== 'const' || binding.key !== undefined) return null;
    const literal = skipWrappers(binding.init);
    if (literal.type !== T.ObjectExpression) return null;
    for (const property of literal.properties) {
      if (property.type === T.SpreadElement) return null;
      if (!property.computed && keyName(property) === key) return property.value as Node;
    }
    return null;
  }

  /**
   * A field of the request body, route or query (`const { token } = req.body`), not a record looked up with one
   * (`await projects.find(req.params.id)`, whose absence says nothing about the request's form).
   */
  private isRequestData(node: Node): boolean {
    const value = skipWrappers(node);
    const field = this.objectFieldOf(value);
    if (field) return this.isRequestData(field);
    if (V.REQUEST_DATA.test(this.sourceCode.getText(value))) return !V.LOOKUP_CALL.test(this.sourceCode.getText(value));
    if (value.type !== T.Identifier) return false;
    const binding = bindingOf(this.sourceCode, value);
    if (binding?.kind === 'param') {
      // `@Body() body`, `@requestBody() credentials`, `@Param('token') token`
      return parameterDecorators(binding.init).some((decorator) => REQUEST_DATA_DECORATOR.test(this.sourceCode.getText(decorator)));
    }
    if (!binding || binding.kind === 'import') return false;
    const init = this.sourceCode.getText(skipWrappers(binding.init));
    return V.REQUEST_DATA.test(binding.key === undefined ? init : `${init}.${binding.key}`) && !V.LOOKUP_CALL.test(init);
  }

  private collectSource(node: Node, texts: string[], names: string[], depth: number, seen: Set<Node>, verifiedInputs: Node[] = []): void {
    const value = skipWrappers(node);
    if (seen.has(value) || depth > MAX_SOURCE_DEPTH) return;
    seen.add(value);
    // `data.name` where `const data = { user: req.user.id, name: req.body.name }`: only `req.body.name` is its source.
    const field = this.objectFieldOf(value);
    if (field) {
      names.push(propertyName(value as TSESTree.MemberExpression)!);
      this.collectSource(field, texts, names, depth + 1, seen, verifiedInputs);
      return;
    }
    texts.push(this.sourceCode.getText(value));
    for (const identifier of referencedIdentifiers(value)) {
      names.push(identifier.name);
      const binding = bindingOf(this.sourceCode, identifier);
      if (!binding || binding.kind === 'import') continue;
      if (binding.kind === 'param') {
        if (this.isVerifiedPayload(identifier)) verifiedInputs.push(identifier);
        // `@Headers('authorization') authorization`, `@Body() body`: the decorator says what the parameter holds.
        texts.push(...parameterDecorators(binding.init).map((decorator) => this.sourceCode.getText(decorator)));
        // `({ cookie: { session } }) => …`: the parameter's place in the destructured context says what it holds.
        const place = destructuredPath(binding.init);
        if (place.length > 1) texts.push(place.join('.'));
        // `(parent, args, { user })`: a GraphQL resolver's third parameter is its context.
        else if (place.length === 1 && isResolverContext(binding.declaration, binding.init)) texts.push(`context.${place[0]}`);
        continue;
      }
      if (binding.key !== undefined) {
        texts.push(`${this.sourceCode.getText(binding.init)}.${binding.key}`);
        names.push(binding.key);
      }
      this.collectSource(binding.init, texts, names, depth + 1, seen, verifiedInputs);
    }
  }
}

/** The decorators of a parameter (`@Headers('authorization')`), also of a constructor's parameter property. */
function parameterDecorators(parameter: Node): TSESTree.Decorator[] {
  const own = (parameter as { decorators?: TSESTree.Decorator[] }).decorators ?? [];
  const parent = parameter.parent;
  const outer = parent?.type === T.TSParameterProperty || parent?.type === T.AssignmentPattern ? ((parent as { decorators?: TSESTree.Decorator[] }).decorators ?? []) : [];
  return [...own, ...outer];
}

/** Is `identifier` destructured from the third parameter of a resolver-shaped function `(parent, args, context, info)`? */
function isResolverContext(fn: Node, identifier: Node): boolean {
  if (!isFunction(fn) || fn.params.length < 3) return false;
  const third = fn.params[2]!;
  return third.type === T.ObjectPattern && isAncestor(third, identifier);
}

/** The property path an identifier is bound at inside a destructuring parameter: `cookie.session`. */
function destructuredPath(identifier: Node): string[] {
  const path: string[] = [];
  for (let node: Node | undefined = identifier; node?.parent; node = node.parent) {
    const parent: Node = node.parent;
    if (parent.type === T.Property && parent.value === node && parent.parent?.type === T.ObjectPattern) {
      const key = keyName(parent);
      if (!key) return [];
      path.unshift(key);
    } else if (parent.type !== T.ObjectPattern && parent.type !== T.AssignmentPattern) {
      break;
    }
  }
  return path;
}
