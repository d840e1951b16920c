import { T } from '../node-types';
import type { TSESTree } from '@typescript-eslint/utils';
import { bindingOf, calleeName, declaredFunction, findVariable, initialValueOf, producingCall, returnedValues, valuesWrittenTo, isAncestor, isFunction, keyName, memberPath, propertyName, skipWrappers, words, type Node, type SourceCode } from '../ast';
import * as V from '../vocabulary';
import { gateOf, type Gate } from '../project-index/gates';
import { meaningOf } from '../project-index/lookup';
import { identifierNames, isLookupResult, lookupInChain, lookupsAssignedTo, walk } from './expressions';


/**
 * Words after `access` that make it name a credential or its validity, not a right: `accessToken`, `accessAuth`,
 * `isDocumentAccessValid`.
 */
const ACCESS_AS_CREDENTIAL: ReadonlySet<string> = new Set(['token', 'tokens', 'key', 'auth', 'authentication', 'valid', 'invalid']);

/** What a function that checks a password against an account does: compares, hashes, or reads a stored password. */
const STORED_SECRET_USE = /\b(compare\w*|bcrypt|argon2|scrypt|hash\w*|verify\w*|timingSafeEqual|pbkdf2\w*|await|db|find\w*|query)\b|\.\s*(password|passwordHash|hash|hashedPassword)\b/i;

/** Calls that check an account rather than create or change one. */
const LOGIN_CHECK_CALL = /^(has|is|check|verify|validate|authenticate|login|signIn|find|get|match|compare)/i;
const ACCOUNT_FIELDS: ReadonlySet<string> = new Set(['username', 'user', 'email', 'login', 'name', 'user_name']);
/** What a value holds, judged from its expression and what it was read from. */
export type SourceClass =
  | 'exempt'
  | 'password-check'
  | 'login-lookup'
  | 'login-account'
  | 'request-data'
  | 'verified'
  | 'credential'
  | 'identity'
  | 'validation'
  | 'authorization'
  | 'named-credential';

