import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, calleeName, chainRoot, enclosingFunction, findVariable, initialValueOf, isFunction, producingCall, keyName, memberPath, propertyName, pushChildren, returnedExpression, skipWrappers, staticString, valueAssignedBefore, valuesWrittenTo, words, type Node, type SourceCode } from '../ast';
import type { Evidence, EvidenceCategory } from '../reason';
import * as V from '../vocabulary';
import { idValue, isLookupResult, isNow, isNullish, isOwnership, isSchemePattern, messageConstantWords, referencedIdentifiers, stringsIn } from './expressions';
import { classifyMessage, tokenEndpointErrorBody } from './messages';
import { functionName, nameNode } from './names';
import { destructuredPath, SourceClassifier } from './sources';
import type { Gate } from '../project-index/gates';

const MAX_CATCH_NODES = 400;
const CREDENTIAL_FAILURES: ReadonlySet<EvidenceCategory> = new Set(['missing', 'expired', 'invalid', 'login']);
/** Details of an account, not of the credential that names it. */
const PROFILE_FIELDS: ReadonlySet<string> = new Set(['email', 'emailAddress', 'phone', 'phoneNumber', 'name', 'firstName', 'lastName', 'displayName', 'avatar']);
const MAX_CONDITION_DEPTH = 3;

/**
 * The checks a response depends on, read as evidence: the guarding conditions, catch clauses and verifier
 * callbacks around it, the statements that fall through to it, its messages and the names around it. Where the
 * checked values come from is the SourceClassifier's job; weighing the evidence is the decision's.
 */
export class EvidenceFinder {
  private readonly sources: SourceClassifier;
  private conditionDepth = 0;

  constructor(private readonly sourceCode: SourceCode) {
    this.sources = new SourceClassifier(sourceCode);
  }

  private quote(node: Node): string {
    const text = this.sourceCode.getText(node).replace(/\s+/g, ' ');
    return `\`${text.length > 48 ? `${text.slice(0, 45)}…` : text}\``;
  }

  private evidence(category: EvidenceCategory, strength: 1 | 2, node: Node): Evidence {
    return { category, strength, node, quote: this.quote(node) };
  }

  /** Quotes the whole check (`!token`, `token == null`) rather than only its operand. */
  private anchor(found: Evidence[], operand: Node, whole: Node): Evidence[] {
    const inner = skipWrappers(operand);
    return found.map((e) => (e.node === inner || e.node === operand ? { ...e, node: whole, quote: this.quote(whole) } : e));
  }

  // ---- guards ---------------------------------------------------------------------------------------------

  /**
   * Evidence of the innermost enclosing guard that gives any. Until a condition has been crossed, the statements
   * before the site count too: `if (req.session.userId) return next(); return res.status(403)…` answers the
   * session's absence.
   */
  decidingGuard(site: Node): Evidence[] {
    let child: Node = site;
    let conditional = false;
    for (let node = site.parent; node; child = node, node = node.parent) {
      const found = this.guardEvidence(node, child);
      if (found.length > 0) return found;
      // `if (!workspace) return …403` inside `if (!bearerToken) { … }`: the record that was not found is this
      // response's own reason; the enclosing credential branch no longer explains it.
      if (node.type === T.IfStatement && child === node.consequent && this.testsLookedUpRecord(node.test)) return [];
      // `if (request.cookies) … else throw …`: whether the cookie parser ran is the server's set-up; the checks
      // around it (the header's) do not explain this response. Not so for the last link of a chain of the ways a
      // credential may come (`if (bearer) … else if (req.cookies) … else`): there none of them came.
      const chained = node.parent?.type === T.IfStatement && node.parent.alternate === node;
      if (node.type === T.IfStatement && !chained && testsCookieContainer(node.test)) return [];
      if (isConditionalPart(node, child)) conditional = true;
      else if (!conditional && (node.type === T.BlockStatement || node.type === T.Program)) {
        const fallThrough = this.fallThroughEvidence(node.body as Node[], child);
        if (fallThrough.length > 0) return fallThrough;
      }
    }
    return [];
  }

  /**
   * The nearest earlier `if (test) return/throw …` without `else`: the statement runs only where `test` is false. An
   * earlier `if … else if … else` whose every branch ends in such an exit (`if (count) return;`) counts the same way:
   * the statement runs where the check of whichever branch ran failed.
   */
  private fallThroughEvidence(body: readonly Node[], statement: Node): Evidence[] {
    const index = body.indexOf(statement);
    for (let previous = index - 1; previous >= 0; previous--) {
      const candidate = body[previous]!;
      if (candidate.type !== T.IfStatement) continue;
      // No line number in the text: the language server's incremental check lints statements out of place.
      const failed = (found: Evidence[]) => found.map((evidence) => ({ ...evidence, quote: `${evidence.quote} failed an earlier check` }));
      if (candidate.alternate) {
        const chain = this.branchExitsEvidence(candidate);
        if (chain.length > 0) return failed(chain);
        continue;
      }
      if (!alwaysExits(candidate.consequent)) continue;
      return failed(this.condition(candidate.test, false));
    }
    return [];
  }

  /** Evidence of the exits that end every branch of an `if … else if …` chain, or nothing when one branch lacks any. */
  private branchExitsEvidence(chain: TSESTree.IfStatement): Evidence[] {
    const branches: Node[] = [];
    let current: Node | null = chain;
    while (current?.type === T.IfStatement) {
      branches.push(current.consequent);
      current = current.alternate ?? null;
    }
    if (current) branches.push(current);
    const found: Evidence[] = [];
    for (const branch of branches) {
      const statements = branch.type === T.BlockStatement ? branch.body : [branch];
      const last = statements[statements.length - 1];
      if (last?.type !== T.IfStatement || last.alternate || !alwaysExits(last.consequent)) return [];
      const evidence = this.condition(last.test, false);
      if (evidence.length === 0) return [];
      found.push(...evidence.map((item) => ({ ...item, alternative: true as const })));
    }
    return found;
  }

  private guardEvidence(node: Node, child: Node): Evidence[] {
    switch (node.type) {
      case T.IfStatement:
      case T.ConditionalExpression:
        if (child === node.consequent) return this.condition(node.test, true);
        if (child === node.alternate) return this.condition(node.test, false);
        return [];
      case T.LogicalExpression:
        if (child !== node.right) return [];
        return this.condition(node.left, node.operator === '&&');
      case T.SwitchCase: {
        const switchStatement = node.parent as TSESTree.SwitchStatement;
        if (!node.test || !node.consequent.includes(child as TSESTree.Statement)) return [];
        return this.equality(switchStatement.discriminant, node.test, true, node.test);
      }
      case T.CatchClause:
        return child === node.body ? this.catchEvidence(node) : [];
      case T.ArrowFunctionExpression:
      case T.FunctionExpression:
        return this.promiseCatchEvidence(node);
      default:
        return [];
    }
  }

  /** Evidence from a condition that is known to be `holds` (true/false) where the response is sent. */
  condition(test: Node, holds: boolean): Evidence[] {
    const node = skipWrappers(test);
    switch (node.type) {
      case T.UnaryExpression:
        return node.operator === '!' ? this.anchor(this.condition(node.argument, !holds), node.argument, node) : [];
      case T.LogicalExpression:
        return this.logical(node, holds);
      case T.BinaryExpression:
        return this.binary(node, holds);
      case T.CallExpression: {
        // `rating.author.equals(req.user._id)`: an ObjectId (or any value object) compared by its method.
        const compared = equalsCall(node);
        return compared ? this.equality(compared[0], compared[1], holds, node) : this.truthiness(node, holds);
      }
      case T.Identifier:
      case T.MemberExpression:
        return this.truthiness(node, holds);
      default:
        return [];
    }
  }

  /**
   * Each side may be the reason. Where either side alone sends the response (`!session || role !== 'admin'`
   * holding), the sides are alternatives; where both must hold (`!username && !settings.allowAnonymous`), a
   * missing credential means nobody is known, so a flag beside it is a setting, not that nobody's right.
   */
  private logical(node: TSESTree.LogicalExpression, holds: boolean): Evidence[] {
    const left = this.condition(node.left, holds);
    const right = this.condition(node.right, holds);
    const sides = [...left, ...right];
    if (node.operator === '??') return sides;
    if ((node.operator === '||') === holds) return sides.map((e) => ({ ...e, alternative: true }));
    // `!validPassword && !req.body.sub`: the credential failed and no other way in was offered; the response answers
    // the failure, not the absence of the alternative.
    const failed = (evidence: Evidence[]) => evidence.some((e) => CREDENTIAL_FAILURES.has(e.category) && e.strength === 2 && !e.nameOnly);
    const onlyExempt = (evidence: Evidence[]) => evidence.length > 0 && evidence.every((e) => e.category === 'exempt');
    if ((failed(left) && onlyExempt(right)) || (failed(right) && onlyExempt(left))) return sides.filter((e) => e.category !== 'exempt');
    const nobodyKnown = sides.some((e) => e.category === 'missing' && e.strength === 2 && !e.nameOnly);
    // `!authorization && (!origin || …)`: a cross-site check of requests that carry no token still decides alone.
    return nobodyKnown ? sides.filter((e) => e.category !== 'authorization' || this.isOriginCheck(e.node)) : sides;
  }

