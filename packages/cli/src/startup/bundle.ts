import fs from 'node:fs';
import path from 'node:path';

/**
 * The CLI's code and the pure-JavaScript packages it loads, bundled into one file per thread (scripts/bundle.mjs,
 * run by `npm run build`): one module to resolve and one code-cache entry instead of some 350. The bundle is used
 * only while no file it was built from has changed since (`tsc -b` alone leaves it behind): its inputs in the
 * workspace are listed beside it. Inputs that are not there (the published package) do not count.
 * `AUTH_STATUS_BUNDLE=off` runs the compiled modules.
 */
export const BUNDLE_VARIABLE = 'AUTH_STATUS_BUNDLE';
export const BUNDLED_CLI = 'bundled-cli.js';
/**
 * Each bundle in dist/ and the compiled module it starts from: the threads keep the names the code that starts them
 * looks for beside itself (`worker.js`, `config-worker.js`).
 */
export const BUNDLE_ENTRIES: Record<string, string> = { [BUNDLED_CLI]: 'run.js', 'worker.js': 'lint/worker.js', 'config-worker.js': 'lint/config-worker.js' };
export const BUNDLE_INPUTS = 'bundle-inputs.json';

/** The bundled command in `distFolder` when it is there and up to date, else undefined. */
export function freshBundle(distFolder: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env[BUNDLE_VARIABLE] === 'off') return undefined;
  const bundle = path.join(distFolder, BUNDLED_CLI);
  let inputs: string[];
  let built: number;
  try {
    inputs = (JSON.parse(fs.readFileSync(path.join(distFolder, BUNDLE_INPUTS), 'utf8')) as { inputs: string[] }).inputs;
    built = fs.statSync(bundle).mtimeMs;
  } catch {
    return undefined;
  }
  const packageFolder = path.dirname(distFolder);
  for (const input of inputs) {
    const changed = fs.statSync(path.resolve(packageFolder, input), { throwIfNoEntry: false });
    if (changed !== undefined && changed.mtimeMs > built) return undefined;
  }
  return bundle;
}
