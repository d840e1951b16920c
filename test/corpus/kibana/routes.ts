import type { IRouter } from '@kbn/core/server';
import { schema } from '@kbn/config-schema';

export function registerReportRoutes(router: IRouter, deps: { verifyApiKey(key: string): Promise<boolean> }) {
  router.get(
    { path: '/api/reports/{id}', validate: { params: schema.object({ id: schema.string() }) } },
    async (context, request, response) => {
      const apiKey = request.headers['x-api-key'];
      if (!apiKey) {
        return response.forbidden({ body: { message: 'API key required' } }); // expect: require-401-for-credential-failure
      }
      if (!(await deps.verifyApiKey(String(apiKey)))) {
        return response.unauthorized({ body: { message: 'Invalid API key' } }); // expect: require-www-authenticate
      }
      const core = await context.core;
      const report = await core.savedObjects.client.get('report', request.params.id);
      if (!report) return response.notFound();
      return response.ok({ body: report });
    }
  );

  router.delete(
    { path: '/api/reports/{id}', validate: { params: schema.object({ id: schema.string() }) } },
    async (context, request, response) => {
      const core = await context.core;
      const user = core.security.authc.getCurrentUser();
      if (!user.roles.includes('reporting_admin')) {
        return response.unauthorized({ body: { message: 'Only reporting admins can delete reports' } }); // expect: require-403-for-permission-denial
      }
      if (!request.params.id.match(/^[a-z0-9-]+$/)) {
        return response.badRequest({ body: 'Malformed report id' });
      }
      return response.ok({ body: {} });
    }
  );

  router.post(
    { path: '/api/reports/_export', validate: false },
    async (context, request, response) => {
      const token = request.headers.authorization;
      if (!token) {
        return response.unauthorized({
          headers: { 'WWW-Authenticate': 'ApiKey realm="kibana"' },
          body: { message: 'Authentication required' },
        });
      }
      if (isExpired(String(token))) {
        return response.customError({ statusCode: 419, body: { message: 'Session expired' } }); // expect: require-401-for-credential-failure
      }
      const core = await context.core;
      if (!core.security.authz.mode.useRbacForRequest(request)) {
        return response.forbidden({ body: { message: 'Export is not allowed for this space' } });
      }
      return response.ok({ body: { started: true } });
    }
  );
}

declare function isExpired(token: string): boolean;
