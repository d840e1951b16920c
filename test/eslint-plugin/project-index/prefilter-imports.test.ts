import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { importsMeaningfulModule } from '../../../packages/eslint-plugin/src/analysis/project-index/imports';
import { writeProject } from '../../support/index-projects';

/** An error class with a status, installed under a package name the lookup leaves to its own adapter, and in the project. */
const DENIED_CLASS = ['export class Denied extends Error {', '  constructor() {', "    super('denied');", '    this.status = 403;', '  }', '}'].join('\n');

describe('project index prefilter: which imports can make a file worth parsing', () => {
  let root: string;
  before(() => {
    root = writeProject({
      'node_modules/koa/package.json': JSON.stringify({ name: 'koa', main: 'index.js' }),
      'node_modules/koa/index.js': DENIED_CLASS,
      'src/errors.js': DENIED_CLASS,
      'src/from-framework.js': ["import { Denied } from 'koa';", 'export function check(user) {', '  if (!user) throw new Denied();', '}'].join('\n'),
      'src/from-project.js': ["import { Denied } from './errors';", 'export function check(user) {', '  if (!user) throw new Denied();', '}'].join('\n'),
    });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const verdict = (file: string) => importsMeaningfulModule(fs.readFileSync(path.join(root, file), 'utf8'), path.join(root, file));

  it('a class thrown from a project module that defines a status passes', () => {
    assert.equal(verdict('src/from-project.js'), true);
  });

  it('the same class from a framework package does not: the lookup never follows it, so it is not resolved', () => {
    assert.equal(verdict('src/from-framework.js'), false);
  });
});