  private binary(node: TSESTree.BinaryExpression, holds: boolean): Evidence[] {
    const { operator } = node;
    if (operator === 'instanceof') return holds ? this.errorName(node.right, node) : [];
    if (operator === '===' || operator === '==' || operator === '!==' || operator === '!=') {
      const equal = (operator === '===' || operator === '==') === holds;
      return this.equality(node.left as Node, node.right, equal, node);
    }
    if (operator === '<' || operator === '<=' || operator === '>' || operator === '>=') {
      return this.expiry(node, holds);
    }
    return [];
  }

  /**
   * `matches === null` where `matches = await bcrypt.compare(…).catch(() => null)`: null stands for the call
   * failing (a server error), not for the check saying no.
   */
  private nullMarksError(value: Node): boolean {
    const call = value.type === T.Identifier ? producingCall(this.sourceCode, value) : null;
    if (call?.callee.type !== T.MemberExpression || propertyName(call.callee) !== 'catch') return false;
    const handler = call.arguments[0];
    const returned = handler && isFunction(handler) ? returnedExpression(handler) : null;
    return returned !== null && isNullish(returned);
  }

  /** `left == right` is known to be `equal`. */
  private equality(leftNode: Node, rightNode: Node, equal: boolean, whole: Node): Evidence[] {
    const left = skipWrappers(leftNode);
    const right = skipWrappers(rightNode);
    const nullable = isNullish(right) ? left : isNullish(left) ? right : null;
    if (nullable && equal && this.nullMarksError(nullable)) return [];
    if (isNullish(right)) return this.anchor(this.truthiness(left, !equal), left, whole);
    if (isNullish(left)) return this.anchor(this.truthiness(right, !equal), right, whole);
    // `req.headers.origin !== allowedOrigin`: where the request comes from is a policy, never the credential.
    if (!equal && (readsOriginHeader(left) || readsOriginHeader(right))) return [this.evidence('authorization', 2, whole)];
    // typeof token !== 'string' / === 'undefined'
    if (left.type === T.UnaryExpression && left.operator === 'typeof') {
      const type = staticString(right);
      if (type === 'undefined') return this.truthiness(left.argument, !equal);
      if (type === 'string' && !equal) return this.truthiness(left.argument, false);
      return [];
    }
    const constant = staticString(right) !== null ? right : staticString(left) !== null ? left : null;
    const other = constant === right ? left : right;
    // `parts.length !== 2` where `parts = authorization.split(' ')`: the header is not `scheme credentials`.
    if (constant && !equal && this.isCredentialPartCount(other)) return [this.evidence('invalid', 2, whole)];
    // `match.length === 0` where `match = maintainers.filter((m) => m.name === req.session.name)`: the caller is not among them.
    if (equal && this.isEmptyMembership(leftNode, rightNode)) return [this.evidence('authorization', 2, whole)];
    if (constant) {
      const value = staticString(constant)!;
      if (V.AUTH_SCHEMES.test(value)) {
        // scheme !== 'Bearer': a malformed or unsupported Authorization header.
        return !equal && this.sources.isCredentialish(other) ? [this.evidence('invalid', 2, whole)] : [];
      }
      if (equal) {
        const named = this.errorConstant(value, whole);
        if (named.length > 0) return named;
        const verdict = this.verdict(value, other, whole);
        if (verdict.length > 0) return verdict;
      }
      // `(await redis.exists(token)) === 1`: the credential looked up in a store (a deny list or an allow list); either
      // way the answer is the credential's verdict.
      if (/^(\d+|true|false)$/.test(value) && other.type !== T.Identifier && producingCall(this.sourceCode, other) && this.sources.classifySource(other) === 'verified') {
        return [this.evidence('invalid', 2, whole)];
      }
      // user.status !== 'active': the account's state, so the identity is known and policy refuses it.
      if (V.ACCOUNT_STATE.test(value) && this.sources.isAccountState(other)) return [this.evidence('authorization', 2, whole)];
      const category = this.sources.identifierCategory(other);
      if (category === 'authorization') return [this.evidence('authorization', 2, whole)];
      if (category === 'exempt') return [this.evidence('exempt', 2, whole)];
      return [];
    }
    // Two dynamic sides: ownership (`post.authorId !== user.id`), role equality, or a credential comparison.
    // `tokenTeamId !== pathTeamId`: the token's own data names a team, but comparing it checks the token's binding.
    const aboutTokenData = this.isTokenData(left) || this.isTokenData(right);
    const categoryOf = (side: Node) => {
      const category = this.sources.identifierCategory(side);
      return aboutTokenData && category === 'authorization' ? null : category;
    };
    const leftCategory = categoryOf(left);
    const rightCategory = categoryOf(right);
    if (leftCategory === 'exempt' || rightCategory === 'exempt') return [this.evidence('exempt', 2, whole)];
    // `password !== process.env.ADMIN_PASSWORD` with the password from the request body: a login's check. Two fields of
    // the request compared (`password !== passwordConfirmation`) are a form's validation.
    const leftRequest = this.sources.classifySource(left) === 'request-data';
    const rightRequest = this.sources.classifySource(right) === 'request-data';
    if (!equal && leftRequest !== rightRequest && isLoginField(leftRequest ? left : right)) return [this.evidence('login', 2, whole)];
    // `stored === url.searchParams.get('token')`: a one-time token from the URL or body, not the request's credential.
    const fromRequestData = leftRequest || rightRequest;
    if (fromRequestData && (leftCategory === 'credential' || rightCategory === 'credential')) return [this.evidence('exempt', 2, whole)];
    // A claim of the verified credential that does not match (`payload.type !== JwtType.ACCESS`,
    // `session.userId !== payload.sub`): the credential is not valid here, whoever holds it.
    const aboutVerifiedPayload = this.sources.isVerifiedPayload(left) || this.sources.isVerifiedPayload(right);
    if (aboutVerifiedPayload && leftCategory !== 'authorization' && rightCategory !== 'authorization') {
      return equal ? [] : [this.evidence('invalid', 2, whole)];
    }
    // `basic.password !== expected.pass` where `basic = req.authorization.basic`: the presented credentials are wrong.
    if (!equal && (this.isPresentedLogin(left) || this.isPresentedLogin(right))) return [this.evidence('invalid', 2, whole)];
    if (leftCategory === 'authorization' || rightCategory === 'authorization' || isOwnership(idValue(left), idValue(right)) || this.comparesCallerId(left, right)) {
      return [this.evidence('authorization', 2, whole)];
    }
    // A credential compared with its expected value (`apiKey !== process.env.API_KEY`), not records derived from one.
    if (!equal && (leftCategory === 'credential' || rightCategory === 'credential') && (this.sources.isCredentialish(left) || this.sources.isCredentialish(right))) {
      const strong = this.sources.classifySource(left) === 'credential' || this.sources.classifySource(right) === 'credential';
      return [this.evidence('invalid', strong ? 2 : 1, whole)];
    }
    return [];
  }

  /** The user name or password of the credentials the request itself presents (Basic's pair). */
  private isPresentedLogin(node: Node): boolean {
    const value = skipWrappers(node);
    if (value.type !== T.MemberExpression || !PRESENTED_LOGIN_FIELDS.has(propertyName(value) ?? '')) return false;
    return this.sources.classifySource(value.object) === 'credential';
  }

  private isTokenData(node: Node): boolean {
    const path = memberPath(node);
    return words(path?.[path.length - 1] ?? '').some((word) => V.TOKEN_DATA_WORDS.has(word));
  }

  /** `parts.length` where `parts` is the credential split into its pieces. */
  private isCredentialPartCount(node: Node): boolean {
    const value = skipWrappers(node);
    if (value.type !== T.MemberExpression || propertyName(value) !== 'length') return false;
    const parts = skipWrappers(value.object);
    if (parts.type !== T.Identifier) return false;
    const initial = initialValueOf(this.sourceCode, parts);
    const init = initial && skipWrappers(initial);
    if (init?.type !== T.CallExpression || calleeName(init) !== 'split') return false;
    const callee = skipWrappers(init.callee);
    return callee.type === T.MemberExpression && this.sources.isCredentialish(callee.object);
  }

