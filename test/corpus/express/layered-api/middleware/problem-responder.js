const httpStatus = require('http-status');
const { Error: MongooseError } = require('mongoose');
const HttpProblemError = require('../lib/http-problem-error');
const log = require('../config/log');
const { isProduction } = require('../config/env');

/** First error middleware: anything that is not an HttpProblemError yet becomes one. */
function toProblem(error, req, res, next) {
  if (error instanceof HttpProblemError) return next(error);
  const status = error instanceof MongooseError ? httpStatus.BAD_REQUEST : error.status || httpStatus.INTERNAL_SERVER_ERROR;
  return next(HttpProblemError.wrap(error, status));
}

// Express recognises error middleware by its four parameters.
// eslint-disable-next-line no-unused-vars
function respondWithProblem(problem, req, res, next) {
  const hide = isProduction && !problem.expose;
  const status = hide ? httpStatus.INTERNAL_SERVER_ERROR : problem.status;

  if (status >= 500) log.error({ err: problem, path: req.originalUrl });

  res.status(status).json({
    status,
    detail: hide ? httpStatus[status] : problem.message,
    ...(isProduction ? {} : { trace: problem.stack }),
  });
}

module.exports = { toProblem, respondWithProblem };
