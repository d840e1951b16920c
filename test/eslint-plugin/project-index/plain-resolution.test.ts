import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ASK_TYPESCRIPT, clearPlainResolutions, resolveWithoutTypeScript } from '../../../packages/eslint-plugin/src/analysis/project-index/plain-resolution';
import { clearResolutions, resolveByTypeScript } from '../../../packages/eslint-plugin/src/analysis/project-index/resolver';
import { writeProject } from '../../support/index-projects';

const stub = 'export const code = 401;\n';

/** A project that walks through TypeScript's steps: extension order, index files, `paths`, `baseUrl`, `extends`. */
const PROJECT = {
  'tsconfig.json': '{\n  // the base holds the paths\n  "extends": "./configs/base",\n  "compilerOptions": { "baseUrl": "src", },\n}\n',
  'configs/base.json': JSON.stringify({ compilerOptions: { paths: { '@app/*': ['app/*', 'fallback/*'], '@app/special/*': ['special/*'], '@lib': ['lib/main'], '@data': ['shared/consts.json'], '#app/*': ['app/*'] } } }),
  'src/app/entry.ts': stub,
  'src/app/user.service.ts': stub,
  'src/app/codes.ts': stub,
  'src/app/codes.js': stub,
  'src/app/both.ts': stub,
  'src/app/both/index.ts': stub,
  'src/app/folder/index.tsx': stub,
  'src/app/typed.d.ts': 'export declare const code: number;\n',
  'src/app/typed.js': stub,
  'src/app/esm.mts': stub,
  'src/app/view.jsx': stub,
  'src/fallback/only-here.ts': stub,
  'src/special/x.ts': stub,
  'src/app/x.ts': stub,
  'src/lib/main.js': stub,
  'src/shared/consts.json': '{ "UNAUTHORIZED": 401 }\n',
  'src/shared/errors.ts': stub,
  'src/pkgdir/package.json': '{ "main": "lib.js" }\n',
  'src/pkgdir/lib.js': stub,
  'js/jsconfig.json': '{ "compilerOptions": { "baseUrl": "." } }\n',
  'js/lib/h.js': stub,
  'js/a.js': stub,
  'nodenext/tsconfig.json': '{ "compilerOptions": { "module": "NodeNext", "moduleResolution": "NodeNext" } }\n',
  'nodenext/a.ts': stub,
  'nodenext/b.ts': stub,
  'shared-config/tsconfig.json': '{ "extends": "@tsconfig/node20/tsconfig.json" }\n',
  'shared-config/a.ts': stub,
  'shared-config/b.ts': stub,
  'self/package.json': '{ "name": "self-pkg", "exports": { "./x": "./x.js" } }\n',
  'self/x.js': stub,
  'self/a.js': stub,
  'installed/node_modules/lib/index.js': stub,
  'installed/node_modules/lib/codes.js': stub,
  'installed/a.js': stub,
};

/** Imports answered without TypeScript, by importing file: specifier → the file found (TypeScript finds the same). */
const ANSWERED: Record<string, Record<string, string | null>> = {
  'src/app/entry.ts': {
    './user.service': 'src/app/user.service.ts',
    './codes.js': 'src/app/codes.ts',
    './codes': 'src/app/codes.ts',
    './both': 'src/app/both.ts',
    './folder': 'src/app/folder/index.tsx',
    './typed': 'src/app/typed.d.ts',
    './esm.mjs': 'src/app/esm.mts',
    './view.js': 'src/app/view.jsx',
    './missing': null,
    '../shared/consts.json': 'src/shared/consts.json',
    '.': null,
    '@app/only-here': 'src/fallback/only-here.ts',
    '@app/special/x': 'src/special/x.ts',
    '@app/x': 'src/app/x.ts',
    '@lib': 'src/lib/main.js',
    '@data': 'src/shared/consts.json',
    'shared/errors': 'src/shared/errors.ts',
    'express': null,
    '@ioc:Adonis/Core/Env': null,
    // A `#` name: through `paths` like any other; with no package.json above to map it (`imports`), nothing.
    '#app/x': 'src/app/x.ts',
    '#imports': null,
  },
  'js/a.js': {
    // A tsconfig.json above wins over a nearer jsconfig.json, as in TypeScript: its baseUrl (src) has no lib/h.
    'lib/h': null,
    './lib/h.js': 'js/lib/h.js',
  },
  'self/a.js': {
    'other-pkg': null,
  },
  // Inside a package: a relative name keeps the path as found (TypeScript follows links only for package names).
  'installed/node_modules/lib/index.js': {
    './codes': 'installed/node_modules/lib/codes.js',
  },
};

/** Imports left to TypeScript: a package.json folder, options or configs only it reads, packages that may be installed. */
const LEFT_TO_TYPESCRIPT = [
  ['src/app/entry.ts', '@app/nowhere'],
  ['src/app/entry.ts', '../pkgdir'],
  ['nodenext/a.ts', './b'],
  ['shared-config/a.ts', './b'],
  ['self/a.js', 'self-pkg/x'],
  ['self/a.js', '#internal'],
  ['installed/a.js', 'lib'],
] as const;

/** A package.json or node_modules folder above the temporary project: either changes what TypeScript resolves in it. */
function strayAbove(root: string): string[] {
  const found: string[] = [];
  for (let folder = path.dirname(root); ; folder = path.dirname(folder)) {
    for (const name of ['package.json', 'node_modules']) if (fs.existsSync(path.join(folder, name))) found.push(path.join(folder, name));
    if (path.dirname(folder) === folder) return found;
  }
}

describe('module resolution without TypeScript (project index)', () => {
  let root: string;
  before(() => {
    root = writeProject(PROJECT);
    clearResolutions();
    const stray = strayAbove(root);
    if (stray.length > 0) throw new Error(`${stray.join(' and ')} above the temporary project changes how TypeScript resolves package names and # imports in it; remove it to run these tests`);
  });
  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
    clearResolutions();
  });

  for (const [from, specifiers] of Object.entries(ANSWERED)) {
    for (const [specifier, expected] of Object.entries(specifiers)) {
      it(`${specifier} from ${from}: answered as TypeScript answers`, () => {
        const fromFile = path.join(root, from);
        const plain = resolveWithoutTypeScript(specifier, fromFile);
        assert.equal(plain, expected === null ? null : path.join(root, expected));
        assert.equal(resolveByTypeScript(specifier, fromFile), plain, 'TypeScript finds the same');
      });
    }
  }

  for (const [from, specifier] of LEFT_TO_TYPESCRIPT) {
    it(`${specifier} from ${from}: left to TypeScript`, () => assert.equal(resolveWithoutTypeScript(specifier, path.join(root, from)), ASK_TYPESCRIPT));
  }

  it('finds a file added after a resolution only once the resolutions are cleared', () => {
    const fromFile = path.join(root, 'src/app/entry.ts');
    assert.equal(resolveWithoutTypeScript('./later', fromFile), null);
    fs.writeFileSync(path.join(root, 'src/app/later.ts'), stub);
    assert.equal(resolveWithoutTypeScript('./later', fromFile), null);
    clearPlainResolutions();
    assert.equal(resolveWithoutTypeScript('./later', fromFile), path.join(root, 'src/app/later.ts'));
  });
});