  /**
   * `scopeAllowsRequest(scope, req)` where `scope = payload.scope`: the caller's own rights handed to a check (not
   * to a verifier) decide it, whatever the check is called.
   */
  private passesCallerRights(call: TSESTree.CallExpression): boolean {
    if (V.VERIFIER_CALL.test(this.sourceCode.getText(call))) return false;
    const isRightsClaim = (node: Node | null | undefined) => {
      const value = node && skipWrappers(node);
      return value?.type === T.MemberExpression && RIGHTS_CLAIM_WORDS.has(words(propertyName(value) ?? '').at(-1) ?? '');
    };
    return call.arguments.some((argument) => {
      const value = skipWrappers(argument as Node);
      if (value.type !== T.Identifier) return isRightsClaim(value);
      // `let scope = payload.scope; if (…) scope = WIDER;`: declared as the caller's rights, still a scope when widened.
      const declared = findVariable(this.sourceCode, value)?.defs[0]?.node;
      return this.sources.authorizationDataOf(value) !== null || (declared?.type === T.VariableDeclarator && isRightsClaim(declared.init));
    });
  }

  /** `found.length` compared with 0, where `found` is the signed-in caller looked up among a resource's members. */
  private isEmptyMembership(left: Node, right: Node): boolean {
    const zero = (node: Node) => {
      const value = skipWrappers(node);
      return value.type === T.Literal && value.value === 0;
    };
    const count = zero(right) ? skipWrappers(left) : zero(left) ? skipWrappers(right) : null;
    if (count?.type !== T.MemberExpression || propertyName(count) !== 'length') return false;
    const found = skipWrappers(count.object);
    if (found.type !== T.Identifier) return false;
    // `var match = a.maintainers.filter(…); … match = b.maintainers.filter(…)`: every value it holds is such a lookup.
    const values = valuesWrittenTo(this.sourceCode, found);
    return values.length > 0 && values.every((value) => this.looksUpCaller(value));
  }

  /** `maintainers.filter((m) => m.name === username)`: the signed-in caller searched for in a list named for a right. */
  private looksUpCaller(value: Node): boolean {
    const lookup = skipWrappers(value);
    if (lookup.type !== T.CallExpression || !this.sources.isMembershipLookup(lookup)) return false;
    const match = lookup.arguments[0];
    const compared = match && isFunction(match) ? returnedExpression(match) : null;
    if (compared?.type !== T.BinaryExpression || (compared.operator !== '===' && compared.operator !== '==')) return false;
    // Only the caller's identity: a list of keys searched for the request's own credential is no right.
    return [compared.left as Node, compared.right].some((side) => this.sources.classifySource(side) === 'identity');
  }

  /** `note.userId !== userId` where `userId` is the caller's (from the session): an ownership check. */
  private comparesCallerId(left: Node, right: Node): boolean {
    const isCallerId = (node: Node) => {
      const path = memberPath(node);
      const last = words(path?.[path.length - 1] ?? '');
      // `req.user.sub`: the subject claim the authenticating middleware left on the signed-in user is its id.
      return (last.includes('id') || last.join(' ') === 'sub') && this.sources.classifySource(node) === 'identity';
    };
    const isRecordId = (node: Node) => {
      const value = skipWrappers(node);
      // req.param('id'), params.get('userId')
      if (value.type === T.CallExpression && value.arguments[0] && /^(param|get)$/.test(calleeName(value) ?? '')) {
        return words(staticString(value.arguments[0]) ?? '').includes('id');
      }
      const path = memberPath(node);
      return !!path && path.length > 1 && words(path[path.length - 1]!).includes('id') && this.sources.classifySource(node) !== 'identity';
    };
    return (isCallerId(left) && isRecordId(right)) || (isCallerId(right) && isRecordId(left));
  }

  /** An error class named for what it means: `TokenExpiredError`, `InvalidTokenException`, `PermissionDeniedError`. */
  nameEvidence(name: Node): Evidence[] {
    if (name.type !== T.Identifier) return [];
    const known = this.errorName(name, name);
    if (known.length > 0) return known;
    const category = classifyMessage(words(name.name).filter((word) => word !== 'error' && word !== 'exception').join(' '));
    if (category) return [this.evidence(category, 2, name)];
    // `E_UNAUTHORIZED_ACCESS`, `UnauthorizedAccessError`: named for the 401 status itself, whatever else it mentions.
    if (words(name.name).some((word) => STATUS_401_WORDS.has(word))) return [];
    // `NotOwnerException`, `InsufficientRoleError`, `AccessDeniedError`: named for a permission.
    return this.sources.identifierCategory(name) === 'authorization' ? [this.evidence('authorization', 2, name)] : [];
  }

  private errorName(constructor: Node, whole: Node): Evidence[] {
    const path = memberPath(constructor);
    const name = path?.[path.length - 1];
    if (!name) return [];
    if (V.EXPIRED_ERROR.test(name)) return [this.evidence('expired', 2, whole)];
    if (V.INVALID_ERROR.test(name)) return [this.evidence('invalid', 2, whole)];
    // `AuthorizationTokenExpiredError`, `AccessTokenInvalidError`: a kind of token, not a right, stands first.
    const aboutCredential = words(name).some((word) => word === 'header' || V.CREDENTIAL_NOUNS.has(word) || V.TOKEN_KINDS.has(word));
    if (!aboutCredential && /^(Forbidden|Permission|Authorization|Access|Role|Scope)\w*Error$/.test(name)) return [this.evidence('authorization', 2, whole)];
    return [];
  }

  private errorConstant(value: string, whole: Node): Evidence[] {
    if (V.EXPIRED_ERROR.test(value)) return [this.evidence('expired', 2, whole)];
    if (V.MISSING_ERROR.test(value)) return [this.evidence('missing', 2, whole)];
    if (V.INVALID_ERROR.test(value)) return [this.evidence('invalid', 2, whole)];
    return [];
  }

  /** `auth.error === 'missing'` where `auth = authenticate(req)`: an authentication helper's verdict. */
  private verdict(value: string, subject: Node, whole: Node): Evidence[] {
    const category = V.VERDICT_EXPIRED.test(value) ? 'expired' : V.VERDICT_MISSING.test(value) ? 'missing' : V.VERDICT_INVALID.test(value) ? 'invalid' : null;
    if (!category) return [];
    const path = memberPath(subject);
    const holder = path && path.length > 1 ? skipWrappers((skipWrappers(subject) as TSESTree.MemberExpression).object) : null;
    const aboutCredential = this.sources.identifierCategory(subject) === 'credential' || (holder !== null && this.sources.isCredentialish(holder));
    return aboutCredential ? [this.evidence(category, 2, whole)] : [];
  }

  /** `exp * 1000 < Date.now()`, `session.expiresAt <= new Date()`, `Date.now() - session.lastSeen > TTL`. */
  private expiry(node: TSESTree.BinaryExpression, holds: boolean): Evidence[] {
    const left = node.left as Node;
    const right = node.right;
    const less = node.operator === '<' || node.operator === '<=';
    let expiredWhenTrue: boolean | null = null;
    if (this.isExpiryTime(left) && isNow(right)) expiredWhenTrue = less;
    else if (isNow(left) && this.isExpiryTime(right)) expiredWhenTrue = !less;
    else if (this.isElapsedSinceCredential(left)) expiredWhenTrue = !less;
    else if (this.isElapsedSinceCredential(right)) expiredWhenTrue = less;
    if (expiredWhenTrue === null || expiredWhenTrue !== holds) return [];
    return [this.evidence('expired', 2, node)];
  }

  private isExpiryTime(node: Node): boolean {
    const text = this.sourceCode.getText(node);
    const tokens = words(text);
    if (tokens.some((word) => V.EXEMPT_WORDS.has(word) || ['subscription', 'trial', 'plan', 'license', 'card', 'invite', 'code', 'link', 'otp', 'coupon', 'offer'].includes(word))) {
      return false;
    }
    const expiryWord = tokens.some((word) => ['exp', 'expires', 'expiry', 'expiration', 'expired', 'expire', 'valid', 'until'].includes(word));
    if (!expiryWord) return false;
    // `record.expires` where `record = await findVerificationToken(body.token)`: a one-time token's record.
    const oneTime = referencedIdentifiers(node).some((identifier) => {
      const source = this.sources.classifySource(identifier);
      return source === 'exempt' || source === 'request-data';
    });
    if (oneTime) return false;
    if (tokens.includes('exp')) return true; // the JWT claim
    // `client.expiresAt` where `client = await verifyApiKey(key)`: the expiry of a verified credential.
    const value = skipWrappers(node);
    const holder = value.type === T.MemberExpression ? skipWrappers(value.object) : null;
    if (holder && holder.type !== T.MemberExpression && this.sources.isCredentialish(holder)) return true;
    return tokens.some((word) => V.CREDENTIAL_WORDS.has(word) || ['decoded', 'payload', 'claims', 'key'].includes(word));
  }

