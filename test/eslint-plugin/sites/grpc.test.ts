import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester, ruleTester } from '../rule-tester';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const GRPC = `import * as grpc from '@grpc/grpc-js';
`;
const STATUS = `import { status } from '@grpc/grpc-js';
`;

ruleTester.run('grpc: require-401-for-credential-failure', credential, {
  valid: [
    // The right code for a missing token.
    `${GRPC}function getUser(call, callback) { const token = call.metadata.get('authorization')[0]; if (!token) return callback({ code: grpc.status.UNAUTHENTICATED, details: 'No token' }); }`,
    // PERMISSION_DENIED for a role check is right.
    `${STATUS}function deleteUser(call, callback) { if (call.user.role !== 'admin') return callback({ code: status.PERMISSION_DENIED, details: 'Admins only' }); }`,
    // Near-miss: a `status` object that is not grpc's.
    `import { status } from './status';
function getUser(call, callback) { const token = call.metadata.get('authorization')[0]; if (!token) return callback({ code: status.PERMISSION_DENIED, details: 'No token' }); }`,
    // Near-miss: PERMISSION_DENIED with no reason in sight.
    `${STATUS}function getUser(call, callback) { if (!call.request.enabled) return callback({ code: status.PERMISSION_DENIED }); }`,
    // Near-miss: another gRPC code for a missing field.
    `${STATUS}function getUser(call, callback) { if (!call.request.id) return callback({ code: status.INVALID_ARGUMENT, details: 'id required' }); }`,
  ],
  invalid: [
    {
      code: `${GRPC}function getUser(call, callback) {
  const token = call.metadata.get('authorization')[0];
  if (!token) {
    return callback({ code: grpc.status.PERMISSION_DENIED, details: 'Missing token' });
  }
}`,
      errors: [
        {
          messageId: 'wrongCode',
          line: 5,
          data: {
            written: 'grpc.status.PERMISSION_DENIED',
            problem: 'a missing credential',
            evidence: "!token, 'Missing token'",
            credential: 'grpc.status.UNAUTHENTICATED',
          },
          suggestions: [
            {
              messageId: 'answerCredentialCode',
              output: `${GRPC}function getUser(call, callback) {
  const token = call.metadata.get('authorization')[0];
  if (!token) {
    return callback({ code: grpc.status.UNAUTHENTICATED, details: 'Missing token' });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // A `ServerErrorResponse` and NestJS' RpcException carry the code in the same object form.
      code: `${STATUS}import { RpcException } from '@nestjs/microservices';
async function verify(metadata) {
  try {
    return await jwt.verify(metadata.get('authorization')[0], secret);
  } catch (err) {
    throw new RpcException({ code: status.PERMISSION_DENIED, message: 'Token expired' });
  }
}`,
      options: [{ autofix: true }],
      output: `${STATUS}import { RpcException } from '@nestjs/microservices';
async function verify(metadata) {
  try {
    return await jwt.verify(metadata.get('authorization')[0], secret);
  } catch (err) {
    throw new RpcException({ code: status.UNAUTHENTICATED, message: 'Token expired' });
  }
}`,
      errors: [{ messageId: 'wrongCode', data: { written: 'status.PERMISSION_DENIED', problem: 'an invalid credential', evidence: "jwt.verify(metadata.get('authorization')[0], …, 'Token expired'", credential: 'status.UNAUTHENTICATED' }, suggestions: 1 }],
    },
    {
      // INVALID_ARGUMENT (HTTP 400 in gRPC's mapping) for a missing token.
      code: `${STATUS}function getUser(call, callback) {
  const [token] = call.metadata.get('authorization');
  if (!token) return callback({ code: status.INVALID_ARGUMENT, details: 'No token provided' });
}`,
      errors: [
        {
          messageId: 'wrongCode',
          data: { written: 'status.INVALID_ARGUMENT', problem: 'a missing credential', evidence: "!token, 'No token provided'", credential: 'status.UNAUTHENTICATED' },
          suggestions: [
            {
              messageId: 'answerCredentialCode',
              output: `${STATUS}function getUser(call, callback) {
  const [token] = call.metadata.get('authorization');
  if (!token) return callback({ code: status.UNAUTHENTICATED, details: 'No token provided' });
}`,
            },
          ],
        },
      ],
    },
  ],
});

jsRuleTester.run('grpc: require-401-for-credential-failure (CommonJS)', credential, {
  valid: [],
  invalid: [
    {
      code: `const grpc = require('@grpc/grpc-js');
function sayHello(call, callback) {
  if (!call.metadata.get('x-api-key').length) {
    const err = { code: grpc.status.PERMISSION_DENIED, message: 'API key required' };
    return callback(err);
  }
}`,
      errors: [
        {
          messageId: 'wrongCode',
          suggestions: [
            {
              messageId: 'answerCredentialCode',
              output: `const grpc = require('@grpc/grpc-js');
function sayHello(call, callback) {
  if (!call.metadata.get('x-api-key').length) {
    const err = { code: grpc.status.UNAUTHENTICATED, message: 'API key required' };
    return callback(err);
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('grpc: require-403-for-permission-denial', permission, {
  valid: [
    `${STATUS}function deleteUser(call, callback) { if (!call.user.roles.includes('admin')) return callback({ code: status.PERMISSION_DENIED }); }`,
    // Near-miss: UNAUTHENTICATED for a missing token is right.
    `${STATUS}function getUser(call, callback) { if (!call.metadata.get('authorization')[0]) return callback({ code: status.UNAUTHENTICATED, details: 'No token' }); }`,
  ],
  invalid: [
    {
      code: `${STATUS}function deleteUser(call, callback) {
  if (!call.user.roles.includes('admin')) return callback({ code: status.UNAUTHENTICATED, details: 'Admins only' });
}`,
      errors: [
        {
          messageId: 'permissionDenialCode',
          data: { written: 'status.UNAUTHENTICATED', evidence: "!call.user.roles.includes('admin'), 'Admins only'", permission: 'status.PERMISSION_DENIED' },
          suggestions: [
            {
              messageId: 'answerPermissionCode',
              output: `${STATUS}function deleteUser(call, callback) {
  if (!call.user.roles.includes('admin')) return callback({ code: status.PERMISSION_DENIED, details: 'Admins only' });
}`,
            },
          ],
        },
      ],
    },
  ],
});

// gRPC has no challenge header: UNAUTHENTICATED is complete on its own.
ruleTester.run('grpc: require-www-authenticate', challenge, {
  valid: [`${STATUS}function getUser(call, callback) { if (!call.metadata.get('authorization')[0]) return callback({ code: status.UNAUTHENTICATED, details: 'No token' }); }`],
  invalid: [],
});

/** A service wrapper whose refusals go through a helper of the file that puts the code it is handed in the callback's error. */
const refusing = (check: string, code: string, refuse = 'callback({ code, message });') => `${STATUS}function refuse(callback, message, code = status.INTERNAL) {
  ${refuse}
}
export function guarded(call, callback) {
  const token = call.metadata.get('session-token')[0];
  ${check}
    return refuse(callback, 'refused', status.${code});
  return handle(call, callback);
}`;

ruleTester.run('grpc: a status handed to a helper that puts it in the callback error', credential, {
  valid: [
    // A role check answered PERMISSION_DENIED through the helper is right.
    refusing("if (!call.user.roles.includes('operator'))", 'PERMISSION_DENIED'),
    // A helper that does not hand the code on (it only logs it) sends nothing with it.
    refusing('if (!token)', 'PERMISSION_DENIED', 'log.warn(message, code);'),
  ],
  invalid: [
    {
      code: refusing('if (!token)', 'PERMISSION_DENIED'),
      errors: [
        {
          messageId: 'wrongCode',
          line: 8,
          suggestions: [{ messageId: 'answerCredentialCode', output: refusing('if (!token)', 'UNAUTHENTICATED') }],
        },
      ],
    },
  ],
});