const MAX_SOURCE_DEPTH = 4;
const MAX_WRITTEN_VALUES = 4;

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

  /**
   * `doc.sharedWith.includes(req.claims.sub)`: the caller's id searched for in a list of a record, whatever the list
   * is called, is a membership. Not a list of revoked or blocked credentials (`revokedSessions.has(req.session.id)`).
   */
  private searchesListForCaller(node: Node): boolean {
    const call = skipWrappers(node);
    if (call.type !== T.CallExpression || call.callee.type !== T.MemberExpression || !LIST_SEARCH.test(propertyName(call.callee) ?? '')) return false;
    const searched = call.arguments[0];
    const listWords = memberPath(call.callee.object)?.flatMap(words) ?? [];
    const idWords = searched ? (memberPath(searched)?.flatMap(words) ?? []) : [];
    if (listWords.length === 0 || listWords.some((word) => V.CREDENTIAL_WORDS.has(word) || REVOCATION_WORDS.has(word))) return false;
    return (idWords.at(-1) === 'id' || idWords.at(-1) === 'sub') && !idWords.some((word) => V.CREDENTIAL_WORDS.has(word)) && this.classifySource(searched!) === 'identity';
  }

  /** The category an expression's own identifiers name: `user.role` → authorization, `csrfToken` → exempt. */
  identifierCategory(node: Node): 'authorization' | 'exempt' | 'credential' | null {
    const path = memberPath(node);
    const names = path ?? identifierNames(skipWrappers(node));
    const tokens = names.flatMap(words);
    if (V.namesExemptFlow(tokens)) return 'exempt';
    // `token.role`, `context.auth.token.admin`: a right read off a credential is still a right.
    const lastWords = path && path.length > 1 ? words(path[path.length - 1]!) : [];
    // `permissions.authentication === '1'`: whether a resource needs authentication is its setting, not a right.
    if (lastWords.at(-1) === 'authentication') return null;
    const rightClaimed = lastWords.some((word) => RIGHTS_CLAIMS.has(word) || (V.AUTHORIZATION_WORDS.has(word) && word !== 'access'));
    if (rightClaimed && !V.CREDENTIAL_NOUNS.has(lastWords.at(-1) ?? '')) return 'authorization';
    // `ADMIN_TOKEN`, `ownerApiKey`: named for whose credential it is, it is still a credential.
    // Only when every name that mentions a right ends in a credential: `isAdmin(token)` checks a right of the token.
    const credentialNames = names.filter((name) => V.CREDENTIAL_NOUNS.has(words(name).at(-1) ?? ''));
    const rightNames = names.filter((name) => words(name).some((word) => V.AUTHORIZATION_WORDS.has(word)));
    if (credentialNames.length > 0 && rightNames.length > 0 && rightNames.every((name) => credentialNames.includes(name))) {
      return 'credential';
    }
    if (/\bread only\b/.test(tokens.join(' '))) return 'authorization';
    // `access` names a right (`user.access`) unless it names a kind of token (`JwtType.ACCESS`, `accessToken`), the
    // authentication that grants access (`isAccessAuthValid`) or its validity (`isDocumentAccessValid`).
    const aboutToken = tokens.some((word) => V.TOKEN_KINDS.has(word));
    const authorization = tokens.filter(
      (word, index) => V.AUTHORIZATION_WORDS.has(word) && !(word === 'access' && (aboutToken || ACCESS_AS_CREDENTIAL.has(tokens[index + 1] ?? ''))),
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
    const sink = newSink();
    this.collectSource(node, sink, 0, new Set(), false);
    return sink.names.flatMap(words);
  }

  /** What a value holds, judged from its expression and, through scope analysis, what it was read from. */
  classifySource(node: Node): SourceClass | null {
    if (this.isVerifiedPayload(node)) return 'verified';
    const sink = newSink();
    this.collectSource(node, sink, 0, new Set(), false);
    const { names, verifiedInputs } = sink;
    // `await users.findById(payload.sub)`: a record looked up by the verified credential's claims.
    if (verifiedInputs.length > 0 && isLookupResult(this.sourceCode, node)) return 'verified';
    const text = sink.texts.join('\n');
    const nameWords = names.flatMap(words);
    if (V.namesExemptFlow(nameWords)) return 'exempt';
    if (this.isOwnedRecordLookup(node)) return 'authorization';
    // A logged-in user confirming the current password (to change it, or before deleting the account) is not
    // authenticating the request: a 401 there would log the user out.
    if (V.PASSWORD_CHECK.test(text)) {
      if (this.isFormatCheck(node)) return 'validation';
      return V.REAUTHENTICATION.test(text) ? 'exempt' : 'password-check';
    }
    if (this.isLoginPairCheck(node)) return 'password-check';
    const account = this.loginAccountCheck(node);
    if (account) return V.REAUTHENTICATION.test(this.sourceCode.getText(account)) ? 'exempt' : 'login-account';
    if (V.looksUpByLoginName(text) && V.REQUEST_DATA.test(text)) return 'login-lookup';
    if (this.isRequestData(node)) return this.isUrlAccessToken(node) ? 'credential' : 'request-data';
    // `const invite = await Invites.findOne({ token: req.params.token })`: a one-time token of the URL or body.
    if (isLookupResult(this.sourceCode, node) && V.REQUEST_DATA.test(text) && nameWords.some((word) => V.CREDENTIAL_WORDS.has(word))) return 'exempt';
    if (V.VERIFIER_CALL.test(text)) return 'verified';
    // `if (!membership)`, `if (!isAdmin)`: the value's own name says it is a policy decision.
    const own = memberPath(node);
    if (own && words(own[own.length - 1]!).some((word) => V.AUTHORIZATION_WORDS.has(word)) && this.identifierCategory(node) === 'authorization') {
      return 'authorization';
    }
    if (V.CREDENTIAL_SOURCE.test(text)) return V.LOOKUP_CALL.test(this.sourceCode.getText(skipWrappers(node))) || isLookupResult(this.sourceCode, node) ? 'verified' : 'credential';
    if (V.IDENTITY_SOURCE.test(text)) {
      if (this.isMembershipLookup(node) || this.searchesListForCaller(node)) return 'authorization';
      return this.isActionOfIdentity(node) ? null : 'identity';
    }
    if (this.isOwnLoginState(node)) return 'identity';
    if (V.VALIDATION.test(text)) return 'validation';
    const category = this.identifierCategory(node);
    if (category === 'authorization') return 'authorization';
    // `const user = await validateUser(token)`: what a project function made of the credential.
    if (V.CREDENTIAL_SOURCE.test(sink.opaqueTexts.join('\n'))) return 'verified';
    // `const token = bearerOf(request)` where the file's `bearerOf` returns what the Authorization header holds.
    if (this.returnsCredential(node)) return 'credential';
    // `apiKey`, `api_key`: one credential written as two words.
    if (nameWords.some((word) => V.CREDENTIAL_WORDS.has(word) && word !== 'password' && word !== 'secret') || names.some((name) => /^api[-_]?key$/i.test(name))) return 'named-credential';
    return null;
  }

  private followedReturns = 0;

  /** Is the value what a function of this file returns, read from the request's credential (in one of its returns)? */
  private returnsCredential(node: Node): boolean {
    const value = skipWrappers(node);
    const call = value.type === T.Identifier ? producingCall(this.sourceCode, value) : null;
    if (call?.callee.type !== T.Identifier || this.followedReturns > 2) return false;
    const fn = declaredFunction(this.sourceCode, call.callee);
    if (!fn) return false;
    this.followedReturns++;
    try {
      return (returnedValues(this.sourceCode, fn) ?? []).some((returned) => this.classifySource(returned) === 'credential');
    } finally {
      this.followedReturns--;
    }
  }

  /**
   * The password check made against an account a login looked up: `bcrypt.compare(password, user.password)` or
   * `user.comparePassword(password)` for `user = await Users.findOne({ email })`. An account looked up by the
   * caller's own identity or token is no login (a confirmation of the current password is not either).
   */
  private loginAccountCheck(node: Node): Node | null {
    const value = skipWrappers(node);
    const lookups = value.type === T.Identifier ? lookupsAssignedTo(this.sourceCode, value) : null;
    if (value.type !== T.Identifier || !lookups) return null;
    const sink = newSink();
    for (const lookup of lookups) this.collectSource(lookup, sink, 0, new Set(), false);
    const lookup = [...sink.texts, ...sink.opaqueTexts].join('\n');
    if (V.IDENTITY_SOURCE.test(lookup) || V.CREDENTIAL_SOURCE.test(lookup) || V.VERIFIER_CALL.test(lookup)) return null;
    // `findByPrefix(apiKey.slice(0, 8))`: an API key's record, however it is checked, is no account.
    const lookedUpBy = sink.names.flatMap(words);
    if (lookedUpBy.some((word) => V.CREDENTIAL_WORDS.has(word) && word !== 'password')) return null;
    // `findUnique({ where: { id } })` before a password check: an account known by its id is the signed-in one's,
    // asked for its password again; a login finds the account by what the user types.
    if (lookedUpBy.includes('id') && !V.looksUpByLoginName(lookup)) return null;
    const variable = findVariable(this.sourceCode, value);
    for (const reference of variable?.references ?? []) {
      const check = storedPasswordCheck(reference.identifier);
      if (check && PASSWORD_WORDS.test(this.sourceCode.getText(check))) return check;
    }
    return null;
  }

  /**
   * `visitor.loggedIn` where `visitor = getVisitor(req)`: the request's own login state, whatever helper read it;
   * `friend.loggedIn` of a record looked up is somebody else's.
   */
  private isOwnLoginState(node: Node): boolean {
    const value = skipWrappers(node);
    if (value.type !== T.MemberExpression || !LOGIN_STATE_FLAG.test(propertyName(value) ?? '')) return false;
    const holder = skipWrappers(value.object);
    return !isLookupResult(this.sourceCode, holder) && this.classifySource(holder) !== 'request-data';
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
   * `validPassword(password)` where the file's own `validPassword` only measures the text (`password.length >= 6`): a
   * sign-up's format rule, not a check against a stored password.
   */
  private isFormatCheck(node: Node): boolean {
    const value = skipWrappers(node);
    const init = value.type === T.Identifier ? initialValueOf(this.sourceCode, value) : value;
    const call = init && skipWrappers(init);
    if (call?.type !== T.CallExpression) return false;
    // `checkPassword({ password, minLen: 8, containsNum: true })`: handed the rules a password must follow.
    if (call.arguments.some((argument) => hasStrengthRules(argument))) return true;
    const callee = skipWrappers(call.callee);
    const fn = callee.type === T.Identifier ? declaredFunction(this.sourceCode, callee) : null;
    if (!fn?.body) return false;
    return !STORED_SECRET_USE.test(this.sourceCode.getText(fn.body));
  }

  /**
   * `const post = await posts.find({ id, user: ctx.state.user.id })`: a record of the request looked up among the
   * signed-in caller's own. Not finding it means it is not theirs (or does not exist): a permission's answer. The
   * caller's own account looked up by their id is not such a record.
   */
  isOwnedRecordLookup(node: Node): boolean {
    let value = skipWrappers(node);
    // `!posts.length`: none of the caller's own matched.
    if (value.type === T.MemberExpression && propertyName(value) === 'length') value = skipWrappers(value.object);
    if (value.type !== T.Identifier || words(value.name).some((word) => OWN_ACCOUNT_WORDS.has(word))) return false;
    const produced = producingCall(this.sourceCode, value);
    if (!produced) return false;
    // `getProjectForMember(projectId)`: named for finding it among what the caller is a member or owner of.
    if (/(?:For|Of)(?:Member|Owner|Manager)s?$/.test(calleeName(produced) ?? '')) return true;
    if (!isLookupResult(this.sourceCode, value)) return false;
    const call = lookupInChain(produced) ?? produced;
    const fields = call.arguments.flatMap((argument) => queryFields(skipWrappers(argument), 0));
    const owner = fields.filter((field) => field.key !== 'id' && (this.readsCallerIdentity(field.value) || isCallerIdForOwner(field)));
    return owner.length > 0 && fields.length > owner.length;
  }

  /**
   * `ok = await viewer.acceptRequest(id)` of the signed-in `viewer`: what an action of the caller returned (whether
   * it did anything), not the caller. Reading methods (`user.get('id')`, `session.reload()`) still give the caller.
   */
  private isActionOfIdentity(node: Node): boolean {
    const value = skipWrappers(node);
    if (value.type !== T.Identifier && value.type !== T.AwaitExpression) return false;
    const call = producingCall(this.sourceCode, value);
    const callee = call && skipWrappers(call.callee);
    if (callee?.type !== T.MemberExpression) return false;
    const method = propertyName(callee);
    if (method === null || READING_METHOD.test(method)) return false;
    const holder = skipWrappers(callee.object as Node);
    return V.IDENTITY_SOURCE.test(this.sourceCode.getText(holder)) || this.classifySource(holder) === 'identity';
  }

  /** `req.user.id`, or `userId` where `const userId = req.user.id`: the caller's identity, under a name of its own or not. */
  private readsCallerIdentity(value: Node): boolean {
    if (V.IDENTITY_SOURCE.test(this.sourceCode.getText(value))) return true;
    const init = value.type === T.Identifier ? initialValueOf(this.sourceCode, value) : null;
    return init !== null && init.type === T.MemberExpression && V.IDENTITY_SOURCE.test(this.sourceCode.getText(init));
  }

  /** `const admin = requireAdmin(request)`: what the function the value came from refuses with null, when it is a gate. */
  gateOf(node: Node): (Gate & { via: string }) | null {
    const value = skipWrappers(node);
    const call = value.type === T.Identifier ? producingCall(this.sourceCode, value) : null;
    if (!call) return null;
    const callee = skipWrappers(call.callee);
    const via = this.sourceCode.getText(callee);
    const imported = meaningOf(this.sourceCode, callee);
    if (imported) return imported.meaning.kind === 'gate' ? { ...imported.meaning.gate, via } : null;
    const fn = callee.type === T.Identifier ? declaredFunction(this.sourceCode, callee) : null;
    const gate = fn && gateOf(this.sourceCode, fn);
    return gate ? { ...gate, via } : null;
  }

  /**
   * `await hasUser(req.body.username, req.body.pw)`: a check handed the account name and the password the request
   * brings; what it answers is the login's verdict. A call that creates or changes an account (a sign-up) is not one.
   */
  private isLoginPairCheck(node: Node): boolean {
    const value = skipWrappers(node);
    const init = value.type === T.Identifier ? initialValueOf(this.sourceCode, value) : value;
    const call = init && skipWrappers(init);
    if (call?.type !== T.CallExpression || !LOGIN_CHECK_CALL.test(calleeName(call) ?? '')) return false;
    const fieldOf = (argument: Node) => {
      const path = memberPath(argument);
      return path && this.isRequestData(argument) ? path[path.length - 1]!.toLowerCase() : null;
    };
    const fields = call.arguments.flatMap((argument) => (argument.type === T.SpreadElement ? [] : [fieldOf(argument)]));
    return fields.some((field) => field !== null && ACCOUNT_FIELDS.has(field)) && fields.some((field) => field !== null && V.PASSWORD_FIELDS.has(field));
  }

  /**
   * `req.params.access_token`, `req.query.api_key`: the credential sent in the URL (RFC 6750 §2.3), read where the
   * header is missing. In a body, an access token is as often a form field (a social login's provider token).
   */
  private isUrlAccessToken(node: Node): boolean {
    const path = memberPath(skipWrappers(node));
    if (!path || path.length < 3 || !URL_ACCESS_TOKEN.test(path[path.length - 1]!)) return false;
    return /^(params|query)$/.test(path[path.length - 2]!);
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
    // `body.reportId` where `const body = await json(req)`: a field of the parsed body.
    if (value.type === T.MemberExpression && !value.computed && skipWrappers(value.object).type === T.Identifier) return this.isRequestData(value.object);
    if (value.type !== T.Identifier) return false;
    const binding = bindingOf(this.sourceCode, value);
    if (binding?.kind === 'param') {
      // `@Body() body`, `@requestBody() credentials`, `@Param('token') token`
      return parameterDecorators(binding.init).some((decorator) => REQUEST_DATA_DECORATOR.test(this.sourceCode.getText(decorator)));
    }
    if (!binding || binding.kind === 'import') return false;
    // `const password = body.password`: a field of what was read from the request.
    if (binding.key === undefined && skipWrappers(binding.init).type === T.MemberExpression && this.isRequestData(binding.init)) return true;
    const init = this.sourceCode.getText(skipWrappers(binding.init));
    return V.REQUEST_DATA.test(binding.key === undefined ? init : `${init}.${binding.key}`) && !V.LOOKUP_CALL.test(init);
  }

  /**
   * Gathers the texts and names a value is computed from, following the variables it reads. A project function's
   * result is not its arguments (`checkFeeds(data.feeds)` is no identity because `data` holds the user's id), so
   * what flows in through such a call lands in `opaqueTexts`; lookups, verifiers and string handling pass their
   * inputs through.
   */
  private collectSource(node: Node, sink: SourceSink, depth: number, seen: Set<Node>, opaque: boolean): void {
    const value = skipWrappers(node);
    if (seen.has(value) || depth > MAX_SOURCE_DEPTH) return;
    seen.add(value);
    // `data.name` where `const data = { user: req.user.id, name: req.body.name }`: only `req.body.name` is its source.
    const field = this.objectFieldOf(value);
    if (field) {
      sink.names.push(propertyName(value as TSESTree.MemberExpression)!);
      this.collectSource(field, sink, depth + 1, seen, opaque);
      return;
    }
    const { identifiers, opaqueArguments, methods } = this.sourceIdentifiers(value);
    (opaque ? sink.opaqueTexts : sink.texts).push(this.textWithout(value, [...opaqueArguments, ...methods]));
    for (const argument of opaqueArguments) sink.opaqueTexts.push(this.sourceCode.getText(argument));
    for (const { identifier, throughCall } of identifiers) {
      const member = identifier.parent;
      if (member?.type === T.MemberExpression && member.object === identifier && this.objectFieldOf(member)) {
        this.collectSource(member, sink, depth + 1, seen, opaque || throughCall);
        continue;
      }
      sink.names.push(identifier.name);
      const binding = bindingOf(this.sourceCode, identifier);
      if (!binding) {
        // `let token; if (match) token = match[1];`: every value the variable is given.
        for (const written of valuesWrittenTo(this.sourceCode, identifier, MAX_WRITTEN_VALUES)) this.collectSource(written, sink, depth + 1, seen, opaque || throughCall);
        continue;
      }
      if (binding.kind === 'import') continue;
      const into = opaque || throughCall ? sink.opaqueTexts : sink.texts;
      if (binding.kind === 'param') {
        // `User.findOne(…).then((user) => …)`: the parameter holds what the promise resolves to.
        const resolved = initialValueOf(this.sourceCode, identifier);
        if (resolved) {
          this.collectSource(resolved, sink, depth + 1, seen, opaque || throughCall);
          continue;
        }
        if (!opaque && !throughCall && this.isVerifiedPayload(identifier)) sink.verifiedInputs.push(identifier);
        // `@Headers('authorization') authorization`, `@Body() body`: the decorator says what the parameter holds.
        into.push(...parameterDecorators(binding.init).map((decorator) => this.sourceCode.getText(decorator)));
        // `({ cookie: { session } }) => …`: the parameter's place in the destructured context says what it holds.
        const place = destructuredPath(binding.init);
        // `({ params: { user } })` of a route handler is the URL's; Feathers' hook `params.user` is the caller.
        if (place.length > 1) into.push(isRouteContext(binding.declaration, binding.init) ? `request.${place.join('.')}` : place.join('.'));
        // `(parent, args, { user })`: a GraphQL resolver's third parameter is its context.
        else if (place.length === 1 && isResolverContext(binding.declaration, binding.init)) into.push(`context.${place[0]}`);
        // `({ user, body, set })` of a route handler: the user an auth plugin derived (other parts keep their own reading).
        else if (place.length === 1 && isRouteContext(binding.declaration, binding.init) && V.IDENTITY_SOURCE.test(`context.${place[0]}`)) into.push(`context.${place[0]}`);
        // `loginDto: LoginDto`: a request payload by its declared type.
        const type = parameterTypeName(binding.init);
        if (type) into.push(type);
        continue;
      }
      if (binding.key !== undefined) {
        into.push(`${this.sourceCode.getText(binding.init)}.${binding.key}`);
        sink.names.push(binding.key);
      }
      this.collectSource(binding.init, sink, depth + 1, seen, opaque || throughCall);
    }
  }

  /**
   * The identifiers an expression reads, each marked when it only reaches the value as a project call's argument,
   * and those arguments.
   */
  private sourceIdentifiers(node: Node): { identifiers: { identifier: TSESTree.Identifier; throughCall: boolean }[]; opaqueArguments: Node[]; methods: Node[] } {
    const identifiers: { identifier: TSESTree.Identifier; throughCall: boolean }[] = [];
    const opaqueArguments: Node[] = [];
    // `{ 'POST /': async (req, res) => { … } }`: a table of handlers holds code, and what the code reads is not its value.
    const methods: Node[] = [];
    walk(node, (child, parent) => {
      if (isFunction(child) && parent?.type === T.Property && parent.value === child) methods.push(child);
      if (methods.some((method) => contains(method, child))) return;
      if ((child.type === T.CallExpression || child.type === T.NewExpression) && !this.passesInputsThrough(child)) {
        for (const argument of child.arguments) if (!opaqueArguments.some((outer) => contains(outer, argument))) opaqueArguments.push(argument);
      }
      if (child.type !== T.Identifier) return;
      if (parent?.type === T.MemberExpression && parent.property === child && !parent.computed) return;
      if (parent?.type === T.Property && parent.key === child && !parent.computed && parent.value !== child) return;
      identifiers.push({ identifier: child, throughCall: opaqueArguments.some((argument) => contains(argument, child)) });
    });
    return { identifiers, opaqueArguments, methods };
  }

  /** The expression's text with the given parts left out: `getSpaceFor(…)` for `getSpaceFor(ctx.user.id)`. */
  private textWithout(node: Node, parts: readonly Node[]): string {
    let text = this.sourceCode.getText(node);
    const start = node.range[0];
    for (const part of [...parts].sort((a, b) => b.range[0] - a.range[0])) {
      text = `${text.slice(0, part.range[0] - start)}…${text.slice(part.range[1] - start)}`;
    }
    return text;
  }

  /** Calls whose result is made of their inputs: lookups, verifiers, and reading or reshaping a string. */
  private passesInputsThrough(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const name = calleeName(call) ?? '';
    // `getIdFromUser(user)`, `getTokenOf(req)`: named for reading a part of what it is given.
    if (TRANSPARENT_CALLS.has(name) || /^(get|read|extract|pick)\w*(From|Of)[A-Z]\w*$/.test(name)) return true;
    const callee = this.sourceCode.getText(call.callee);
    const whole = this.sourceCode.getText(call);
    // The last two: named for reading the credential or the identity out of the request (`getTokenFromRequest(req)`).
    return V.LOOKUP_CALL.test(`${callee}(`) || V.VERIFIER_CALL.test(whole) || V.PASSWORD_CHECK.test(whole) || V.CREDENTIAL_SOURCE.test(whole) || V.IDENTITY_SOURCE.test(callee);
  }
}

/** Methods that read an account or a session rather than act for it: their result is (part of) the same caller. */
const READING_METHOD = /^(get|find|fetch|load|read|lookup|reload|refresh|populate|current|select|pick|serialize|lean|exec|then|catch|finally|clone|valueOf|to[A-Z]|check|verify|validate|authenticate|includes$|has$|some$|every$|indexOf$|contains$|is[A-Z]|has[A-Z]|can[A-Z])/;

/** A flag that says whether the caller is logged in. */
const LOGIN_STATE_FLAG = /^(loggedIn|isLoggedIn|signedIn|isSignedIn)$/;

/** A password check names a password somewhere: its callee (`bcrypt.compare`) or what it compares. */
const PASSWORD_WORDS = /pass(word|wd)?|pwd|bcrypt|argon|scrypt|pbkdf/i;

const TYPE_WRAPPERS: ReadonlySet<string> = new Set([T.TSAsExpression, T.TSNonNullExpression, T.TSTypeAssertion, T.TSSatisfiesExpression]);

/** Fields an account keeps its password (hash) in. */
const STORED_PASSWORD_FIELD = /^(password|passwordHash|hashedPassword|passwordDigest|encryptedPassword|pass|passwd|pwd|hash)$/i;

/**
 * The call that checks a password against the account `account` names: one given a stored password field of it
 * (`bcrypt.compare(password, user.password)`, `verify(user.secrets.password, password)`), or a password method
 * of it (`user.comparePassword(password)`).
 */
function storedPasswordCheck(account: Node): TSESTree.CallExpression | null {
  let member: Node = account;
  // `(user as Account).password`: a type assertion around the account is still the account.
  while (member.parent && TYPE_WRAPPERS.has(member.parent.type) && (member.parent as { expression?: Node }).expression === member) member = member.parent;
  const holder = member;
  while (member.parent?.type === T.MemberExpression && member.parent.object === member && !member.parent.computed) member = member.parent;
  if (member === holder) return null;
  const parent = member.parent;
  if (parent?.type === T.CallExpression && parent.callee === member) {
    const method = propertyName(member as TSESTree.MemberExpression) ?? '';
    return /password/i.test(method) ? parent : null;
  }
  const field = propertyName(member as TSESTree.MemberExpression) ?? '';
  if (parent?.type === T.CallExpression && parent.arguments.includes(member as never) && STORED_PASSWORD_FIELD.test(field)) return parent;
  return null;
}

interface SourceSink {
  texts: string[];
  /** Texts that reach the value only as arguments of a project function. */
  opaqueTexts: string[];
  names: string[];
  verifiedInputs: Node[];
}

function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

function newSink(): SourceSink {
  return { texts: [], opaqueTexts: [], names: [], verifiedInputs: [] };
}

const URL_ACCESS_TOKEN = /^(access[_-]?token|api[_-]?key|auth[_-]?token)$/i;
const LIST_SEARCH = /^(includes|has)$/;
const REVOCATION_WORDS: ReadonlySet<string> = new Set(['revoked', 'blacklist', 'blacklisted', 'blocklist', 'blocklisted', 'denylist', 'invalidated', 'expired', 'logged', 'logout']);

/** Claims that state a right, whatever holds them. */
const RIGHTS_CLAIMS: ReadonlySet<string> = new Set(['role', 'roles', 'scope', 'scopes', 'permission', 'permissions', 'perms', 'privileges', 'groups', 'entitlements']);

/** Calls that hand back (part of) what they were given: string and collection access, decoding, property paths. */
const TRANSPARENT_CALLS: ReadonlySet<string> = new Set([
  'split', 'slice', 'substring', 'substr', 'replace', 'replaceAll', 'trim', 'trimStart', 'trimEnd', 'toString', 'toLowerCase',
  'toUpperCase', 'at', 'get', 'getAll', 'header', 'getHeader', 'pop', 'shift', 'join', 'parse', 'from', 'match', 'exec', 'String',
  'atob', 'decodeURIComponent', 'decodeURI', 'getProperty', 'unescape', 'Boolean', 'Number', 'parseInt',
  // Schema validation hands back the data it checked.
  'safeParse', 'safeParseAsync', 'parseAsync', 'validate', 'validateAsync', 'validateSync', 'cast',
]);

/** `LoginDto` of `loginDto: LoginDto`: the declared type of a parameter, when it is a plain type name. */
function parameterTypeName(parameter: Node): string | null {
  const annotation = (parameter as { typeAnnotation?: TSESTree.TSTypeAnnotation }).typeAnnotation?.typeAnnotation;
  return annotation?.type === T.TSTypeReference && annotation.typeName.type === T.Identifier ? annotation.typeName.name : null;
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

/**
 * `.patch('/:id', ({ body, user, set }) => …)`: an Elysia-style route handler takes one context object, whose other
 * parts (`user` here) are what the app's plugins derived for the request.
 */
function isRouteContext(fn: Node, identifier: Node): boolean {
  if (!isFunction(fn) || fn.params.length !== 1 || fn.params[0]!.type !== T.ObjectPattern || !isAncestor(fn.params[0]!, identifier)) return false;
  const call = fn.parent;
  if (call?.type !== T.CallExpression || !call.arguments.includes(fn as never) || call.callee.type !== T.MemberExpression) return false;
  if (!ROUTE_METHOD.test(propertyName(call.callee) ?? '')) return false;
  const keys = fn.params[0]!.properties.map((property) => (property.type === T.Property ? keyName(property) : null));
  return keys.some((key) => key !== null && CONTEXT_PARTS.has(key));
}

const ROUTE_METHOD = /^(get|post|put|patch|delete|all|head|options|ws|derive|resolve|onBeforeHandle|beforeHandle|guard)$/;
const CONTEXT_PARTS: ReadonlySet<string> = new Set(['body', 'set', 'params', 'query', 'headers', 'cookie', 'request', 'store', 'status', 'error', 'redirect', 'path']);

/** The property path an identifier is bound at inside a destructuring parameter: `cookie.session`. */
export function destructuredPath(identifier: Node): string[] {
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

/** Options of a password-strength check: a minimum length, the kinds of characters it must contain. */
const STRENGTH_RULE = /^(?:min|max)(?:imum)?(?:Len|Length)?$|^(?:contains|require|must(?:Have|Contain)?)(?:Num|Number|Numbers|Digit|Digits|Upper|Uppercase|Lower|Lowercase|Alphabet|Letter|Letters|Special|SpecialChar|Symbol|Symbols)\w*$/i;

function hasStrengthRules(argument: Node): boolean {
  const value = skipWrappers(argument);
  if (value.type !== T.ObjectExpression) return false;
  return value.properties.some((property) => property.type === T.Property && STRENGTH_RULE.test(keyName(property) ?? ''));
}

/** Names of the caller's own account or session, which a lookup by the caller's id finds (or not) for other reasons. */
const OWN_ACCOUNT_WORDS: ReadonlySet<string> = new Set(['user', 'users', 'account', 'accounts', 'member', 'profile', 'me', 'session', 'identity', 'owner', 'person']);

/** The fields of a query object, `where` clauses included: `{ id, user: ctx.state.user.id }`. */
function queryFields(query: Node, depth: number): { key: string; value: Node }[] {
  if (query.type !== T.ObjectExpression || depth > 2) return [];
  return query.properties.flatMap((property) => {
    if (property.type !== T.Property) return [];
    const key = keyName(property) ?? '';
    const value = skipWrappers(property.value as Node);
    return key === 'where' ? queryFields(value, depth + 1) : [{ key, value }];
  });
}

/** `manager_id: ctx.currentRequestData.userInfo.id`: an owner's field given the signed-in caller's id (not the request's data). */
const OWNER_FIELD = /^(?:owner|manager|author|creator|user|created_?by)(?:_?id)?$/i;
const CALLER_WORDS: ReadonlySet<string> = new Set(['user', 'userinfo', 'currentuser', 'account', 'viewer', 'me']);
const REQUEST_DATA_WORDS: ReadonlySet<string> = new Set(['body', 'params', 'query', 'payload', 'input', 'args', 'data']);

function isCallerIdForOwner(field: { key: string; value: Node }): boolean {
  if (!OWNER_FIELD.test(field.key)) return false;
  const path = memberPath(field.value);
  if (!path || path.length < 3 || !/^(?:id|userId|user_id)$/.test(path[path.length - 1]!)) return false;
  const lower = path.map((part) => part.toLowerCase());
  return lower.slice(0, -1).some((part) => CALLER_WORDS.has(part)) && !lower.some((part) => REQUEST_DATA_WORDS.has(part));
}
