const httpStatus = require('http-status');
const HttpProblemError = require('../lib/http-problem-error');

const PARTS = ['params', 'query', 'body'];

/** `checkRequestShape({ body: zodSchema, params: zodSchema })`: parses each part and replaces it with the result. */
const checkRequestShape = (schemas) => (req, res, next) => {
  const issues = [];
  for (const part of PARTS) {
    if (!schemas[part]) continue;
    const parsed = schemas[part].safeParse(req[part]);
    if (parsed.success) req[part] = parsed.data;
    else issues.push(...parsed.error.issues.map((issue) => `${part}.${issue.path.join('.')}: ${issue.message}`));
  }
  if (issues.length > 0) {
    return next(new HttpProblemError(httpStatus.BAD_REQUEST, issues.join('; ')));
  }
  return next();
};

module.exports = checkRequestShape;
