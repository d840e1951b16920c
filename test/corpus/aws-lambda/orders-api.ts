import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import jwt from 'jsonwebtoken';

const json = { 'Content-Type': 'application/json' };

export const listOrders = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const header = event.headers.Authorization ?? event.headers.authorization;
  if (!header) {
    return { statusCode: 403, headers: json, body: JSON.stringify({ error: 'missing bearer token' }) }; // expect: require-401-for-credential-failure
  }
  let claims: jwt.JwtPayload;
  try {
    claims = jwt.verify(header.replace(/^Bearer /, ''), process.env.JWT_SECRET!) as jwt.JwtPayload;
  } catch {
    return { statusCode: 401, headers: json, body: JSON.stringify({ error: 'token expired or invalid' }) }; // expect: require-www-authenticate
  }
  if (!claims.roles?.includes('sales')) {
    return { statusCode: 403, headers: json, body: JSON.stringify({ error: 'sales team only' }) };
  }
  return { statusCode: 200, headers: json, body: JSON.stringify(await fetchOrders(claims.sub!)) };
};

export const deleteOrder = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const caller = event.requestContext.authorizer?.claims;
  if (caller.role !== 'admin') {
    return { statusCode: 401, body: JSON.stringify({ error: 'admins only' }) }; // expect: require-403-for-permission-denial
  }
  if (!event.pathParameters?.id) {
    return { statusCode: 400, body: JSON.stringify({ error: 'order id required' }) };
  }
  return { statusCode: 204, body: '' };
};

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  if (!event.headers['x-api-key']) {
    return {
      statusCode: 401,
      headers: { ...json, 'WWW-Authenticate': 'ApiKey realm="orders"' },
      body: JSON.stringify({ error: 'api key required' }),
    };
  }
  return listOrders(event);
};

async function fetchOrders(owner: string) {
  return [{ id: 1, owner }];
}
