import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { readClaims, readSession } from './sessions';

/** Tells the web app whether its session cookie still opens the API. */
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const cookie = event.headers.Cookie ?? '';
  const sid = /(?:^|;\s*)sid=([^;]+)/.exec(cookie)?.[1];
  const session = sid ? await readSession(sid) : null;
  return {
    statusCode: session ? 204 : 401, // expect: require-www-authenticate
    body: '',
  };
};

export const plan = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const token = event.headers.authorization;
  const report = { allowed: false, reason: '' };
  if (!token) {
    report.reason = 'no session token was sent';
    return { statusCode: 403, body: JSON.stringify(report) }; // expect: require-401-for-credential-failure
  }
  const claims = await readClaims(token);
  return {
    statusCode: claims['custom:tier'] === 'pro' ? 200 : 403,
    body: JSON.stringify({ ...report, allowed: true }),
  };
};

export const reachable = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => ({
  statusCode: event.pathParameters?.id ? 200 : 404,
  body: '',
});
