/**
 * An error that knows which HTTP status it should become. `expose` marks problems whose detail may be shown
 * to the client; anything else is reported as a plain 500 in production.
 */
class HttpProblemError extends Error {
  constructor(status, detail, { expose = true, cause } = {}) {
    super(detail, cause ? { cause } : undefined);
    this.name = 'HttpProblemError';
    this.status = status;
    this.expose = expose;
  }

  static wrap(error, status) {
    return error instanceof HttpProblemError ? error : new HttpProblemError(status, error.message, { expose: false, cause: error });
  }
}

module.exports = HttpProblemError;
