/**
 * The words that reveal why a response is sent. Identifier words come from `words()` (camelCase and
 * snake_case split, lower case); message phrases are matched on the text of strings.
 */

/** Identifier words of an authorization decision: the identity is known, its rights are not enough. */
export const AUTHORIZATION_WORDS = new Set([
  'role', 'roles', 'admin', 'admins', 'administrator', 'superuser', 'superadmin', 'moderator', 'staff',
  'permission', 'permissions', 'perm', 'perms', 'privilege', 'privileges', 'scope', 'scopes', 'grant', 'granted',
  'owner', 'owns', 'ownership', 'author', 'creator', 'banned', 'ban', 'suspended', 'blocked', 'disabled', 'deactivated',
  'locked', 'verified', 'unverified', 'confirmed', 'unconfirmed', 'approved', 'active', 'activated', 'enabled', 'onboarded', 'subscription', 'subscribed', 'plan',
  'premium', 'tier', 'paid', 'allowed', 'allow', 'can', 'cannot', 'ability', 'abilities', 'acl', 'policy', 'policies',
  'editor', 'editors', 'reviewer', 'reviewers', 'writer', 'member', 'members', 'membership', 'memberships', 'collaborator', 'collaborators', 'tenant', 'org', 'organization', 'team', 'level', 'access', 'capability', 'capabilities',
  'rights', 'entitlement', 'entitlements', 'feature', 'features', 'readonly', 'whitelist', 'allowlist', 'maintainer', 'maintainers',
]);

/** Values of an account's `status`/`state` field: an account the server knows, refused by policy. */
export const ACCOUNT_STATE = /^(active|inactive|pending|banned|suspended|blocked|disabled|deactivated|locked|verified|unverified|approved|rejected)$/i;

/** Words of flows whose "tokens" are not request authentication (semantics: never flag). */
/** The challenge header named in code: `res.set('WWW-Authenticate', …)`, `{ 'www-authenticate': … }`. */
export const CHALLENGE_HEADER_TEXT = /www-authenticate/i;
/** The same, or a name given for setting it: `appendWWWAuthenticate(ctx, …)`, `setWwwAuthenticateHeader(res)`. */
export const CHALLENGE_OR_SETTER_TEXT = /www-?authenticate/i;

/** Status fields an error object carries to the handler that renders it. */
export const ERROR_STATUS_FIELDS: ReadonlySet<string> = new Set(['status', 'statusCode', 'httpStatus', 'httpStatusCode']);

/** Fields in which a login form sends its password. */
export const PASSWORD_FIELDS: ReadonlySet<string> = new Set(['password', 'passwd', 'pwd', 'pw', 'pass']);

export const EXEMPT_WORDS = new Set([
  'csrf', 'xsrf', 'captcha', 'recaptcha', 'hcaptcha', 'turnstile', 'reset', 'forgot', 'verification', 'confirm',
  'confirmation', 'invite', 'invitation', 'activation', 'magic', 'otp', 'totp', 'mfa', 'twofa', '2fa', 'idempotency',
  'idempotent', 'cursor', 'pagination', 'page', 'webhook', 'webhooks', 'signature', 'hmac', 'stripe', 'refresh',
  'unsubscribe', 'grant_type', 'nonce',
]);

const PASSWORD_FLOW_WORDS = new Set(['change', 'recovery', 'recover']);

/**
 * Do these words name a flow outside the request's own credential (a CSRF token, a webhook's signature)? The
 * signature of a JWT (`isValidJwtSignature`) is the credential's own.
 */
export function namesExemptFlow(words: readonly string[]): boolean {
  // `changePassword`, `passwordRecovery`: a request to change or recover a password, not the request's credential.
  if (words.includes('password') && words.some((word) => PASSWORD_FLOW_WORDS.has(word))) return true;
  // `codeVerifier`: the PKCE secret of an OAuth sign-in under way (RFC 7636), not a credential of this request.
  if (words.includes('code') && words.includes('verifier')) return true;
  const exempt = words.filter((word) => EXEMPT_WORDS.has(word));
  if (exempt.length === 0) return false;
  // `hashingVerification(user.password, password)`: the verification of a password is a login's check.
  if (exempt.every((word) => word === 'verification' || word === 'confirm') && words.some((word) => PASSWORD_WORDS.has(word))) return false;
  return !(exempt.every((word) => word === 'signature') && words.some((word) => word === 'jwt' || word === 'jws'));
}

