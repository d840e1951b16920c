import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { ESLint } from 'eslint';
import { JITI_MISSING, useProjectJiti } from 'eslint-plugin-auth-status/tooling';
import { pickOurRules } from './rules-config';

/**
 * Loads the project's ESLint config in its own thread, so the main thread can stop a config that loops, never
 * settles or keeps timers running. Answers `{ id, filePath }` with our rules for that file, or the error.
 */
export interface ConfigRequest {
  id: number;
  filePath: string;
}
export type ConfigAnswer =
  | { id: number; rules: Record<string, unknown> }
  | { id: number; error: { message: string; messageTemplate?: string } };

const { cwd, configFile } = workerData as { cwd: string; configFile: string | undefined };

// ESLint warns on stderr when a config is empty ([]); the CLI reads only our rules from it, so that is not news.
const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
process.emitWarning = ((warning: unknown, ...rest: unknown[]) => {
  const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
  if (type === 'ESLintEmptyConfigWarning') return;
  emitWarning(warning, ...rest);
}) as typeof process.emitWarning;

let askedFor = cwd;
const jiti = useProjectJiti(() => [path.dirname(configFile ?? askedFor), path.dirname(askedFor), cwd], () => require.resolve('eslint'));
const eslint = new ESLint({ cwd, overrideConfigFile: configFile });

parentPort!.on('message', ({ id, filePath }: ConfigRequest) => {
  askedFor = filePath;
  void eslint.calculateConfigForFile(filePath).then(
    (config: { rules?: Record<string, unknown> } | undefined) => answer({ id, rules: pickOurRules(config?.rules) }),
    (error: unknown) => {
      const described = describe(error);
      // ESLint words the failure itself; the flag says it was our lookup that found no jiti.
      const jitiMissing = jiti.missing && /\bjiti\b/.test(described.message);
      answer({ id, error: jitiMissing ? { ...described, messageTemplate: JITI_MISSING } : described });
    },
  );
});

function answer(message: ConfigAnswer): void {
  try {
    parentPort!.postMessage(message);
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: describe(error) });
  }
}

function describe(error: unknown): { message: string; messageTemplate?: string } {
  const { message, messageTemplate } = (error ?? {}) as { message?: unknown; messageTemplate?: unknown };
  return {
    message: typeof message === 'string' ? message : String(error),
    ...(typeof messageTemplate === 'string' ? { messageTemplate } : {}),
  };
}
