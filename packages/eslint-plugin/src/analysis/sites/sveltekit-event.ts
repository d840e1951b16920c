import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { isFunction, keyName, type Node, type SourceCode } from '../ast';
import { handleKey, type HandleKey } from '../handles';
import type { RuleFix, RuleFixer } from '../types';
import { importedModules } from './file-imports';

/** Keys of SvelteKit's `RequestEvent`, as handlers destructure them (`export async function GET({ request, locals })`). */
const EVENT_KEYS = new Set(['request', 'url', 'params', 'locals', 'cookies', 'fetch', 'platform', 'route', 'getClientAddress', 'isDataRequest', 'setHeaders']);

/** How code can reach the request event's `setHeaders`, the one way SvelteKit adds headers to an `error()`. */
export interface SvelteKitEvent {
  /** The callee text: `setHeaders` (destructured) or `event.setHeaders`, or null outside a SvelteKit handler. */
  setHeaders: string | null;
  /** Adds `setHeaders` to the handler's destructured parameter, when the fix needs it and it is not there. */
  destructure?: (fixer: RuleFixer) => RuleFix;
  /** Handles `setHeaders` calls are recorded on (the destructured function, the event parameter). */
  handles: HandleKey[];
}

const NONE: SvelteKitEvent = { setHeaders: null, handles: [] };

function isSvelteKitFile(sourceCode: SourceCode): boolean {
  return importedModules(sourceCode).some((module) => /^@sveltejs\/kit|\/\$types$|^\$app\//.test(module));
}

function typeName(param: TSESTree.Parameter): string | null {
  const annotation = 'typeAnnotation' in param ? param.typeAnnotation?.typeAnnotation : undefined;
  return annotation?.type === T.TSTypeReference && annotation.typeName.type === T.Identifier ? annotation.typeName.name : null;
}

/** The request event of the SvelteKit handler (or `load`, `handle` hook) around `node`. */
export function svelteKitEvent(sourceCode: SourceCode, node: Node): SvelteKitEvent {
  if (!isSvelteKitFile(sourceCode)) return NONE;
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    const param = current.params[0];
    if (param?.type === T.ObjectPattern) {
      const event = fromPattern(sourceCode, param);
      if (event) return event;
    } else if (param?.type === T.Identifier && (param.name === 'event' || /^(RequestEvent|ServerLoadEvent|LoadEvent)$|Event$/.test(typeName(param) ?? ''))) {
      const handle = handleKey(sourceCode, param);
      return { setHeaders: `${param.name}.setHeaders`, handles: handle ? [handle] : [] };
    }
  }
  return NONE;
}

function fromPattern(sourceCode: SourceCode, pattern: TSESTree.ObjectPattern): SvelteKitEvent | null {
  const properties = pattern.properties.filter((property): property is TSESTree.Property => property.type === T.Property);
  const own = properties.find((property) => keyName(property) === 'setHeaders');
  if (own) {
    if (own.value.type !== T.Identifier) return null;
    const handle = handleKey(sourceCode, own.value);
    return { setHeaders: own.value.name, handles: handle ? [handle] : [] };
  }
  if (properties.length === 0 || !properties.every((property) => EVENT_KEYS.has(keyName(property) ?? ''))) return null;
  // `event` itself may be used through a rest element; the destructured name is free in a well-formed handler.
  const first = pattern.properties[0]!;
  return { setHeaders: 'setHeaders', destructure: (fixer) => fixer.insertTextBefore(first, 'setHeaders, '), handles: [] };
}
