import { copyFile, cp, mkdir, readFile, rename, symlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

/** One project opened beside the ESLint extension, and whether ESLint itself reports our rule in its file. */
export interface CoexistenceWorkspace {
  /** The folder's name, which also names the test step. */
  readonly name: string;
  readonly folder: string;
  readonly eslintReportsOurRule: boolean;
  readonly description: string;
}

export const FILE = 'authenticate.js';

const FIXTURES = path.join(__dirname, 'fixtures');

/** Packages a project can have installed, and where this repository has them. */
const INSTALLS = {
  'eslint-plugin-auth-status': ['eslint-plugin-auth-status', 'packages/eslint-plugin'],
  eslint: ['eslint', 'node_modules/eslint'],
  'eslint@9': ['eslint', 'node_modules/eslint9'],
} as const;
type Installed = keyof typeof INSTALLS;
const NPM_INSTALL_DONE: readonly Installed[] = ['eslint', 'eslint-plugin-auth-status'];

interface Project {
  /** eslint.config.mjs's text, or the fixture's when left out; `null` for none. */
  flatConfig?: string | null;
  /** What `npm install` put into node_modules; nothing before it ran. */
  installed?: readonly Installed[];
  /** package.json fields besides the fixture's. */
  packageJson?: Record<string, unknown>;
  /** Extra files, relative to the folder. */
  files?: Record<string, string>;
}

/**
 * fixtures/eslint-config plus the middleware: a project that runs auth-status through its own ESLint setup. "npm
 * install" is played by linking the repository's ESLint and eslint-plugin-auth-status into its node_modules, so
 * the test installs nothing from the network.
 */
export async function eslintProject(repo: string, folder: string, project: Project = {}): Promise<void> {
  await cp(path.join(FIXTURES, 'eslint-config'), folder, { recursive: true });
  const config = path.join(folder, 'eslint.config.mjs');
  await rename(path.join(folder, 'eslint.config.fixture.mjs'), config);
  if (project.flatConfig !== undefined) {
    if (project.flatConfig === null) await rename(config, `${config}.unused`);
    else await writeFile(config, project.flatConfig);
  }
  await copyFile(path.join(FIXTURES, 'express', FILE), path.join(folder, FILE));
  if (project.packageJson !== undefined) {
    const packageJson = path.join(folder, 'package.json');
    const fields = JSON.parse(await readFile(packageJson, 'utf8')) as Record<string, unknown>;
    await writeFile(packageJson, JSON.stringify({ ...fields, ...project.packageJson }, null, 2));
  }
  for (const [file, text] of Object.entries(project.files ?? {})) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), text);
  }
  for (const installed of project.installed ?? []) {
    const [name, inRepo] = INSTALLS[installed];
    await mkdir(path.join(folder, 'node_modules'), { recursive: true });
    await symlink(path.join(repo, inRepo), path.join(folder, 'node_modules', name));
  }
}

/** The projects of issue 17: where ESLint really reports our rule, and where it only seems to. */
export async function coexistenceWorkspaces(repo: string, root: string): Promise<CoexistenceWorkspace[]> {
  const cases: (Omit<CoexistenceWorkspace, 'folder'> & { project: Project })[] = [
    {
      name: 'eslint-installed',
      eslintReportsOurRule: true,
      description: 'eslint.config.mjs runs the rule and npm install is done',
      project: { installed: NPM_INSTALL_DONE },
    },
    {
      name: 'eslint-not-installed',
      eslintReportsOurRule: false,
      description: 'the same eslint.config.mjs before npm install: ESLint cannot load',
      project: {},
    },
    {
      name: 'eslint-files-skip',
      eslintReportsOurRule: false,
      description: "eslint.config.mjs applies the plugin to TypeScript only, so ESLint skips the .js file",
      project: {
        installed: NPM_INSTALL_DONE,
        flatConfig: [
          "import authStatus from 'eslint-plugin-auth-status';",
          '',
          "export default [{ files: ['**/*.ts'], plugins: { 'auth-status': authStatus }, rules: { 'auth-status/require-401-for-credential-failure': 'warn' } }];",
          '',
        ].join('\n'),
      },
    },
    {
      name: 'eslint-config-broken',
      eslintReportsOurRule: false,
      description: 'eslint.config.mjs throws while loading (a misspelt config name)',
      project: {
        installed: NPM_INSTALL_DONE,
        flatConfig: ["import authStatus from 'eslint-plugin-auth-status';", '', 'export default [...authStatus.configs.recomended];', ''].join('\n'),
      },
    },
    {
      name: 'eslint-legacy-package-json',
      eslintReportsOurRule: true,
      description: 'legacy eslintConfig in package.json, ESLint 9 with eslint.useFlatConfig off',
      project: {
        installed: ['eslint@9', 'eslint-plugin-auth-status'],
        flatConfig: null,
        packageJson: {
          eslintConfig: {
            root: true,
            env: { node: true, es2022: true },
            parserOptions: { ecmaVersion: 2022 },
            plugins: ['auth-status'],
            rules: { 'auth-status/require-401-for-credential-failure': 'warn' },
          },
        },
        files: { '.vscode/settings.json': JSON.stringify({ 'eslint.useFlatConfig': false }) },
      },
    },
    {
      name: 'eslint-shared-config',
      eslintReportsOurRule: true,
      description: "eslint.config.mjs only imports the company's shared config package, which brings the plugin",
      project: {
        installed: NPM_INSTALL_DONE,
        flatConfig: "import acme from '@acme/eslint-config';\n\nexport default acme;\n",
        files: {
          'node_modules/@acme/eslint-config/package.json': JSON.stringify({ name: '@acme/eslint-config', version: '1.0.0', type: 'module', main: 'index.js' }),
          'node_modules/@acme/eslint-config/index.js': [
            "import authStatus from 'eslint-plugin-auth-status';",
            '',
            "export default [{ files: ['**/*.js'], plugins: { 'auth-status': authStatus }, rules: { 'auth-status/require-401-for-credential-failure': 'warn' } }];",
            '',
          ].join('\n'),
        },
      },
    },
  ];
  const workspaces: CoexistenceWorkspace[] = [];
  for (const { project, ...workspace } of cases) {
    const folder = path.join(root, workspace.name);
    await eslintProject(repo, folder, project);
    workspaces.push({ ...workspace, folder });
  }
  return workspaces;
}
