'use strict';
module.exports = {
  spec: ['test/**/*.test.{js,cjs,mjs,ts}'],
  require: ['tsx/cjs'],
  extension: ['ts', 'js'],
  timeout: 20000,
  reporter: 'dot',
};
