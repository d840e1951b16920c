/**
 * Text that every file with a response site contains: a 4xx status (or 999) as digits, a status constant
 * name, an http-errors class (`createError.Conflict`), a NestJS 4xx exception, a Boom or sensible helper. A file without any of these cannot produce a report, so neither the engine
 * nor the CLI needs to look further. Keep it a superset of what the adapters recognise.
 */
export const MAY_CONTAIN_FINDING =
  /\b(?:4\d\d|999)\b|UNAUTHORI[SZ]ED|FORBIDDEN|Unauthori[sz]ed|Forbidden|BAD_REQUEST|BadRequest|HTTP_STATUS_|StatusCodes?\b|HttpStatus|httpStatus|(?:HttpErrors|httpErrors|createError|createHttpError)\s*(?:\.\s*[A-Z]|\[)|http-errors|(?:Http|Unauthorized|Forbidden|BadRequest|LoginTimeout|MethodNotAllowed|NotAcceptable|RequestTimeout|Conflict|Gone|PreconditionFailed|PayloadTooLarge|UnsupportedMediaType|ImATeapot|Misdirected|UnprocessableEntity)Exception|Boom\b|HTTPException|canActivate|AuthGuard|\.(?:unauthorized|forbidden|badRequest|expired|abort(?:If|Unless)?)\s*\(|@hapi\/boom|['"]boom['"]|getHttpError|\.(?:paymentRequired|notAcceptable|proxyAuth\w*|requestTimeout|conflict|gone|preconditionFailed|unprocessableEntity|imATeapot|locked|failedDependency|tooEarly|upgradeRequired|preconditionRequired)\s*\(/;

export function mayContainFinding(text: string): boolean {
  return MAY_CONTAIN_FINDING.test(text);
}
