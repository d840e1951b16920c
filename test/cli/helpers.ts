import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(REPO_ROOT, 'packages/cli/bin/auth-status-lint.js');

if (!fs.existsSync(path.join(REPO_ROOT, 'packages/cli/dist/main.js'))) {
  throw new Error('packages/cli is not built: run npm run build (or npx tsc -b packages/cli) before these tests.');
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary as a user would, without colours and without inheriting the caller's git identity. */
export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the built binary with file permissions enforced, also when the tests run as root: root keeps its user id (so
 * the checkout, wherever CI cloned it, stays readable) but drops every capability, so a file's mode bits bind it as
 * they bind anyone. Files the tests create are root's, and their owner bits decide.
 */
export function runCliUnprivileged(args: readonly string[], cwd: string): CliRun {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? 'setpriv' : process.execPath;
  const prefix = asRoot ? ['--bounding-set=-all', '--inh-caps=-all', process.execPath] : [];
  const result = spawnSync(command, [...prefix, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temporaryFolders: string[] = [];

/** A temporary folder with the given files (paths relative to it); removed after the suite. */
export function makeFolder(files: Record<string, string | Buffer> = {}): string {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'auth-status-cli-')));
  temporaryFolders.push(folder);
  writeFiles(folder, files);
  return folder;
}

export function writeFiles(folder: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const filePath = path.join(folder, name);
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    fs.writeFileSync(filePath, content);
  }
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A temporary git repository with a local identity, holding the given files (not yet staged). */
export function makeRepository(files: Record<string, string | Buffer> = {}): string {
  const folder = makeFolder(files);
  git(folder, 'init', '--quiet', '--initial-branch=main');
  git(folder, 'config', 'user.name', 'auth-status tests');
  git(folder, 'config', 'user.email', 'tests@example.invalid');
  git(folder, 'config', 'commit.gpgsign', 'false');
  return folder;
}

/** A repository with `base` committed on main, then `feature` committed on the branch `feature` (checked out). */
export function makeBranchedRepository(base: Record<string, string>, feature: Record<string, string>): string {
  const repository = makeRepository(base);
  git(repository, 'add', '.');
  git(repository, 'commit', '--quiet', '-m', 'base');
  git(repository, 'checkout', '--quiet', '-b', 'feature');
  writeFiles(repository, feature);
  git(repository, 'add', '.');
  git(repository, 'commit', '--quiet', '-m', 'feature work');
  return repository;
}

export function removeTemporaryFolders(): void {
  for (const folder of temporaryFolders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
}

after(removeTemporaryFolders);

/** Lets a temporary project's eslint.config.mjs import the plugin from this checkout, as an installed project would. */
export function linkPlugin(project: string): void {
  fs.mkdirSync(path.join(project, 'node_modules'), { recursive: true });
  const plugin = path.dirname(require.resolve('eslint-plugin-auth-status/package.json'));
  fs.symlinkSync(plugin, path.join(project, 'node_modules', 'eslint-plugin-auth-status'), 'dir');
}

/** Parses `--format json` output: ESLint's results array. */
export interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  fatal?: boolean;
  suggestions?: unknown[];
}
export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  source?: string;
}

export function lintJson(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): { run: CliRun; results: JsonResult[] } {
  const run = runCli(['--format', 'json', ...args], cwd, env);
  if (run.code === 2) throw new Error(`auth-status-lint failed: ${run.stderr}`);
  return { run, results: JSON.parse(run.stdout) as JsonResult[] };
}

/** "file:line ruleId" for every message, file relative to `cwd`, sorted: easy to compare and to read in a diff. */
export function findingsOf(results: readonly JsonResult[], cwd: string): string[] {
  return results
    .flatMap((result) =>
      result.messages.map((message) => `${path.relative(cwd, result.filePath)}:${message.line} ${message.ruleId ?? 'fatal'}`),
    )
    .sort();
}

/** Snippets with known outcomes, shared by the suites. */
export const CODE = {
  /** 403 for a missing credential: require-401-for-credential-failure (a suggestion, no autofix). */
  wrongStatus: `module.exports = function requireAuth(req, res, next) {
  if (!req.headers.authorization) {
    return res.status(403).json({ error: 'No token provided' });
  }
  next();
};
`,
  /** 401 for an expired token without a challenge: require-www-authenticate (safe autofix). */
  missingChallenge: `const jwt = require('jsonwebtoken');
module.exports = function verifyToken(req, res, next) {
  const token = req.headers.authorization;
  try {
    req.user = jwt.verify(token, process.env.SECRET);
  } catch (error) {
    return res.status(401).json({ error: 'Token expired' });
  }
  next();
};
`,
  /** The near miss: 403 for a role check is right. */
  permissionDenied: `module.exports = function requireAdmin(req, res, next) {
  if (req.user.role !== 'admin') {
    return res.status(403).json({ error: 'Admins only' });
  }
  next();
};
`,
  /** Fine code with no status at all: the prefilter skips it. */
  unrelated: `export const add = (a, b) => a + b;\n`,
};
