import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  exports?: Record<string, string | Record<string, string>>;
  repository?: { type?: string; url?: string; directory?: string };
  homepage?: string;
  bugs?: { url?: string };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** Every folder under `packages/`, with its manifest. */
export function workspacePackages(): { folder: string; manifest: PackageJson }[] {
  const base = path.join(ROOT, 'packages');
  return fs
    .readdirSync(base)
    .filter((name) => fs.existsSync(path.join(base, name, 'package.json')))
    .map((name) => ({
      folder: `packages/${name}`,
      manifest: JSON.parse(fs.readFileSync(path.join(base, name, 'package.json'), 'utf8')) as PackageJson,
    }));
}

/** The packages that go to the npm registry (the VS Code extension ships as a .vsix instead). */
export function publishedPackages(): { folder: string; manifest: PackageJson }[] {
  return workspacePackages().filter(({ manifest }) => !manifest.private);
}

/** npm's own list of what `npm pack` would put in the tarball. */
export function packedFiles(name: string): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--workspace', name], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [result] = JSON.parse(output) as { files: { path: string }[] }[];
  return result.files.map((file) => file.path);
}

/** Packs a workspace package into `destination` and returns the tarball's path. */
export function packInto(name: string, destination: string): string {
  const output = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--workspace', name, '--pack-destination', destination], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [result] = JSON.parse(output) as { filename: string }[];
  return path.join(destination, result.filename);
}
