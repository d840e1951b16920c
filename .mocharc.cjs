'use strict';
module.exports = {
  spec: ['test/**/*.test.{js,cjs,mjs,ts}'],
  require: ['tsx/cjs'],
  extension: ['ts', 'js'],
  timeout: 20000,
  reporter: 'dot',
  // A stray `.only` (mocha's or RuleTester's) would skip the rest of the suite and still pass: fail instead.
  forbidOnly: true,
};
