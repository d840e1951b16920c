import { mayContainFinding } from '../prefilter';
import { resolveImport } from './resolver';
import { summaryOf } from './index';

/** `from 'x'`, `import('x')`, `require('x')`: the modules a text names (a superset of what it imports). */
const SPECIFIER = /\bfrom\s*['"]([^'"\n]+)['"]|\b(?:require|import)\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/** Packages and builtins that other adapters know, or that never define a project's responses. */
const NOT_FOLLOWED = /^(?:node:|@types\/|react$|react-dom|vue$|lodash|@nestjs\/|hono|http-errors|@hapi\/|@loopback\/|@sveltejs\/|h3$|nitropack|@adonisjs\/|@fastify\/|fastify|koa|express|jsonwebtoken|jose|passport)/;

/**
 * Whether a file imports a module whose summary means something for responses: such a file can produce a
 * finding at a call even when its own text names no status (`throw new TokenExpiredError()`).
 */
export function importsMeaningfulModule(text: string, filename: string | undefined): boolean {
  if (!filename) return false;
  SPECIFIER.lastIndex = 0;
  for (let match = SPECIFIER.exec(text); match; match = SPECIFIER.exec(text)) {
    const specifier = match[1] ?? match[2]!;
    if (NOT_FOLLOWED.test(specifier)) continue;
    const file = resolveImport(specifier, filename);
    const summary = file ? summaryOf(file) : null;
    if (summary && (summary.exports.size > 0 || summary.reexports.length > 0)) return true;
  }
  return false;
}

/** The prefilter for tools that have not parsed the file yet: its own text, or what its imports define, may lead to a finding. */
export function mayContainFindingIn(text: string, filename: string | undefined): boolean {
  return mayContainFinding(text) || importsMeaningfulModule(text, filename);
}
