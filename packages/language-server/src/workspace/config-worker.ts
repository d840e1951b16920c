/**
 * Runs in a helper process (see `threads.ts`): executes a trusted workspace's `eslint.config.*` through ESLint and
 * answers with the `auth-status/*` rule entries it gives one file. A config that loops or never settles only
 * holds up this process, which the server stops after a timeout.
 */
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { useProjectJiti } from 'eslint-plugin-auth-status/tooling';
import { PLUGIN_PREFIX } from '../lint/rules';
import { serve } from '../threads';

export interface ConfigRequest {
  /** The config file to use: ESLint looks for no other. */
  configFile: string;
  filePath: string;
}

export type ConfigAnswer = { rules: Record<string, unknown> | undefined } | { failure: string; missing: boolean };

export function start(): void {
  const instances = new Map<string, ESLint>();
  let asked: ConfigRequest | undefined;
  // `eslint.config.ts` is loaded with the workspace's own jiti, not one beside the server's (bundled) ESLint.
  useProjectJiti(() => (asked ? [path.dirname(asked.configFile), path.dirname(asked.filePath)] : []), () => require.resolve('eslint'));
  serve(async (message) => {
    const { configFile, filePath } = message as unknown as ConfigRequest;
    asked = { configFile, filePath };
    let eslint = instances.get(configFile);
    if (!eslint) {
      eslint = new ESLint({ cwd: path.dirname(configFile), overrideConfigFile: configFile });
      instances.set(configFile, eslint);
    }
    try {
      const config = (await eslint.calculateConfigForFile(filePath)) as { rules?: Record<string, unknown> } | undefined;
      if (!config?.rules) return { rules: undefined } satisfies ConfigAnswer;
      // Only our entries travel back (they must survive structured cloning; a config may hold anything else).
      const ours = Object.entries(config.rules).filter(([id]) => id.startsWith(PLUGIN_PREFIX));
      return { rules: Object.fromEntries(ours) } satisfies ConfigAnswer;
    } catch (error) {
      const template = (error as { messageTemplate?: string }).messageTemplate;
      return { failure: (error instanceof Error ? error.message : String(error)).split('\n')[0]!, missing: template === 'config-file-missing' } satisfies ConfigAnswer;
    }
  });
}