  private isElapsedSinceCredential(node: Node): boolean {
    const value = skipWrappers(node);
    if (value.type !== T.BinaryExpression || value.operator !== '-') return false;
    const [a, b] = [value.left as Node, value.right];
    const other = isNow(a) ? b : isNow(b) ? a : null;
    if (!other) return false;
    const tokens = words(this.sourceCode.getText(other));
    return tokens.some((word) => ['session', 'token', 'jwt', 'login', 'iat', 'issued', 'auth'].includes(word)) && !V.namesExemptFlow(tokens);
  }

  /** Evidence from a value known to be truthy (`holds`) or falsy (`!holds`). */
  private truthiness(valueNode: Node, holds: boolean): Evidence[] {
    const value = skipWrappers(valueNode);
    const callbackEvidence = this.verifierCallbackParameter(value, holds);
    if (callbackEvidence) return callbackEvidence;
    const derived = this.derivedCondition(value, holds);
    if (derived) return derived;

    // `!origin`, `!verifyRequestOrigin(origin, allowed)`: where the request comes from is a policy (a cross-site
    // check), never the credential.
    if (!holds && this.isOriginCheck(value)) return [this.evidence('authorization', 2, value)];
    if (value.type === T.CallExpression) {
      // `_.isUndefined(req.session.userId)`, `isNil(token)`: true when the value is absent.
      const absent = absenceTested(value);
      if (absent) return this.anchor(this.truthiness(absent, !holds), absent, value);
      const call = this.callTruthiness(value, holds);
      if (call) return call;
    }

    // `process.env.STRIPE_SECRET_KEY && !org.subscription`, or `!secret` where `secret = process.env.WEBHOOK_SECRET`:
    // whether the server is configured says nothing about the caller.
    const configured = value.type === T.Identifier ? initialValueOf(this.sourceCode, value) : value;
    const path = configured && memberPath(configured);
    if (path && path[0] === 'process' && path[1] === 'env') return [];
    const ownCategory = value.type === T.Identifier ? null : this.sources.identifierCategory(value);
    if (ownCategory === 'authorization') return this.rightsEvidence(value);
    if (ownCategory === 'exempt') return [this.evidence('exempt', 2, value)];

    // `!admin` where `admin = requireAdmin(request)` answers null for what its own checks refused.
    const gate = holds ? null : this.sources.gateOf(value);
    if (gate) return this.gateEvidence(gate, value);
    const source = this.sources.classifySource(value);
    if (source === 'exempt' || source === 'request-data' || source === 'validation') {
      return [this.evidence('exempt', 2, value)];
    }
    if (source === 'authorization') return this.rightsEvidence(value);
    const rights = source === null ? this.sources.authorizationDataOf(value) : null;
    if (rights) return [this.evidence('authorization', 2, rights)];
    if (holds) {
      // A truthy value is evidence only when its name says it is a failure: `if (tokenExpired)`, `if (isRevoked)`.
      const tokens = words(this.sourceCode.getText(value));
      // ctx.isUnauthenticated(), req.isNotAuthenticated()
      if (tokens.includes('unauthenticated') || /\bnot (authenticated|logged in)\b/.test(tokens.join(' '))) return [this.evidence('missing', 2, value)];
      // `pat.expired` where `pat = await verifyPersonalAccessToken(…)`: a flag of the verified credential.
      const holder = value.type === T.MemberExpression ? skipWrappers(value.object) : null;
      const aboutCredential = tokens.some((word) => V.CREDENTIAL_WORDS.has(word) || word === 'decoded') ||
        (holder !== null && holder.type === T.Identifier && this.sources.classifySource(holder) === 'verified');
      if (aboutCredential && tokens.some((word) => word === 'expired' || word === 'expire')) return [this.evidence('expired', 2, value)];
      if (aboutCredential && tokens.some((word) => ['revoked', 'blacklisted', 'blocklisted', 'invalid', 'malformed', 'tampered'].includes(word))) {
        return [this.evidence('invalid', 2, value)];
      }
      return [];
    }
    if (source === 'identity' || source === 'verified') {
      const collection = this.collectionEvidence(value);
      if (collection) return collection;
    }
    switch (source) {
      case 'credential':
        return [this.evidence('missing', 2, value)];
      case 'identity':
        // `!user.roomId` of a signed-in `user`: a field of a known identity missing, not the identity; `!auth.orgId`:
        // the signed-in user acts for no organization, which is a membership the request lacks.
        if (this.isFieldOfIdentity(value)) return namesMembership(value) ? [this.evidence('authorization', 2, value)] : [];
        if (this.holdsFieldOfFoundRecord(value)) return [];
        // `!req.user`, `!ctx.session`: state an earlier middleware set, often checked again only in passing.
        return [{ ...this.evidence('missing', 2, value), ...(this.isFetchedHere(value) ? {} : { earlierState: true as const }) }];
      case 'verified':
        // `!authUser.email`: the verified account lacks a detail the application wants, which is no failed credential.
        if (value.type === T.MemberExpression && PROFILE_FIELDS.has(propertyName(value) ?? '')) return [];
        return [this.evidence('invalid', 2, value)];
      case 'password-check':
      case 'login-account':
        return [this.evidence('login', 2, value)];
      case 'login-lookup':
        return [this.evidence('login', 1, value)];
      case 'named-credential': {
        // `!token`, `!apiKey`: the value is named for a credential; `!authParams` only mentions one.
        const path = memberPath(value);
        const last = words(path?.[path.length - 1] ?? '').at(-1) ?? '';
        const found = this.evidence('missing', 1, value);
        return [V.CREDENTIAL_NOUNS.has(last) && last !== 'password' && last !== 'secret' ? found : { ...found, nameOnly: true }];
      }
      default:
        return [];
    }
  }

  /** `if (isGuest)` where `const isGuest = !ctx.user || ctx.user.isGuest`: the condition the flag stands for. */
  private derivedCondition(value: Node, holds: boolean): Evidence[] | null {
    if (value.type !== T.Identifier || this.conditionDepth >= MAX_CONDITION_DEPTH) return null;
    const init = initialValueOf(this.sourceCode, value);
    const condition = init && skipWrappers(init);
    const isTest = condition && (condition.type === T.LogicalExpression || (condition.type === T.UnaryExpression && condition.operator === '!') ||
      (condition.type === T.BinaryExpression && /^[!=]==?$|^[<>]=?$/.test(condition.operator)));
    if (!isTest) return null;
    this.conditionDepth++;
    try {
      // Quoted as the flag the code tests (`!isMatch`), which the check's own `!` then anchors.
      const found = this.condition(condition, holds);
      // Nothing read from the condition: the flag's own name may still say what it is (`verified`).
      return found.length > 0 ? found.map((e) => ({ ...e, node: value, quote: this.quote(value) })) : null;
    } finally {
      this.conditionDepth--;
    }
  }

  /** The request's Origin header, or a check handed it (`verifyRequestOrigin(origin, allowed)`, `isAllowedOrigin(o)`). */
  private isOriginCheck(node: Node): boolean {
    let value = skipWrappers(node);
    if (value.type === T.UnaryExpression && value.operator === '!') value = skipWrappers(value.argument);
    const readsOrigin = (candidate: Node) => {
      const read = skipWrappers(candidate);
      if (readsOriginHeader(read)) return true;
      if (read.type !== T.Identifier) return false;
      // `({ headers: { origin } }) => …`: the Origin header destructured from a handler's context.
      const binding = bindingOf(this.sourceCode, read);
      if (binding?.kind === 'param') return destructuredPath(binding.init).slice(-2).join('.').toLowerCase() === 'headers.origin';
      const init = initialValueOf(this.sourceCode, read);
      return init !== null && readsOriginHeader(skipWrappers(init));
    };
    if (value.type === T.CallExpression && /origin/i.test(calleeName(value) ?? '')) return value.arguments.some((argument) => argument.type !== T.SpreadElement && readsOrigin(argument));
    return readsOrigin(value);
  }