/** Words of a password or its hash. */
const PASSWORD_WORDS: ReadonlySet<string> = new Set([...PASSWORD_FIELDS, 'hash', 'hashing', 'hashed', 'bcrypt', 'argon2']);

/** Words of a credential of identity. */
export const CREDENTIAL_WORDS = new Set([
  'token', 'tokens', 'jwt', 'jws', 'bearer', 'authorization', 'auth', 'apikey', 'credential', 'credentials',
  'session', 'sessions', 'cookie', 'cookies', 'password', 'passwd', 'secret', 'authtoken', 'accesstoken', 'idtoken',
]);

/** The last word of a name that makes it a credential whatever comes before (`adminToken`, `ownerApiKey`). */
export const CREDENTIAL_NOUNS = new Set(['token', 'key', 'secret', 'jwt', 'password', 'cookie', 'credential', 'credentials', 'apikey', 'bearer']);

/**
 * Where a credential of identity comes from in a request (text of the expression or what it was read from);
 * hapi keeps cookies in `request.state`; `@elysiajs/bearer` puts the request's bearer token in the handler
 * context as `bearer` (the whole text `bearer`: that context value read on its own); restify's authorization
 * parser puts the parsed header in `req.authorization` (`.basic.username`, `.credentials`); gRPC sends it as call metadata
 * (`call.metadata.get('session-token')`).
 */
