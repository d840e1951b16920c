import assert from 'node:assert/strict';
import { statusesOf } from './analyze-code';

describe('status resolution', () => {
  const cases: [string, string, number[]][] = [
    ['a numeric literal', `res.status(403).end();`, [403]],
    ['a numeric string', `res.status('403').end();`, [403]],
    ['a template without expressions', 'res.status(`498`).end();', [498]],
    ['a const declared later in the file', `function f(res) { res.sendStatus(DENIED); } const DENIED = 403;`, [403]],
    ['a const bound to another const', `const A = 419; const B = A; res.status(B).end();`, [419]],
    ['a const object of the file', `const STATUS = { FORBIDDEN: 403, UNAUTHORIZED: 401 } as const; res.status(STATUS.FORBIDDEN).end();`, [403]],
    ['http-status-codes', `import { StatusCodes } from 'http-status-codes'; res.status(StatusCodes.FORBIDDEN).end();`, [403]],
    ['http-status-codes legacy named export', `import { FORBIDDEN } from 'http-status-codes'; res.status(FORBIDDEN).end();`, [403]],
    ['http-status', `const httpStatus = require('http-status'); res.status(httpStatus.BAD_REQUEST).end();`, [400]],
    ['NestJS HttpStatus', `import { HttpStatus } from '@nestjs/common'; res.status(HttpStatus.CONFLICT).end();`, [409]],
    ['node:http2 constants', `const http2 = require('node:http2'); res.writeHead(http2.constants.HTTP_STATUS_FORBIDDEN);`, [403]],
    ['destructured http2 constants', `const { constants } = require('http2'); res.writeHead(constants.HTTP_STATUS_UNAUTHORIZED);`, [401]],
    ['axios HttpStatusCode (PascalCase)', `import { HttpStatusCode } from 'axios'; res.status(HttpStatusCode.Forbidden).end();`, [403]],
    ['a well-known constant object that is not imported here', `res.status(StatusCodes.UNAUTHORIZED).end();`, [401]],
  ];
  for (const [label, code, expected] of cases) {
    it(`resolves ${label}`, () => assert.deepEqual(statusesOf(code), expected));
  }

  const unresolved: [string, string][] = [
    ['a let that is reassigned', `let code = 403; if (x) code = 500; res.status(code).end();`],
    ['a parameter', `function f(res, code) { res.status(code).end(); }`],
    ['a computed expression', `res.status(err.status || 500).end();`],
    ['a constant object of an unknown module', `import { Codes } from './codes'; res.status(Codes.FORBIDDEN).end();`],
    ['a shadowing local that is not a status', `const FORBIDDEN = 403; function f(res) { const FORBIDDEN = getCode(); res.status(FORBIDDEN).end(); }`],
    ['a number that is not a status', `res.status(42).end();`],
    ['a property of a local object that is missing', `const S = { OK: 200 }; res.status(S.FORBIDDEN).end();`],
  ];
  for (const [label, code] of unresolved) {
    it(`does not guess ${label}`, () => assert.deepEqual(statusesOf(code), []));
  }
});