  /**
   * `!accessedEnvironments.includes(environment.id)`, `!isMember` where `isMember = teams.some(…)`, of the caller's
   * own data: whether the caller's list holds the resource is a right it has, never the caller missing. A list of
   * anything else asked about the caller's data (`['pdf', 'docs'].includes(version.type)`) is no evidence at all.
   * Null when the value is no such check.
   */
  private collectionEvidence(value: Node): Evidence[] | null {
    const held = heldCollectionCheck(this.sourceCode, value);
    if (!held) return null;
    const source = this.sources.classifySource(held.collection);
    return source === 'identity' || source === 'verified' ? this.rightsEvidence(held.check) : [];
  }

  /**
   * `videoLength` where `const videoLength = document.versions[0]?.length || 51` and `document` was found for the
   * caller: a field of a record again, where `credentials = request.auth.credentials` is the caller itself.
   */
  private holdsFieldOfFoundRecord(value: Node): boolean {
    const field = fieldHeldBy(this.sourceCode, value);
    return field !== value && this.isFieldOfIdentity(field) && isLookupResult(this.sourceCode, chainRoot(field));
  }

  /** `user.roomId`, where `user` itself is the signed-in identity and the field does not name who it is. */
  private isFieldOfIdentity(value: Node): boolean {
    if (value.type !== T.MemberExpression) return false;
    const field = propertyName(value);
    if (field === null || IDENTITY_FIELDS.has(field.toLowerCase())) return false;
    return this.sources.classifySource(value.object as Node) === 'identity';
  }

  /** `session` of `const session = await getServerSession(authOptions)`: the identity looked up right here. */
  private isFetchedHere(value: Node): boolean {
    const call = producingCall(this.sourceCode, value);
    if (!call) return false;
    // `req.isAuthenticated()`, `c.get('user')`: asking the request what an earlier middleware stored.
    const callee = skipWrappers(call.callee);
    const receiver = callee.type === T.MemberExpression ? skipWrappers(callee.object) : null;
    return !(receiver?.type === T.Identifier && REQUEST_OBJECTS.has(receiver.name));
  }

  /** `!workspace`, `workspace == null` where `workspace` holds a record a lookup returned (and is no credential). */
  private testsLookedUpRecord(test: Node): boolean {
    let value = skipWrappers(test);
    if (value.type === T.UnaryExpression && value.operator === '!') value = skipWrappers(value.argument);
    if (value.type === T.BinaryExpression && isNullish(value.right)) value = skipWrappers(value.left as Node);
    if (value.type !== T.Identifier || !this.isRecordLookedUp(value)) return false;
    return this.sources.classifySource(value) === null;
  }

  /** A module's own constant or import (`const isQuickCreateEnabled = env.QUICK_CREATE === 'on'`): a setting. */
  private isModuleSetting(value: Node): boolean {
    if (value.type !== T.Identifier) return false;
    const binding = bindingOf(this.sourceCode, value);
    if (!binding || binding.kind === 'param') return false;
    if (binding.kind === 'import') return true;
    for (let node: Node | undefined = binding.declaration; node; node = node.parent) if (isFunction(node)) return false;
    return true;
  }

  /**
   * A value named for a right, tested for truth: decisive when it is a flag of the identity (`user.isAdmin`,
   * `!canEdit`, `account.suspended`); a hint when it only names a holder of rights (`!org`, `!scopes`), which
   * may as well be absent because nobody signed in; nothing when it is configuration (`config.allowAnonymous`),
   * the token's own data (`tokenTeamId`) or a guard's generic verdict (`canActivate`).
   */
  /** A gate's refusal: its credential failure, its permission denial, or both as alternatives the check must split. */
  private gateEvidence(gate: Gate & { via: string }, value: Node): Evidence[] {
    const refusal = (category: EvidenceCategory, what: string): Evidence => ({ ...this.evidence(category, 2, value), detail: `\`${gate.via}\` answers null ${what}` });
    const credential = gate.credential ? refusal(gate.credential, 'without a valid credential') : null;
    const authorization = gate.authorization ? refusal('authorization', 'for a right the caller lacks') : null;
    if (credential && authorization) return [{ ...credential, alternative: true }, { ...authorization, alternative: true }];
    return credential ? [credential] : authorization ? [authorization] : [];
  }

  private rightsEvidence(value: Node): Evidence[] {
    if (this.isModuleSetting(value)) return [];
    if (namesMembership(value) && this.isFieldOfIdentity(value)) return [this.evidence('authorization', 2, value)];
    if (this.sources.isOwnedRecordLookup(value)) return [this.evidence('authorization', 2, value)];
    let path = memberPath(value);
    if (value.type === T.CallExpression) {
      const callee = skipWrappers(value.callee);
      // `scopes.includes('admin')`: membership in a collection of rights is the check; `isAdmin(user)`: the name.
      const checked = collectionChecked(value);
      const collection = checked && memberPath(checked);
      if (collection) {
        const collectionWords = collection.flatMap(words);
        const settingsOrToken = collectionWords.some((word) => CONFIGURATION_WORDS.has(word) || V.TOKEN_DATA_WORDS.has(word));
        return settingsOrToken ? [] : [this.evidence('authorization', 2, value)];
      }
      if (this.passesCallerRights(value)) return [this.evidence('authorization', 2, value)];
      path = memberPath(callee);
    }
    if (!path) return [this.evidence('authorization', 2, value)];
    const last = path[path.length - 1]!;
    const lastWords = words(last);
    if (last === 'canActivate' || path.flatMap(words).some((word) => CONFIGURATION_WORDS.has(word)) || lastWords.some((word) => V.TOKEN_DATA_WORDS.has(word))) return [];
    // `allowAnonymous`, `isPublic`: whether anybody unknown may pass is a setting, not a right of somebody known.
    if (lastWords.some((word) => ANONYMOUS_WORDS.has(word))) return [];
    // `key.readOnly`: a flag of one word written as two.
    if (RIGHTS_FLAG_PREFIXES.has(lastWords[0] ?? '') || lastWords.some((word) => RIGHTS_FLAGS.has(word)) || RIGHTS_FLAGS.has(lastWords.join(''))) {
      return [this.evidence('authorization', 2, value)];
    }
    // `teamMember = await teams.getTeamMember(teamId, userId)`: the caller looked up among a resource's members.
    if (lastWords.some((word) => MEMBERSHIP_WORDS.has(word)) && this.isRecordLookedUp(value)) return [this.evidence('authorization', 2, value)];
    if (lastWords.some((word) => V.AUTHORIZATION_WORDS.has(word))) return [{ ...this.evidence('authorization', 1, value), nameOnly: true }];
    return [];
  }

  /** A variable holding what an (awaited) call returned, such as a database or service lookup. */
  private isRecordLookedUp(value: Node): boolean {
    return value.type === T.Identifier && producingCall(this.sourceCode, value) !== null;
  }

