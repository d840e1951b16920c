import type { SiteAdapter } from '../types';
import { adonisAdapter } from './adonis';
import { adonisExceptionsAdapter } from './adonis-exceptions';
import { awsLambdaAdapter } from './aws-lambda';
import { azureFunctionsAdapter } from './azure-functions';
import { customErrorsAdapter } from './custom-errors';
import { eggAdapter } from './egg';
import { eggHelperAdapter } from './egg-helper';
import { elysiaAdapter } from './elysia';
import { errorObjectsAdapter } from './error-objects';
import { expressAdapter } from './express';
import { fastifyAdapter } from './fastify';
import { fastifyErrorAdapter } from './fastify-error';
import { feathersAdapter } from './feathers';
import { fetchAdapter } from './fetch';
import { firebaseAdapter } from './firebase';
import { graphqlAdapter } from './graphql';
import { grpcAdapter } from './grpc';
import { h3Adapter } from './h3';
import { hapiAdapter } from './hapi';
import { helperHeadersAdapter } from './helper-headers';
import { honoAdapter } from './hono';
import { httpErrorsAdapter } from './http-errors';
import { importedAdapter } from './imported';
import { kibanaAdapter } from './kibana';
import { koaAdapter } from './koa';
import { loopbackAdapter } from './loopback';
import { mercuriusAdapter } from './mercurius';
import { microAdapter } from './micro';
import { nestjsAdapter } from './nestjs';
import { nodeHttpAdapter } from './node-http';
import { responseHeadersAdapter } from './response-headers';
import { restifyAdapter } from './restify';
import { routingControllersAdapter } from './routing-controllers';
import { sailsAdapter } from './sails';
import { trpcAdapter } from './trpc';
import { strapiAdapter } from './strapi';
import { strapiPolicyAdapter } from './strapi-policy';

/** Every framework adapter. Adding a framework means adding its file here; rules never change. */
export const ADAPTERS: readonly SiteAdapter[] = [
  responseHeadersAdapter,
  helperHeadersAdapter,
  expressAdapter,
  nodeHttpAdapter,
  microAdapter,
  httpErrorsAdapter,
  errorObjectsAdapter,
  koaAdapter,
  fastifyAdapter,
  fastifyErrorAdapter,
  hapiAdapter,
  honoAdapter,
  h3Adapter,
  nestjsAdapter,
  fetchAdapter,
  adonisAdapter,
  adonisExceptionsAdapter,
  loopbackAdapter,
  elysiaAdapter,
  kibanaAdapter,
  sailsAdapter,
  trpcAdapter,
  graphqlAdapter,
  mercuriusAdapter,
  grpcAdapter,
  firebaseAdapter,
  strapiAdapter,
  strapiPolicyAdapter,
  feathersAdapter,
  restifyAdapter,
  eggAdapter,
  eggHelperAdapter,
  routingControllersAdapter,
  awsLambdaAdapter,
  azureFunctionsAdapter,
  customErrorsAdapter,
  importedAdapter,
];
