#!/usr/bin/env node
// Prepares a release: every package moves to the same version, the CLI and the language server pin the plugin at
// it, each CHANGELOG's "Unreleased" section becomes that version's, and the README and pre-commit hook point at
// the new tag. It only edits files; RELEASING.md lists the commit, tag and publish steps that follow.
//
//   node scripts/release.mjs 0.2.0 [--date 2026-12-24] [--root DIR]
import fs from 'node:fs';
import path from 'node:path';

const PLUGIN = 'eslint-plugin-auth-status';
const UNRELEASED = '## Unreleased';
const NOTHING_OWN = '- No changes of its own; released with the other packages.';

function fail(message) {
  process.stderr.write(`release: ${message}\n`);
  process.exit(2);
}

function parseArguments(argv) {
  const options = { root: process.cwd(), date: new Date().toISOString().slice(0, 10) };
  const rest = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--root' || argument === '--date') options[argument.slice(2)] = argv[++index];
    else rest.push(argument);
  }
  if (rest.length !== 1) fail('usage: node scripts/release.mjs VERSION [--date YYYY-MM-DD] [--root DIR]');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date ?? '')) fail(`--date must be YYYY-MM-DD, not "${options.date}"`);
  return { ...options, version: rest[0] };
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

/** Is `next` a later release than `current`? (A pre-release sorts before its release.) */
function isLater(next, current) {
  const [a, b] = [SEMVER.exec(next), SEMVER.exec(current)];
  for (let part = 1; part <= 3; part++) {
    if (Number(a[part]) !== Number(b[part])) return Number(a[part]) > Number(b[part]);
  }
  if (a[4] === b[4]) return false;
  if (a[4] === undefined) return true;
  if (b[4] === undefined) return false;
  return a[4] > b[4];
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (file, value) => fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

function editText(file, edit) {
  if (!fs.existsSync(file)) return;
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
}

/** The Unreleased section becomes the release's; an empty one says the package moved in step. */
function releaseChangelog(text, version, date, file) {
  const start = text.indexOf(`${UNRELEASED}\n`);
  if (start === -1) fail(`${file} has no "${UNRELEASED}" section`);
  const bodyStart = start + UNRELEASED.length + 1;
  const next = text.indexOf('\n## ', bodyStart);
  const bodyEnd = next === -1 ? text.length : next + 1;
  const body = text.slice(bodyStart, bodyEnd).trim();
  const entries = body === '' || body === '- Nothing yet.' ? NOTHING_OWN : body;
  return `${text.slice(0, start)}${UNRELEASED}\n\n- Nothing yet.\n\n## ${version} (${date})\n\n${entries}\n\n${text.slice(bodyEnd).replace(/^\n+/, '')}`;
}

function main() {
  const { root, date, version } = parseArguments(process.argv.slice(2));
  if (!SEMVER.test(version)) fail(`"${version}" is not a version (X.Y.Z or X.Y.Z-pre)`);
  const rootManifestFile = path.join(root, 'package.json');
  const rootManifest = readJson(rootManifestFile);
  const current = rootManifest.version;
  if (!isLater(version, current)) fail(`${version} is not later than the current ${current}`);

  const folders = rootManifest.workspaces;
  rootManifest.version = version;
  writeJson(rootManifestFile, rootManifest);
  for (const folder of folders) {
    const file = path.join(root, folder, 'package.json');
    const manifest = readJson(file);
    manifest.version = version;
    if (manifest.dependencies?.[PLUGIN]) manifest.dependencies[PLUGIN] = version;
    writeJson(file, manifest);
    editText(path.join(root, folder, 'CHANGELOG.md'), (text) => releaseChangelog(text, version, date, `${folder}/CHANGELOG.md`));
  }

  const lockFile = path.join(root, 'package-lock.json');
  if (fs.existsSync(lockFile)) {
    const lock = readJson(lockFile);
    lock.version = version;
    for (const key of ['', ...folders]) {
      const entry = lock.packages?.[key];
      if (!entry) continue;
      entry.version = version;
      if (entry.dependencies?.[PLUGIN]) entry.dependencies[PLUGIN] = version;
    }
    writeJson(lockFile, lock);
  }

  const escaped = current.replace(/[.]/g, '\\.');
  editText(path.join(root, 'README.md'), (text) =>
    text.replace(new RegExp(`\\bv${escaped}\\b`, 'g'), `v${version}`).replace(new RegExp(`-${escaped}\\.tgz`, 'g'), `-${version}.tgz`),
  );
  editText(path.join(root, '.pre-commit-hooks.yaml'), (text) =>
    text.replace(new RegExp(`\\bv${escaped}\\b`, 'g'), `v${version}`).replace(`auth-status-cli@${current}`, `auth-status-cli@${version}`),
  );
  process.stdout.write(`Prepared v${version} (was ${current}). Next: see RELEASING.md (test, commit, tag v${version}, publish).\n`);
}

main();