  /** Calls in conditions: `header.startsWith('Bearer ')`, `isExpired(token)`, `keys.includes(apiKey)`. */
  private callTruthiness(call: TSESTree.CallExpression, holds: boolean): Evidence[] | null {
    const name = calleeName(call) ?? '';
    const callee = skipWrappers(call.callee);
    // `bcrypt.compare(password, member.passwordHash)`: a password check, whatever the names it is given say.
    if (V.PASSWORD_CHECK.test(`${this.sourceCode.getText(callee)}(`)) {
      const source = this.sources.classifySource(call);
      if (source === 'exempt') return [this.evidence('exempt', 2, call)];
      if (source === 'password-check') return holds ? [] : [this.evidence('login', 2, call)];
    }
    if ((name === 'startsWith' || name === 'includes' || name === 'test' || name === 'match') && callee.type === T.MemberExpression) {
      // header.startsWith('Bearer '), /^Bearer /.test(header)
      const [pattern, subject] = name === 'test' ? [callee.object, call.arguments[0]] : [call.arguments[0], callee.object];
      if (pattern && subject && subject.type !== T.SpreadElement && pattern.type !== T.SpreadElement && isSchemePattern(pattern)) {
        return !holds && this.sources.isCredentialish(subject) ? [this.evidence('invalid', 2, call)] : [];
      }
    }
    // Mongoose ObjectIds: !post.author.equals(req.user._id)
    if (name === 'equals' && callee.type === T.MemberExpression && call.arguments[0]?.type !== T.SpreadElement && call.arguments[0]) {
      if (isOwnership(idValue(callee.object), idValue(call.arguments[0]))) return [this.evidence('authorization', 2, call)];
    }
    if ((name === 'includes' || name === 'has' || name === 'some') && callee.type === T.MemberExpression && call.arguments[0]) {
      const collection = this.sources.identifierCategory(callee.object);
      if (collection === 'authorization') return [this.evidence('authorization', 2, call)];
      // `apiKey.reports.includes(req.body.reportId)`: what the presented credential may reach, asked of what the request names.
      if (!holds && this.isCredentialRecordList(callee.object) && call.arguments[0].type !== T.SpreadElement && this.sources.classifySource(call.arguments[0]) === 'request-data') {
        return [this.evidence('authorization', 2, call)];
      }
      if (!holds && call.arguments[0].type !== T.SpreadElement && this.sources.classifySource(call.arguments[0]) === 'credential') {
        return [this.evidence('invalid', 2, call)];
      }
    }
    const tokens = words(name);
    if (tokens.includes('expired') || (tokens.includes('is') && tokens.includes('expired'))) {
      const aboutCredential =
        tokens.some((word) => V.CREDENTIAL_WORDS.has(word)) ||
        call.arguments.some((argument) => argument.type !== T.SpreadElement && this.sources.isCredentialish(argument));
      return holds && aboutCredential ? [this.evidence('expired', 2, call)] : [];
    }
    // `!this.isAuthorized(type, username)`: the name hints at a permission check; it never decides. Given the signed-in
    // identity and something to weigh it against (`isAuthorized(state.authorizationType, state.authenticatedUsername)`),
    // the identity is known and only its rights are asked.
    if (holds === false && tokens.some((word) => word === 'authorized' || word === 'authorised') && !tokens.includes('un')) {
      const ofKnownCaller = call.arguments.length >= 2 && call.arguments.some((argument) => argument.type !== T.SpreadElement && this.sources.classifySource(argument) === 'identity');
      return ofKnownCaller ? [this.evidence('authorization', 2, call)] : [{ ...this.evidence('authorization', 1, call), nameOnly: true }];
    }
    if (name === 'timingSafeEqual' || name === 'safeCompare' || name === 'secureCompare' || name === 'constantTimeEqual') {
      const aboutCredential = call.arguments.some((argument) => argument.type !== T.SpreadElement && this.sources.isCredentialish(argument));
      return !holds && aboutCredential ? [this.evidence('invalid', 2, call)] : [];
    }
    return null;
  }

  /**
   * `jwt.verify(token, secret, (err, decoded) => { if (err) … })`: the callback's error is a failed verification,
   * a missing payload an invalid credential.
   */
  private verifierCallbackParameter(value: Node, holds: boolean): Evidence[] | null {
    if (value.type !== T.Identifier && !(value.type === T.MemberExpression && skipWrappers(value.object).type === T.Identifier)) return null;
    const identifier = (value.type === T.Identifier ? value : skipWrappers((value as TSESTree.MemberExpression).object)) as TSESTree.Identifier;
    const binding = bindingOf(this.sourceCode, identifier);
    if (binding?.kind !== 'param') return null;
    const fn = binding.declaration;
    if (!isFunction(fn)) return null;
    const verifier = this.verifierOf(fn);
    if (!verifier) return null;
    const index = fn.params.findIndex((param) => param.type === T.Identifier && param.name === identifier.name);
    if (index < 0 || index >= verifier.meaningfulParams) return null;
    if (value.type === T.MemberExpression) {
      // err.name === … is judged by equality; `if (err.expiredAt)`
      const tokens = words(propertyName(value) ?? '');
      return holds && index === 0 && tokens.includes('expired') ? [this.evidence('expired', 2, value)] : null;
    }
    const failed = index === 0 ? holds : !holds;
    if (!failed) return [];
    const category = V.PASSWORD_CHECK.test(`${verifier.name}(`) ? 'login' : 'invalid';
    return [{ ...this.evidence(category, 2, value), quote: `${this.quote(value)} of \`${verifier.name}\`` }];
  }

  /**
   * What calls `fn` with a verification's outcome: a verifier taking it as callback, or passport through
   * @nestjs/passport, whose `AuthGuard` calls `handleRequest(err, user, info, context)` (user false on failure).
   */
  private verifierOf(fn: TSESTree.FunctionLike): { name: string; meaningfulParams: number } | null {
    const parent = fn.parent;
    // `bcrypt.compare(…).then((same) => …)` hands the callback the outcome, not an error first.
    const promiseCallback = parent?.type === T.CallExpression && ['then', 'catch', 'finally'].includes(calleeName(parent) ?? '');
    if (parent?.type === T.CallExpression && !promiseCallback && parent.arguments.includes(fn as never) && this.isVerifierCall(parent)) {
      return { name: this.sourceCode.getText(parent.callee), meaningfulParams: Infinity };
    }
    const owner = parent?.type === T.MethodDefinition ? parent.parent?.parent : null;
    if (parent?.type === T.MethodDefinition && keyName(parent) === 'handleRequest' && (owner?.type === T.ClassDeclaration || owner?.type === T.ClassExpression)) {
      const base = owner.superClass;
      if (base?.type === T.CallExpression && calleeName(base) === 'AuthGuard') return { name: 'AuthGuard.handleRequest', meaningfulParams: 2 };
    }
    return null;
  }

  private isVerifierCall(call: TSESTree.CallExpression): boolean {
    const text = this.sourceCode.getText(call.callee);
    // `signature.verify(token)`: some verifiers are known by what they are given.
    const first = call.arguments[0] ? this.sourceCode.getText(call.arguments[0]) : '';
    if (V.VERIFIER_CALL.test(`${text}(${first}`) || this.isImportedVerifier(call.callee)) return true;
    // bcrypt.compare(password, hash, (err, same) => …) at a login: a password that does not match.
    if (V.PASSWORD_CHECK.test(`${text}(`) && !V.REAUTHENTICATION.test(this.sourceCode.getText(call))) return true;
    // passport.authenticate('jwt', { session: false }, (err, user) => …): the app renders passport's failure.
    if (/\bpassport\s*\.\s*authenticate$/.test(text)) return true;
    // `super.canActivate(context)` in `class X extends AuthGuard('jwt')`: @nestjs/passport runs the strategy.
    return isPassportGuardSuperCall(call);
  }

  /** `signature.verify(token).then(…).catch((err) => …)`: the callback answers the verifier's rejection. */
  private promiseCatchEvidence(callback: Node): Evidence[] {
    const call = callback.parent;
    if (call?.type !== T.CallExpression || call.arguments[0] !== callback || calleeName(call) !== 'catch') return [];
    let promise = skipWrappers((call.callee as TSESTree.MemberExpression).object);
    while (promise.type === T.CallExpression && calleeName(promise) === 'then' && promise.callee.type === T.MemberExpression) {
      promise = skipWrappers(promise.callee.object);
    }
    if (promise.type !== T.CallExpression || !this.isVerifierCall(promise)) return [];
    // A signature of a message another system signed (a back-channel logout, a webhook) is no user's credential.
    if (this.looksExempt(promise)) return [this.evidence('exempt', 2, promise)];
    return [this.evidence('invalid', 2, promise)];
  }

  /**
   * `import { verify } from 'hono/jwt'`: a JWT library's verifier called by its bare name; or one the library
   * built (`const verify = createVerifier({ key })` with fast-jwt).
   */
  private isImportedVerifier(callee: Node, depth = 0): boolean {
    const value = skipWrappers(callee);
    if (value.type !== T.Identifier) return false;
    const binding = bindingOf(this.sourceCode, value);
    if (binding?.kind === 'import') return V.VERIFIER_MODULE.test(binding.module ?? '') && V.VERIFIER_EXPORT.test(binding.imported ?? '');
    if (!binding || binding.kind === 'param' || binding.key !== undefined || depth > 0) return false;
    const init = skipWrappers(binding.init);
    return init.type === T.CallExpression && this.isImportedVerifier(init.callee, depth + 1);
  }

  /** Inside `catch`: the `try` verified a credential, so the error is a failed verification. */
  /**
   * A `catch` after the credential's verification is its failure. After a login's own lookup (`findUserByEmail(email)`
   * with the e-mail from the request) or a check handed the login's password, it is a failed login.
   */
  private catchEvidence(clause: TSESTree.CatchClause): Evidence[] {
    const tryStatement = clause.parent as TSESTree.TryStatement;
    const verifier = this.findCallIn(tryStatement.block, (call) => this.isVerifierCall(call) && !this.looksExempt(call));
    const login = verifier ? null : this.findCallIn(tryStatement.block, (call) => this.isLoginCheckCall(call));
    const found = verifier ?? login;
    if (!found) return [];
    // Decisive when verifying is what the `try` is about: it is short, or the verification comes first.
    const leading = tryStatement.block.body.slice(0, 2).some((statement) => statement.range[0] <= found.range[0] && found.range[1] <= statement.range[1]);
    const strength = tryStatement.block.body.length <= 4 || leading ? 2 : 1;
    return [this.evidence(verifier ? 'invalid' : 'login', strength, found)];
  }

