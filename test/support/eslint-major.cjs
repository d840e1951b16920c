'use strict';
/**
 * `--require` this to run a suite against another ESLint major: with AUTH_STATUS_ESLINT=9, every `eslint` and
 * `eslint/…` import (ours, RuleTester's, the parsers') resolves to the `eslint9` alias install instead.
 */
const Module = require('node:module');

const major = process.env.AUTH_STATUS_ESLINT;
if (major && major !== '10') {
  const alias = `eslint${major}`;
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    const redirected = request === 'eslint' || request.startsWith('eslint/') ? alias + request.slice('eslint'.length) : request;
    return resolve.call(this, redirected, ...rest);
  };
  const { version } = require(`${alias}/package.json`);
  if (!version.startsWith(`${major}.`)) throw new Error(`${alias} is ESLint ${version}, not ${major}.x`);
}
