import assert from 'node:assert/strict';
import { hasSignalText, mayContainFinding } from 'eslint-plugin-auth-status/tooling';
import { CodeScanner } from '../../../packages/eslint-plugin/src/analysis/code-scanner';

/** Each line is a whole file. */
const MAY_HAVE_FINDINGS: Record<string, string> = {
  'an argument': 'res.status(401).end();',
  'a second argument': "c.json({ error: 'expired' }, 403);",
  'a property value': 'return new Response(null, { status: 403 });',
  'an assignment': 'ctx.status = 401',
  'an assignment ended by a new line': 'ctx.status = 403\nctx.body = { message: "no token" }',
  'a comparison': 'if (error.response?.status === 401) refresh();',
  'a case': 'switch (status) { case 403: return retry(); }',
  'a status list': 'if ([401, 403].includes(response.status)) logout();',
  'a status list across lines': 'const RETRY = [\n  401,\n  403,\n];',
  'a ternary': 'res.status(user ? 403 : 401);',
  'a default': 'res.status(err.status || 403);',
  'a return': 'function statusFor() { return 403; }',
  'an arrow body': 'const status = () => 403;',
  'a TypeScript const': 'const FORBIDDEN_STATUS = 403 as const;',
  'a decorator': '@HttpCode(403)\nfinish() {}',
  'a status string': "res.status('403');",
  'a template that holds a status and nothing else': 'res.status(`498`).end();',
  'a template expression': 'const body = `${res.status(403)}`;',
  'a status name': 'throw new ForbiddenException();',
  'a constant object member': 'res.status(StatusCodes.FORBIDDEN);',
  'an http2 constant': 'stream.respond({ ":status": HTTP_STATUS_FORBIDDEN });',
  'an http-errors class': "import { Unauthorized } from 'http-errors';",
  'a Boom helper': 'throw Boom.unauthorized("expired");',
  'an Adonis abort': 'response.abort({ message: "no token" })',
  "Elysia's reason phrase": "set.status = 'Bad Request';",
  'a status after a regular expression': "if (/^Bearer /.test(header)) res.status(403);",
  'a status after a division': 'const half = total / 2; res.status(403);',
  'a status after a comment with a quote': "// don't\nres.status(403);",
  'a status before a status word in a comment (the two searches are read in text order)': 'res.status(403); // Forbidden',
  'a gRPC status': 'callback({ code: status.PERMISSION_DENIED, details: "no token" });',
  'a gRPC status for a malformed request': 'callback({ code: status.INVALID_ARGUMENT, details: "no token" });',
  'a tRPC error': "throw new TRPCError({ code: 'CONFLICT' });",
  'a GraphQL error code': "throw new GraphQLError('Sign in', { extensions: { code: 'UNAUTHENTICATED' } });",
  'an Apollo Server 3 class': "throw new AuthenticationError('Sign in');",
  'a Firebase callable error': "throw new HttpsError('permission-denied', 'Sign in');",
  'a Feathers credential class': "throw new errors.NotAuthenticated('Sign in');",
  "restify's 403 class": "return next(new NotAuthorizedError('no token'));",
  'an egg-errors alias, known by its package': "const { E403 } = require('egg-errors');\nthrow new E403('Sign in');",
  'an old restify class, known by its package': "const restify = require('restify');\nnext(new restify.MissingParameterError('token'));",
  'a status after a JSX closing tag': 'app.get("/", (c) => c.html(<p>Sign in first</p>, 401));',
  'a 500 where a login is spoken of': "if (!matches) throw createError({ statusCode: 500, statusMessage: 'Wrong password' });",
  "Strapi's 500 helper at a login": "async login(ctx) { if (!account) return ctx.internalServerError('No account'); }",
};

const CANNOT_HAVE_FINDINGS: Record<string, string> = {
  'no signal at all': 'export const add = (a, b) => a + b;',
  'a 500 with no login in the file': "catch (error) { return res.status(500).json({ message: 'Database unavailable' }); }",
  'a 500 in arithmetic beside a login': 'const delay = attempts * 500; // login retries',
  'a line comment': '// answers 403 when the token is missing\nexport default {};',
  'a block comment': '/* see RFC 9110 section 15.5.4: 403 Forbidden */\nexport {};',
  'prose in a string': 'throw new Error("the server answered 401 twice");',
  'a regular expression': 'const THREE_DIGITS = /^(?:401|403)$/;',
  'arithmetic': 'const leap = year % 400 === 0;',
  'an ordering': 'if (status >= 400) log(status);',
  'a negative number': 'offset = -401;',
  'a data table': 'const primes = [389, 397, 401, 409, 419, 421];',
  'a table of digit strings': "const codes = ['398', '400', '404', '408'];",
  'a port choice': 'const port = secure ? 443 : 80;',
  'a map key': 'const schema = { 400: badRequest, 200: ok };',
  'JSX text': 'const page = <p>Error 403</p>;',
  'a decimal': 'const ratio = 1.403;',
  'a name inside another identifier': 'function createForbiddenExclusivityError() {}',
  'an upper-case name with a suffix': 'const FORBIDDEN_EXCLUSIVITY = "ERR_FORBIDDEN";',
  "an AbortController's abort": 'controller.abort(new Error("replaced"));',
  'a status in a template chunk': 'const text = `status 403 ${name}`;',
  'a template of a status used as text': 'const line = `403`.padStart(5);',
};

describe('the prefilter', () => {
  for (const [name, text] of Object.entries(MAY_HAVE_FINDINGS)) {
    it(`passes ${name}`, () => assert.equal(mayContainFinding(text), true, text));
  }
  for (const [name, text] of Object.entries(CANNOT_HAVE_FINDINGS)) {
    it(`rules out ${name}`, () => assert.equal(mayContainFinding(text), false, text));
  }

  it('never passes a text the cheap first stage rules out', () => {
    for (const text of [...Object.values(MAY_HAVE_FINDINGS), ...Object.values(CANNOT_HAVE_FINDINGS)]) {
      if (!hasSignalText(text)) assert.equal(mayContainFinding(text), false, text);
    }
  });

  it('reads a huge minified line without trouble', () => {
    const noise = 'a=b+c;'.repeat(200_000);
    assert.equal(mayContainFinding(`${noise}res.status(403)`), true);
    assert.equal(mayContainFinding(`${noise}x%403`), false);
  });
});

describe('the code scanner', () => {
  const regions = (text: string, ...needles: string[]) => {
    const scanner = new CodeScanner(text);
    return needles.map((needle) => scanner.regionAt(text.indexOf(needle)).region);
  };

  it('tells code, comments, strings, templates and regular expressions apart', () => {
    assert.deepEqual(
      regions("a // one\nb /* two */ 'three' `four ${five} six`; /seven/.test(x) / eight", 'a', 'one', 'b', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'),
      ['code', 'comment', 'code', 'comment', 'string', 'template', 'code', 'template', 'regex', 'code'],
    );
  });

  it('follows nested template literals and braces inside their expressions', () => {
    assert.deepEqual(regions('`a ${ { b: `c ${d}` }.b } e` f', 'a', 'b', 'c', 'd', 'e', 'f'), ['template', 'code', 'template', 'code', 'template', 'code']);
  });

  it('keeps a wrong guess about a quote to its own line', () => {
    assert.deepEqual(regions("<p>Don't</p>;\nres.status(403)", 'Don', 'res'), ['code', 'code']);
  });
});