  private findCallIn(block: TSESTree.BlockStatement, matches: (call: TSESTree.CallExpression) => boolean): TSESTree.CallExpression | null {
    const stack: Node[] = [block];
    let visited = 0;
    while (stack.length > 0 && visited < MAX_CATCH_NODES) {
      const node = stack.pop()!;
      visited++;
      if (node.type === T.CallExpression && matches(node)) return node;
      if (isFunction(node) && node !== (block as Node)) continue;
      pushChildren(this.sourceCode, node, stack);
    }
    return null;
  }

  /** A lookup of the login's account by what the request gives, or a lookup or check handed the request's password. */
  private isLoginCheckCall(call: TSESTree.CallExpression): boolean {
    if (this.isSiweVerification(call)) return true;
    const name = calleeName(call) ?? '';
    if (!LOGIN_CHECK_VERB.test(name)) return false;
    if (this.sources.classifySource(call) === 'login-lookup') return true;
    return call.arguments.some(
      (argument) => argument.type === T.Identifier && /^(password|passwd|pwd)$/i.test(argument.name) && this.sources.classifySource(argument) === 'request-data',
    );
  }

  /**
   * `new SiweMessage(input.message).verify({ signature })`: Sign-In with Ethereum's check of the signed message, a
   * login (the `siwe` package rejects when the signature, nonce or domain does not match).
   */
  private isSiweVerification(call: TSESTree.CallExpression): boolean {
    if (call.callee.type !== T.MemberExpression || propertyName(call.callee) !== 'verify') return false;
    const receiver = skipWrappers(call.callee.object);
    const built = receiver.type === T.Identifier ? initialValueOf(this.sourceCode, receiver) : receiver;
    const construction = built && skipWrappers(built);
    if (construction?.type !== T.NewExpression || construction.callee.type !== T.Identifier) return false;
    const binding = bindingOf(this.sourceCode, construction.callee);
    return binding?.kind === 'import' && binding.module === 'siwe' && binding.imported === 'SiweMessage';
  }

  /** `apiKey.projects`: a list kept on the record of the presented credential. */
  private isCredentialRecordList(node: Node): boolean {
    const list = skipWrappers(node);
    if (list.type !== T.MemberExpression) return false;
    const owner = skipWrappers(list.object);
    return owner.type === T.Identifier && this.sources.isCredentialish(owner);
  }

  private looksExempt(node: Node): boolean {
    return V.namesExemptFlow(words(this.sourceCode.getText(node)));
  }

  // ---- messages and context -------------------------------------------------------------------------------

  messageEvidence(message: Node): Evidence[] {
    const tokenEndpointError = tokenEndpointErrorBody(message);
    if (tokenEndpointError) return [this.evidence('exempt', 2, tokenEndpointError)];
    const found: Evidence[] = [];
    for (const text of [...stringsIn(message), ...this.textsAssignedTo(message)]) {
      const category = classifyMessage(text.value);
      if (category) found.push(this.evidence(category, 1, text.node));
    }
    return found;
  }

  /**
   * `body: errMsg` where `errMsg = 'No X-Hub-Signature found'` just before: the texts of message variables; else the
   * words of a constant's name (`INVALID_CREDENTIALS`, defined elsewhere).
   */
  private textsAssignedTo(message: Node): { value: string; node: Node }[] {
    const value = skipWrappers(message);
    const parts = value.type === T.ObjectExpression ? value.properties.filter((part) => part.type === T.Property) : [value];
    return parts.flatMap((part) => {
      const variable = skipWrappers(part.type === T.Property ? (part.value as Node) : part);
      if (variable.type !== T.Identifier) return [];
      const assigned = valueAssignedBefore(this.sourceCode, variable);
      if (assigned) return stringsIn(assigned);
      const constant = messageConstantWords(variable);
      return constant ? [{ value: constant, node: variable }] : [];
    });
  }

  /** Enclosing function, class and route names: `verifyToken`, `JwtAuthGuard`, `app.post('/reset-password')`. */
  contextEvidence(site: Node): Evidence[] {
    const named = this.enclosingNameEvidence(site).map((found) => ({ ...found, nameOnly: true as const }));
    const given = this.givenPassword(site);
    if (given) return [given];
    if (named.length > 0) return named;
    const signature = signatureHeaderRead(this.sourceCode, site);
    return signature ? [this.evidence('exempt', 1, signature)] : [];
  }

  /**
   * `authenticate(user, password, cb)`: the authentication function the response is sent from is handed a password,
   * so what it refuses is a login; what it is given counts more than its name, yet alone it only hints.
   */
  private givenPassword(site: Node): Evidence | null {
    const fn = enclosingFunction(site);
    const name = fn && functionName(fn);
    if (!fn || !name || !(V.AUTHENTICATION_FUNCTION.test(name) || words(name).some((word) => word === 'login' || word === 'signin'))) return null;
    const password = fn.params.find((param) => param.type === T.Identifier && /^(password|passwd|pwd)$/i.test(param.name));
    return password ? this.evidence('login', 1, password) : null;
  }

  private enclosingNameEvidence(site: Node): Evidence[] {
    for (let node = site.parent; node; node = node.parent) {
      if (node.type === T.CallExpression) {
        const route = node.arguments[0];
        const path = route ? staticString(route) : null;
        if (path?.startsWith('/') && V.EXEMPT_ROUTE.test(path)) return [this.evidence('exempt', 1, route!)];
        if (path?.startsWith('/') && V.LOGIN_ROUTE.test(path)) return [this.evidence('login', 1, route!)];
      }
      if (!isFunction(node)) continue;
      const name = functionName(node);
      if (!name) continue;
      if (V.EXEMPT_FUNCTION.test(name)) return [this.evidence('exempt', 1, nameNode(node))];
      if (V.AUTHENTICATION_FUNCTION.test(name) || V.AUTHENTICATION_CLASS.test(name)) return [this.evidence('invalid', 1, nameNode(node))];
      if (V.AUTHORIZATION_FUNCTION.test(name)) return [this.evidence('authorization', 1, nameNode(node))];
      const nameWords = words(name);
      if (nameWords.some((word) => V.AUTHENTICATION_NAME_WORDS.has(word)) || name.toLowerCase().includes('apikey')) {
        const login = nameWords.some((word) => word === 'login' || word === 'signin');
        return [this.evidence(login ? 'login' : 'invalid', 1, nameNode(node))];
      }
    }
    return [];
  }
}

/** A header another system signs its requests with: `X-Hub-Signature`, `Stripe-Signature`, `X-Webhook-Hmac`. */
const SIGNATURE_HEADER = /^[\w-]*(?:signature|hmac)[\w-]*$/i;
const MAX_SIGNATURE_SEARCH = 2000;

/**
 * `event.headers['X-Hub-Signature']`, `req.get('stripe-signature')`: the handler reads the signature of a request
 * another system signed (a webhook), in a block around the response, so the response answers that system's contract,
 * not a user's credential. A read in another branch (a webhook route beside the user routes) says nothing.
 */
function signatureHeaderRead(sourceCode: SourceCode, site: Node): Node | null {
  const fn = enclosingFunction(site);
  if (!fn?.body) return null;
  const stack: Node[] = [fn.body as Node];
  for (let visited = 0; stack.length > 0 && visited < MAX_SIGNATURE_SEARCH; visited++) {
    const node = stack.pop()!;
    if (isFunction(node)) continue;
    if (node.type === T.Literal && typeof node.value === 'string' && node.value.includes('-') && SIGNATURE_HEADER.test(node.value)) {
      const parent = node.parent;
      const isKey = parent?.type === T.MemberExpression && parent.computed && parent.property === node;
      const isArgument = parent?.type === T.CallExpression && parent.arguments[0] === node && /^(get|header|getHeader)$/.test(calleeName(parent) ?? '');
      if ((isKey || isArgument) && readInBlockAround(node, site)) return node;
    }
    pushChildren(sourceCode, node, stack);
  }
  return null;
}

/** Is the statement that holds `read` a statement of a block that also holds `site`, before it? */
function readInBlockAround(read: Node, site: Node): boolean {
  let statement: Node = read;
  while (statement.parent && statement.parent.type !== T.BlockStatement && statement.parent.type !== T.Program) {
    if (isFunction(statement.parent)) return false;
    statement = statement.parent;
  }
  const block = statement.parent;
  return !!block && statement.range[1] <= site.range[0] && block.range[0] <= site.range[0] && site.range[1] <= block.range[1];
}

