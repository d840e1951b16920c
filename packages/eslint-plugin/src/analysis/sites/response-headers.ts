import { T } from '../node-types';
import { propertyName, skipWrappers } from '../ast';
import { handleKey, headerNamesOfArguments, headerNamesOfObject } from '../handles';
import { baseReceiver } from '../response-object';
import type { SiteAdapter } from '../types';

/** Methods that set headers on a response-like object, shared by Express, node:http, Fastify, Koa and Fetch `Headers`. */
export const HEADER_SETTERS = new Set(['set', 'header', 'setHeader', 'append', 'appendHeader', 'setHeaders', 'headers']);

/**
 * Records every header set on a handle: `res.set('WWW-Authenticate', v)`, `res.setHeader(…)`, `res.set({ … })`,
 * and headers attached to error objects (`err.headers = { … }`, `err.headers['WWW-Authenticate'] = v`).
 * Sites ask the registry whether their handle got a header.
 */
export const responseHeadersAdapter: SiteAdapter = {
  framework: 'headers',
  nodeTypes: [T.CallExpression, T.AssignmentExpression],
  visit(node, context) {
    if (node.type === T.CallExpression && node.callee.type === T.MemberExpression) {
      const method = propertyName(node.callee);
      if (method === null || !HEADER_SETTERS.has(method)) return;
      const { callee } = node;
      // `map.set(…)` is as common as `res.set(…)`: whose it is, is worked out only if a site asks.
      context.headers.recordLater(() => {
        const handle = handleKey(context.sourceCode, baseReceiver(callee.object));
        if (handle) context.headers.record(handle, headerNamesOfArguments(node.arguments, context.sourceCode), node);
      });
      return;
    }
    if (node.type !== T.AssignmentExpression || node.left.type !== T.MemberExpression) return;
    const target = node.left;
    if (propertyName(target) === 'headers') {
      // err.headers = { 'WWW-Authenticate': v }
      const handle = handleKey(context.sourceCode, target.object);
      if (handle) context.headers.record(handle, headerNamesOfObject(node.right, context.sourceCode), node);
      return;
    }
    const holder = skipWrappers(target.object);
    if (holder.type === T.MemberExpression && propertyName(holder) === 'headers') {
      // err.headers['WWW-Authenticate'] = v
      const handle = handleKey(context.sourceCode, holder.object);
      const name = propertyName(target);
      if (handle) context.headers.record(handle, [name === null ? '*' : name.toLowerCase()], node);
    }
  },
};
