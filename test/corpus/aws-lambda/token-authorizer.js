'use strict';

const jwt = require('jsonwebtoken');

function buildPolicy(principalId, effect, resource, context) {
  return {
    principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }],
    },
    context,
  };
}

module.exports.authorize = async (event) => {
  const raw = event.authorizationToken || '';
  const [scheme, token] = raw.split(' ');
  if (scheme !== 'Bearer' || !token) {
    return buildPolicy('anonymous', 'Deny', event.methodArn); // expect: require-401-for-credential-failure
  }
  let claims;
  try {
    claims = jwt.verify(token, process.env.JWT_SECRET);
  } catch (err) {
    return buildPolicy('anonymous', 'Deny', event.methodArn); // expect: require-401-for-credential-failure
  }
  if (!claims.scopes.includes('reports:read')) {
    return buildPolicy(claims.sub, 'Deny', event.methodArn);
  }
  return buildPolicy(claims.sub, 'Allow', event.methodArn, { userId: claims.sub });
};

module.exports.legacy = (event, context, callback) => {
  if (!event.authorizationToken) {
    return callback('Unauthorized');
  }
  if (event.authorizationToken === process.env.BLOCKED_TOKEN) {
    return callback(null, {
      principalId: 'blocked',
      policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Deny', Resource: event.methodArn }] }, // expect: require-401-for-credential-failure
    });
  }
  return callback(null, buildPolicy('legacy', 'Allow', event.methodArn));
};
