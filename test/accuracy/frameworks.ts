/**
 * Corpus folders under `test/corpus/<framework>/`. The gate in `accuracy.test.ts` only scores the frameworks whose
 * adapter has landed in the engine: a new folder whose adapter is still being written goes into `IN_PROGRESS`.
 */
export const CORPUS_FRAMEWORKS = [
  'express',
  'node-http',
  'micro',
  'http-errors',
  'koa',
  'fastify',
  'nestjs',
  'hapi',
  'hono',
  'fetch',
  'h3',
  'adonis',
  'loopback',
  'sails',
  'trpc',
  'graphql',
  'grpc',
  'firebase',
  'elysia',
  'kibana',
  'feathers',
  'restify',
  'egg',
  'aws-lambda',
  'azure-functions',
  'oak',
  'client',
] as const;

export type Framework = (typeof CORPUS_FRAMEWORKS)[number];

/** Corpus folders whose adapter is still being written: scored by `npm run eval`, not held by the gate. */
const IN_PROGRESS: readonly Framework[] = [];

/** Frameworks the CI gate holds to the precision/recall thresholds. */
export const SUPPORTED_FRAMEWORKS: readonly Framework[] = CORPUS_FRAMEWORKS.filter((framework) => !IN_PROGRESS.includes(framework));

export function isFramework(name: string): name is Framework {
  return (CORPUS_FRAMEWORKS as readonly string[]).includes(name);
}