/** Is `child` a part of `node` that runs only under a condition (a branch, a right operand, a case, a catch)? */
function isConditionalPart(node: Node, child: Node): boolean {
  switch (node.type) {
    case T.IfStatement:
    case T.ConditionalExpression:
      return child !== node.test;
    case T.LogicalExpression:
      return child === node.right;
    case T.SwitchCase:
    case T.CatchClause:
      return true;
    default:
      return false;
  }
}

/** `return …`, `throw …`, or a block that ends in one. */
function alwaysExits(statement: Node): boolean {
  if (statement.type === T.ReturnStatement || statement.type === T.ThrowStatement) return true;
  if (statement.type !== T.BlockStatement) return false;
  const last = statement.body[statement.body.length - 1];
  return !!last && alwaysExits(last);
}

/** Words of a server's own settings: a flag there is configuration, not the caller's rights. */
const CONFIGURATION_WORDS = new Set(['config', 'configuration', 'options', 'opts', 'settings', 'metadata', 'env', 'defaults']);
/** Fields that say who the caller is: their absence is the identity's. */
const MEMBERSHIP_FIELD_WORDS: ReadonlySet<string> = new Set(['org', 'orgs', 'organization', 'organisation', 'organizations', 'tenant', 'team', 'workspace']);

/** `auth.orgId`, `session.user.teamId`: a field naming the organization its holder acts for. */
function namesMembership(value: Node): boolean {
  return value.type === T.MemberExpression && words(propertyName(value) ?? '').some((word) => MEMBERSHIP_FIELD_WORDS.has(word));
}

const IDENTITY_FIELDS = new Set([
  'id', '_id', 'uid', 'userid', 'user_id', 'sub', 'user', 'username', 'email', 'session', 'sessionid', 'account', 'accountid',
  'login', 'principal', 'currentuser', 'passport', 'token', 'auth', 'loggedin', 'isloggedin', 'authenticated', 'isauthenticated',
]);
const REQUEST_OBJECTS = new Set(['req', 'request', 'ctx', 'context', 'event', 'c']);
const ANONYMOUS_WORDS = new Set(['anon', 'anonymous', 'public', 'unauthenticated']);
/** `req.headers.origin`, `request.headers.get('origin')`, `req.get('Origin')`: the request's Origin header. */
function readsOriginHeader(node: Node): boolean {
  const path = memberPath(node);
  if (path && path.length >= 2 && path[path.length - 2] === 'headers' && path[path.length - 1]!.toLowerCase() === 'origin') return true;
  const value = skipWrappers(node);
  if (value.type !== T.CallExpression || value.arguments.length !== 1 || !value.arguments[0]) return false;
  const name = calleeName(value);
  return (name === 'get' || name === 'header') && staticString(value.arguments[0] as Node)?.toLowerCase() === 'origin';
}

/** `password`, `body.username`: a field a login form sends. */
function isLoginField(node: Node): boolean {
  const field = memberPath(node)?.at(-1)?.toLowerCase();
  return field !== undefined && (V.PASSWORD_FIELDS.has(field) || field === 'username' || field === 'user_name');
}

/** Calls that look an account up or check it, as opposed to creating or changing one (a sign-up is handed a password too). */
const LOGIN_CHECK_VERB = /^(find|get|lookup|fetch|verify|check|authenticate|login|signIn|compare|validate)/i;
/** The reason phrase of 401 and its variants. */
const STATUS_401_WORDS = new Set(['unauthorized', 'unauthorised', 'unauthenticated']);
const COLLECTION_CHECKS = new Set(['includes', 'has', 'some', 'every', 'indexOf', 'contains', 'find']);

/** What a variable was given from a field, the default after `||` or `??` left aside; the value itself otherwise. */
function fieldHeldBy(sourceCode: SourceCode, value: Node): Node {
  const init = value.type === T.Identifier ? initialValueOf(sourceCode, value) : null;
  let held = init && skipWrappers(init);
  if (held?.type === T.LogicalExpression && held.operator !== '&&') held = skipWrappers(held.left);
  // `get('session-token')[0]`: an element of what was read, not a field of a record.
  return held?.type === T.MemberExpression && !held.computed ? held : value;
}

/**
 * `list.includes(item)` itself, or the one a variable was given (`const isMember = teams.some(…)`), with the
 * collection it asks of; null otherwise.
 */
function heldCollectionCheck(sourceCode: SourceCode, value: Node): { check: Node; collection: Node } | null {
  const direct = collectionChecked(value);
  if (direct) return { check: value, collection: direct };
  const init = value.type === T.Identifier ? initialValueOf(sourceCode, value) : null;
  const held = init && skipWrappers(init);
  const collection = held && collectionChecked(held);
  return held && collection ? { check: held, collection } : null;
}

/** The collection asked of in `list.includes(item)`, `set.has(key)`, `grants.some(…)`; null for any other value. */
function collectionChecked(value: Node): Node | null {
  if (value.type !== T.CallExpression || value.arguments.length === 0) return null;
  const callee = skipWrappers(value.callee);
  return callee.type === T.MemberExpression && COLLECTION_CHECKS.has(propertyName(callee) ?? '') ? (callee.object as Node) : null;
}
/** The last word of a field that holds the caller's rights: `payload.scope`, `user.roles`. */
const RIGHTS_CLAIM_WORDS = new Set(['role', 'roles', 'scope', 'scopes', 'permission', 'permissions', 'perms', 'privileges', 'grants']);
const MEMBERSHIP_WORDS = new Set(['member', 'members', 'membership', 'memberships', 'access', 'collaborator', 'permission', 'permissions', 'role', 'roles', 'grant', 'grants']);
/** A name that states a right or an account's standing: `isAdmin`, `hasAccess`, `canEdit`, `suspended`. */
const RIGHTS_FLAG_PREFIXES = new Set(['is', 'has', 'can', 'may', 'allowed', 'allow', 'should']);
const RIGHTS_FLAGS = new Set([
  'admin', 'admins', 'administrator', 'superuser', 'superadmin', 'moderator', 'staff', 'owner', 'owns', 'allowed', 'granted',
  'banned', 'suspended', 'blocked', 'disabled', 'deactivated', 'locked', 'verified', 'unverified', 'confirmed', 'unconfirmed',
  'approved', 'active', 'activated', 'enabled', 'onboarded', 'premium', 'paid', 'subscribed', 'subscription', 'readonly',
]);

const ABSENCE_PREDICATE = /^(isUndefined|isNull|isNil|isNullOrUndefined|isNullish|isEmpty|isBlank)$/;

/** The value an absence predicate tests: `x` of `_.isUndefined(x)`, `isNil(x)`, `lodash.isEmpty(x)`. */
function absenceTested(call: TSESTree.CallExpression): Node | null {
  const argument = call.arguments[0];
  if (call.arguments.length !== 1 || !argument || argument.type === T.SpreadElement) return null;
  return ABSENCE_PREDICATE.test(calleeName(call) ?? '') ? argument : null;
}

function isPassportGuardSuperCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type !== T.MemberExpression || callee.object.type !== T.Super || propertyName(callee) !== 'canActivate') return false;
  for (let node: Node | undefined = call.parent; node; node = node.parent) {
    if (node.type === T.ClassDeclaration || node.type === T.ClassExpression) {
      return node.superClass?.type === T.CallExpression && calleeName(node.superClass) === 'AuthGuard';
    }
  }
  return false;
}

/** `request.cookies`, `!req.signedCookies`: the object a cookie parser puts on the request, itself. */
function testsCookieContainer(test: Node): boolean {
  let value = skipWrappers(test);
  if (value.type === T.UnaryExpression && value.operator === '!') value = skipWrappers(value.argument);
  const path = memberPath(value);
  return path !== null && path.length === 2 && /^(req|request|ctx)$/.test(path[0]!) && /^(cookies|signedCookies)$/.test(path[1]!);
}

/** `a.equals(b)` with one argument: the two values compared. */
function equalsCall(call: TSESTree.CallExpression): [Node, Node] | null {
  if (call.callee.type !== T.MemberExpression || propertyName(call.callee) !== 'equals' || call.arguments.length !== 1) return null;
  const other = call.arguments[0]!;
  return other.type === T.SpreadElement ? null : [call.callee.object, other];
}

/** The fields of a presented user-name-and-password pair. */
const PRESENTED_LOGIN_FIELDS: ReadonlySet<string> = new Set(['username', 'user', 'name', 'password', 'pass']);