export const CREDENTIAL_SOURCE =
  /headers?\s*(\??\.\s*(authorization|cookie)\b|\[\s*['"`](authorization|x-access-token|x-auth-token|x-api-key|api-key|apikey|x-token|x-session-token|x-auth|token|cookie)['"`])|(\.(get|header|getHeader)|\bgetRequestHeader\s*\(\s*\w+\s*,|\bgetHeader\s*\(\s*\w+\s*,)\s*\(?\s*['"`](authorization|x-access-token|x-auth-token|x-api-key|api-key|apikey|x-token|x-session-token|x-auth|token|cookie)['"`]|\b(cookies?|signedCookies)\s*(\??\.\s*\w*(token|jwt|session|sid|auth|access|login)\w*|(\?\.)?\[\s*['"`][\w.-]*(token|jwt|session|sid|auth|access|login)[\w.-]*['"`])|\bcookies\s*\(\s*\)\s*\.\s*get\s*\(\s*['"`][\w.-]*(token|jwt|session|sid|auth|access)|\b(cookies|getCookie)\s*\.?\s*(get)?\s*\(\s*(\w+\s*,\s*)?['"`][\w.-]*(token|jwt|session|sid|auth|access)|\bquery\s*(\.\s*|\[\s*['"`])(access_token|api_key|apikey|apiKey)\b|\bgetToken(FromHeader|FromRequest)?\s*\(|\bextract(Bearer)?Token\w*\s*\(|\bfromAuthHeader\w*\s*\(|\bbearerToken\b|\bauthHeader\b|\bauthorizationHeader\b|\brequest\s*\.\s*state\s*\.\s*(sid|session\w*|token|\w*token|auth\w*|jwt)\b|\b(headers\s*\.\s*get|header|getHeader)\s*\(\s*[\w$.]*(authorization|apikey|api_key|tokenheader)\w*\s*\)|(\bheaders\s*\[\s*|\.(get|header|getHeader)\s*\(\s*|@Headers\s*\(\s*)['"`]x-[\w-]*(token|api-key|apikey|auth)[\w-]*['"`]|@Headers\s*\(\s*['"`](authorization|cookie)['"`]|\bauthorizationToken\b|^bearer$|\breq\s*\.\s*authorization\s*\.\s*(basic|credentials)\b/i;

/**
 * Where the already-authenticated identity lives: absent means "not logged in". tRPC puts it on `ctx` (`ctx.user`,
 * `ctx.session?.user`); Firebase callable functions on `request.auth` (v2) and `context.auth` (v1); Feathers on
 * the service call's `params` (`params.user`, and `params.authentication` once the authenticate hook ran; a route's
 * `ctx.params` is request data); AdonisJS
 * on `auth.user`.
 */
export const IDENTITY_SOURCE =
  /\b(c|ctx|context)\s*\.\s*(get\s*\(\s*['"`]|var\s*\.\s*)(user|session|currentUser|jwtPayload|account|auth)\b|\b(req|request|ctx\.state|ctx\.request|state|res\.locals|locals|event\.locals|context)\s*\.\s*(user|me|viewer|auth|currentUser|userId|account|principal|claims|session\s*\.\s*(user|userId|passport))\b|\bctx\s*\??\.\s*(user|session|auth|currentUser|userId)\b|\bsession\s*\??\.\s*(user|userId|user_id|uid|username|name|passport|account|loggedIn|isLoggedIn)\b|\b(ctx\.state|state|res\.locals|event\.locals)\s*\??\.\s*(session(Id)?|authenticatedUser(name)?)\b|\bgetServerSession\s*\(|\brequire(?:User|Auth|Session|Login|SignedIn|Authenticated\w*)\s*\(|\bgetSession\s*\(|\bgetAuth\s*\(|\bauth\s*\(\s*\)|\bisAuthenticated\b|\bisLoggedIn\b|\bcurrentUser\b|\bgetCurrentUser\s*\(|\bgetUser\s*\(\s*\)|(\bcontext\s*\.\s*|(?<![.\w$]))params\s*\??\.\s*(user|authenticated|authentication)\b|\bauth\s*\??\.\s*user\b|\bmetadata\s*\.\s*get\s*\(\s*['"`][\w-]*(?:token|authorization|api-?key)['"`]/;

/** A call that verifies a credential and yields its payload or a verdict (AdonisJS' `auth.check()`, `auth.getUser()`, Strapi's users-permissions `jwt` service). */
export const VERIFIER_CALL =
  /\b(jwt|jsonwebtoken|jose|JWT|Jwt|jwtService|firebase|admin\.auth\(\)|getAuth\(\)|auth\(\))\s*\.\s*(verify|verifyAsync|verifyIdToken|verifySessionCookie|decode|jwtVerify)\b|\b(jwtVerify|jwtDecode|verifyIdToken|verifySessionCookie|verify\w*Token|verifyJwt|verifyJWT|verifyAuth\w*|verifyApiKey|validate\w*Token|validateApiKey|isValidToken|isValidApiKey|checkToken|checkApiKey|decodeToken|decodeJwt|parseToken|introspect\w*|getUserFromToken|getUserByToken|findUserByToken|getTokenPayload|getPayload|authenticateToken|validateSession|getSessionFromToken)\s*\(|\bverify\s*\(\s*(token|accessToken|idToken|jwt|bearer|authToken)\b|\bauth\s*\.\s*((authenticator|use)\s*\([^()]*\)\s*\.\s*)?(check|getUser)\s*\(|\bservices?\s*(\(\s*['"](plugin::users-permissions\.)?jwt['"]\s*\)|\.\s*jwt)\s*\.\s*verify\s*\(/;

/** Words that name a token itself: `access` beside them is a kind of token (`JwtType.ACCESS`), not a right. */
export const TOKEN_KINDS: ReadonlySet<string> = new Set(['jwt', 'jws', 'token', 'tokens', 'bearer']);
/** Words of a token's own data (its kind, audience, issuer): a check on them checks the token, not a right. */
export const TOKEN_DATA_WORDS: ReadonlySet<string> = new Set(['token', 'tokens', 'jwt', 'bearer', 'aud', 'auds', 'audience', 'audiences', 'issuer', 'iss']);

/** Verifiers that throw on failure and return the verified payload, never a falsy value. */
export const THROWING_VERIFIER =
  /\b(jwt|jsonwebtoken|jwtService|JwtService|jose|auth\(\)|admin\.auth\(\)|getAuth\(\))\s*\.\s*(verify|verifyAsync|verifyIdToken|verifySessionCookie|jwtVerify)$|^jwtVerify$/;

/** A record looked up by a value (`users.find(u => u.token === key)`, `ApiKey.findOne({ key })`). */
export const LOOKUP_CALL = /\b(find\w*|get\w*By\w*|lookup\w*|fetch\w*By\w*|select\w*By\w*|query|select|where|filter|some|has|includes|exists|sismember|sIsMember)\s*\(/;

/** JWT libraries whose verifiers are imported by name (`import { verify } from 'hono/jwt'`), and those names. */
export const VERIFIER_MODULE = /^(hono\/jwt|hono\/utils\/jwt(\/jwt)?|jsonwebtoken|jose|fast-jwt|jwt-simple|@tsndr\/cloudflare-worker-jwt)$/;
export const VERIFIER_EXPORT = /^(verify|jwtVerify|decode|createVerifier)$/;

/** A password comparison at a login endpoint. */
export const PASSWORD_CHECK =
  /\.\s*verify\w*\s*\(\s*[\w.]*\b(email|username|login)\b[^,)]*,\s*[\w.]*password|\b(bcrypt\w*|argon2|scrypt)\s*\.\s*(compare|compareSync|verify)\s*\(|\b(comparePassword|verifyPassword|checkPassword|matchPassword|isValidPassword|validPassword|isPasswordValid|isPasswordCorrect|passwordMatches|validatePassword|matchesPassword|authenticateUser|checkCredentials|validateCredentials|verifyCredentials|hash(?:ing)?Verification|passwordVerification|verifyHash|compareHash|compareHashes)\s*\(/;

/** The password a logged-in user types again: `oldPassword`, `current_password`, `body.currentPassword`. */
export const REAUTHENTICATION = /\b(old|current|previous|existing)_?pass(word)?\b|(old|current|previous|existing)Pass(word)?\b/i;

/** A user looked up by login name from the request body: absent means "wrong username". */
export const LOGIN_LOOKUP = /\b(find\w*|getUserBy\w*|where)\s*\(.*\b(email|username|userName|name|login|phone)\b/s;

/** A lookup option that says what to return, not what to find by (`select: { name: true }`, `populate: ['user']`). */
const PROJECTION_OPTION = /\b(select|include|populate|fields|attributes|projection|omit)\s*:\s*(?=[{[])/g;

/** Whether a lookup finds its record by what a user types at login, judged by its filter, not its projections. */
export function looksUpByLoginName(lookupText: string): boolean {
  return LOGIN_LOOKUP.test(withoutProjections(lookupText));
}

/** The lookup's text with each projection option's braces or brackets left out. */
function withoutProjections(text: string): string {
  let result = '';
  let from = 0;
  PROJECTION_OPTION.lastIndex = 0;
  for (let match = PROJECTION_OPTION.exec(text); match; match = PROJECTION_OPTION.exec(text)) {
    const open = match.index + match[0].length;
    const end = closingBracket(text, open);
    if (end < 0) break;
    result += text.slice(from, match.index);
    from = end + 1;
    PROJECTION_OPTION.lastIndex = from;
  }
  return result + text.slice(from);
}

/** Where the bracket opened at `open` closes, counting nesting only; -1 when it does not. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const char = text[index];
    if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return index;
    }
  }
  return -1;
}

/**
 * Data read from the request body, route or URL query, and Nest-style payload types (`LoginDto`): credential-like
 * fields there are one-time tokens or form fields.
 */
export const REQUEST_DATA = /\bevent\s*\.\s*(body|pathParameters|queryStringParameters)\b|\b(json|text|buffer)\s*\(\s*req(uest)?\s*[,)]|\b(req|request|ctx\.request|ctx)\s*\.\s*(body|params)\b|\b(query|qs\(\s*\))\s*(\.\s*|\[\s*['"`])(?!access_?token|api_?key)\w*token|\bawait\s+request\s*\.\s*(json|formData)\s*\(|\bformData\s*\.\s*get\s*\(|\bparams\s*\.\s*\w*token|\b(readBody|readValidatedBody|readFormData|getRouterParams?|getValidatedRouterParams)\s*\(|\bsearchParams\s*\.\s*get\s*\(\s*['"`](?!access_?token|api_?key)|\b\w*Dto\b/i;

/** Schema validation results: a failure is a malformed request, rightly 400. */
export const VALIDATION = /\bvalidationResult\s*\(|(?<!\bJSON\s*)\.\s*(validate|validateAsync|safeParse|parse)\s*\(\s*(req|request|ctx)?\.?\s*(body|query|params)?|\bschema\b|\bJoi\b|\byup\b|\bzod\b|\bajv\b/i;

/** Error names and codes of credential verification failures. */
export const EXPIRED_ERROR = /^(TokenExpiredError|JWTExpired|JwtTokenExpired|ERR_JWT_EXPIRED|jwt expired|auth\/id-token-expired|auth\/session-cookie-expired|auth\/user-token-expired|FST_JWT_AUTHORIZATION_TOKEN_EXPIRED|token_expired|TOKEN_EXPIRED|session_expired|SESSION_EXPIRED|ExpiredTokenException|ExpiredSignatureError|expired_token)$/i;
export const INVALID_ERROR = /^(JsonWebTokenError|NotBeforeError|JwtTokenInvalid|JwtTokenNotBefore|JwtTokenIssuedAt|JwtTokenIssuer|JwtTokenAudience|JwtTokenSignatureMismatched|JwtHeaderInvalid|JWSSignatureVerificationFailed|JWTInvalid|JWSInvalid|JWTClaimValidationFailed|JWKSNoMatchingKey|ERR_JWS_SIGNATURE_VERIFICATION_FAILED|ERR_JWT_CLAIM_VALIDATION_FAILED|ERR_JWS_INVALID|ERR_JWT_INVALID|invalid_token|invalid signature|jwt malformed|jwt must be provided|invalid token|UnauthorizedError|credentials_required|credentials_bad_scheme|credentials_bad_format|revoked_token|auth\/id-token-revoked|auth\/invalid-id-token|auth\/argument-error|FST_JWT_AUTHORIZATION_TOKEN_INVALID|FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED|FST_JWT_NO_AUTHORIZATION_IN_HEADER|TOKEN_INVALID|INVALID_TOKEN|AuthenticationError|UnauthenticatedError|InvalidTokenError)$/i;
export const MISSING_ERROR = /^(credentials_required|FST_JWT_NO_AUTHORIZATION_IN_HEADER|FST_JWT_NO_AUTHORIZATION_IN_COOKIE|NO_TOKEN|TOKEN_MISSING|missing_token)$/i;

/** Auth schemes compared against the `Authorization` header. */
export const AUTH_SCHEMES = /^(bearer|basic|token|digest|jwt|apikey|api-key)\s?$/i;

/** Message phrases (matched on string contents). */
export const MESSAGE_MISSING =
  /\bno\s+(auth(entication|orization)?\s+)?(token|jwt|bearer|credentials?|api[\s_-]?key|session|auth(orization)?\s+header)\b|\b(token|jwt|credentials?|api[\s_-]?key|authorization(\s+header)?|auth(entication)?\s+header|bearer\s+token|access\s+token|session)\s+(is\s+|was\s+)?(missing|required|not\s+(provided|found|supplied|present|given|sent))|\bmissing\s+(the\s+)?(auth(entication|orization)?|token|jwt|credentials?|api[\s_-]?key|bearer|session|access\s+token)\b|\bnot\s+(logged|signed)\s+in\b|\blog\s?in\s+required\b|\bplease\s+(log|sign)\s?in\b|\bun-?authenticated\b|\bnot\s+authenticated\b|\bauthentication\s+(is\s+)?required\b|\bmust\s+be\s+(logged|signed)\s+in\b|\bno\s+user\s+session\b|\bsession\s+not\s+found\b|\brequires?\s+(authentication|login|a\s+token)\b|未登录|未登陆|请先登录|请登录|没有登录|(缺少|未提供|未携带|没有)\s*(token|令牌|凭证|授权信息)/i;
export const MESSAGE_EXPIRED =
  /\b(token|jwt|session|credentials?|api[\s_-]?key|access\s+token|login|signature)\b[^.!?]{0,24}\b(has\s+)?(expired|timed?\s*-?\s*out)\b|\bexpired\s+(access\s+|auth\s+|id\s+)?(token|jwt|session|credentials?|api[\s_-]?key|login)\b|\btoken_expired\b|\bsession\s+timeout\b|\blogin\s+timeout\b|\bjwt\s+expired\b|(登录|登陆|token|令牌|会话|凭证)\s*(已|已经)?\s*(过期|失效|超时)/i;
export const MESSAGE_INVALID =
  /\binvalid\s+(or\s+expired\s+)?(access\s+|auth(entication)?\s+|bearer\s+|jwt\s+|api[\s_-]?|id\s+|session\s+)?(token|jwt|signature|credentials?|api[\s_-]?key|key|session|authorization(\s+header)?|auth(entication)?\s+header|login|password|username\s+or\s+password|email\s+or\s+password)\b|\b(token|jwt|credentials?|api[\s_-]?key|authorization\s+header|session|signature)\s+(is\s+|was\s+|are\s+)?(invalid|malformed|not\s+valid|revoked|bad|incorrect|unrecognized|wrong|rejected)\b|\bmalformed\s+(token|jwt|authorization|auth|bearer)\b|\bbad\s+(token|jwt|credentials?|api[\s_-]?key)\b|\b(failed\s+to\s+(authenticate|verify)(\s+token)?|authentication\s+failed|token\s+(verification\s+)?failed|could\s+not\s+(verify|validate)\s+(token|credentials?)|unable\s+to\s+(verify|validate)\s+(token|credentials?))\b|\b(wrong|incorrect|invalid)\s+(email\s+or\s+)?(password|passcode)\b|\b(wrong|incorrect)\s+credentials?\b|\binvalid_token\b|\bunknown\s+(api[\s_-]?key|token)\b|\bunsupported\s+(auth(entication|orization)?\s+)?scheme\b|\bbad\s+authorization\b|\bnot\s+authorized,?\s+token\s+failed\b|(无效|非法|错误)的?\s*(token|令牌|凭证)|(token|令牌|凭证)\s*(无效|不合法|非法|错误|验证失败|校验失败)|身份(验证|认证)失败|认证失败/i;
export const MESSAGE_LOGIN =
  /\b(invalid|wrong|incorrect|bad)\s+(login\s+)?(credentials?|password|passcode|(e-?mail|username|user\s*name)\s*(\s(or|and)\s|\/)\s*password)\b|\b(e-?mail|username|user\s*name)\s*(\s(or|and)\s|\/)\s*password\s+((is|are|was|were)\s+)?(invalid|incorrect|wrong)\b|\binvalid\s+login\b|\blogin\s+failed\b|\bpassword\s+(is\s+)?(incorrect|invalid|wrong)\b|(用户名|账号|帐号|邮箱|手机号)\s*或\s*密码\s*(错误|不正确)|密码\s*(错误|不正确)/i;
export const MESSAGE_AUTHORIZATION =
  /\b(insufficient\s+(scope|permissions?|privileges?|rights?|role)|permission\s+denied|not\s+(allowed|permitted)\s+to\b|not\s+authorized\s+to\b|not\s+authorised\s+to\b|you\s+(do\s+not|don'?t)\s+have\s+(permission|access|rights?)|admins?\s+only|only\s+(admins?|owners?|the\s+owner|moderators?)|requires?\s+(admin|role|permission|scope)|(account|user)\s+(is\s+)?(banned|suspended|blocked|disabled|locked|deactivated|not\s+verified|unverified)|email\s+(is\s+)?not\s+verified|verify\s+your\s+email|not\s+the\s+owner|(role|scope|permission)\s+required|forbidden\s+resource|access\s+to\s+this\s+resource\s+is\s+forbidden|missing\s+(scope|permission|role)s?)|没有权限|无权限|权限不足|无权|禁止访问|只有.{0,12}(拥有者|所有者|管理员|创建者)才能|仅限?管理员/i;
export const MESSAGE_EXEMPT =
  /\b(csrf|xsrf|captcha|recaptcha|hcaptcha|turnstile|reset\s+(token|link|code)|password\s+reset|(current|old|previous|existing)\s+password|verification\s+(token|link|code|email)|confirmation\s+(token|link|code)|invit(e|ation)\s+(token|link|code)|invitation\s+(has\s+|is\s+)?(expired|invalid|not\s+found)|activation\s+(token|link|code)|magic\s+link|otp|one-?time|2fa|two[\s-]factor|mfa|idempotency|cursor|page\s+token|webhook|signature\s+(verification|mismatch)|invalid\s+signature\s+header|invalid_grant|invalid_client|(invalid|expired|missing)\s+authori[sz]ation\s+code|authori[sz]ation\s+code\s+(is\s+|has\s+)?(already\s+)?(been\s+)?(invalid|expired|missing|used)|(missing|invalid)\s+code\s+verifier|code\s+verifier\s+(is\s+)?(missing|invalid)|unsupported_grant_type|refresh\s+token|refreshtoken|invalid_request|is\s+required\s+field|must\s+be\s+(a\s+)?valid\s+email)\b|(?<!token\s)\bvalidation\s+(error|errors|failed)\b/i;

/** Function and class names of authentication code (weak evidence on their own). */
export const AUTHENTICATION_FUNCTION =
  /^(authenticate\w*|auth|authn|authMiddleware|authGuard|requireAuth\w*|requireLogin|requireUser|requireSession|requireToken|ensureAuth\w*|ensureLoggedIn|isAuthenticated|isAuth|isLoggedIn|checkAuth\w*|checkToken|checkJwt|checkJWT|verifyToken|verifyJwt|verifyJWT|verifyAuth\w*|verifyAccessToken|verifyApiKey|validateToken|validateApiKey|apiKeyAuth|jwtAuth\w*|tokenAuth\w*|bearerAuth\w*|protect|protected|withAuth|authorize|authorise|authRequired|loginRequired|requiresAuth|handleAuth|authHandler|authenticationMiddleware|jwtMiddleware|tokenMiddleware|sessionMiddleware|validateSession|checkSession|login|signin|signIn|logIn)$/i;
export const AUTHENTICATION_CLASS = /(Jwt|Auth|Token|Session|ApiKey|Bearer|Authentication)(Guard|Middleware|Strategy|Interceptor|Filter)$/;
export const AUTHORIZATION_FUNCTION = /(admin|role|permission|scope|owner|ownership|acl|policy|ability|staff|moderator|subscription|plan)/i;
// `canActivate` is NestJS' guard method, not an account activation.
export const EXEMPT_FUNCTION = /(reset|forgot|verifyEmail|confirmEmail|confirm|invite|invitation|(?<!de|can)activat(e|ion)|webhook|csrf|captcha|refresh|unsubscribe|magic|otp|mfa|twoFactor)/i;

/** Verdict strings an authentication helper returns (`auth.error === 'expired'`). */
export const VERDICT_EXPIRED = /^(expired|token[_-]?expired|session[_-]?expired|jwt[_-]?expired)$/i;
export const VERDICT_MISSING = /^(missing|no[_-]?token|missing[_-]?token|unauthenticated|no[_-]?credentials|no[_-]?session)$/i;
export const VERDICT_INVALID = /^(invalid|invalid[_-]?token|malformed|revoked|bad[_-]?token|invalid[_-]?signature|unknown[_-]?key)$/i;

/** Words of function names that authenticate (`validateFirebaseIdToken`, `sessionGuard`, `apiKeyMiddleware`). */
export const AUTHENTICATION_NAME_WORDS = new Set(['auth', 'authenticate', 'authenticated', 'authentication', 'authn', 'token', 'jwt', 'bearer', 'session', 'apikey', 'credential', 'credentials', 'login', 'signin', 'logged']);

/** Route paths (`app.post('/reset-password/:token', …)`). */
export const EXEMPT_ROUTE = /(reset|forgot|verify-?email|verify\/|confirm|invit|activat|webhook|unsubscribe|magic|otp|mfa|2fa|csrf|captcha|refresh|\/token\b|oauth)/i;
export const LOGIN_ROUTE = /\/(auth\/)?(login|signin|sign-in|log-in|authenticate|session|sessions)\b/i;
