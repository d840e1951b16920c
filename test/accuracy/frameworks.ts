/**
 * Corpus folders under `test/corpus/<framework>/`. The gate in `accuracy.test.ts` only scores the frameworks whose
 * adapter has landed in the engine: extend `SUPPORTED_FRAMEWORKS` when an adapter is registered in `sites/index.ts`.
 */
export const CORPUS_FRAMEWORKS = [
  'express',
  'node-http',
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
  'client',
] as const;

export type Framework = (typeof CORPUS_FRAMEWORKS)[number];

/** Frameworks the CI gate holds to the precision/recall thresholds. */
export const SUPPORTED_FRAMEWORKS: readonly Framework[] = [
  'express',
  'node-http',
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
  'client',
];

export function isFramework(name: string): name is Framework {
  return (CORPUS_FRAMEWORKS as readonly string[]).includes(name);
}
