import type { SiteAdapter } from '../types';
import { errorObjectsAdapter } from './error-objects';
import { expressAdapter } from './express';
import { httpErrorsAdapter } from './http-errors';
import { nodeHttpAdapter } from './node-http';
import { responseHeadersAdapter } from './response-headers';

/** Every framework adapter. Adding a framework means adding its file here; rules never change. */
export const ADAPTERS: readonly SiteAdapter[] = [
  responseHeadersAdapter,
  expressAdapter,
  nodeHttpAdapter,
  httpErrorsAdapter,
  errorObjectsAdapter,
];
