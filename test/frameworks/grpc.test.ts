import * as grpc from '@grpc/grpc-js';
import { loadModule } from './serve';
import { itFixesCode } from './verify-code-fix';

/** A unary service with JSON messages, so the test needs no .proto file. */
const json = {
  serialize: (value: unknown) => Buffer.from(JSON.stringify(value)),
  deserialize: (buffer: Buffer) => JSON.parse(buffer.toString()) as unknown,
};
const SERVICE: grpc.ServiceDefinition = {
  getProfile: {
    path: '/test.Users/GetProfile',
    requestStream: false,
    responseStream: false,
    requestSerialize: json.serialize,
    requestDeserialize: json.deserialize,
    responseSerialize: json.serialize,
    responseDeserialize: json.deserialize,
  },
};
const UsersClient = grpc.makeGenericClientConstructor(SERVICE, 'Users');

/** The app: a `getProfile` handler that runs `guard` with the caller's metadata; admins carry `Bearer admin`. */
function app(guard: string): string {
  return `import * as grpc from '@grpc/grpc-js';
export const users = {
  getProfile(call, callback) {
    const token = call.metadata.get('authorization')[0];
    const role = token === 'Bearer admin' ? 'admin' : 'member';
${guard}
    callback(null, { id: 'u1' });
  },
};
`;
}

/** Serves the app on 127.0.0.1 and calls `getProfile`; returns the status code the client sees. */
async function callWith(source: string, authorization?: string): Promise<number> {
  const { users } = await loadModule<{ users: grpc.UntypedServiceImplementation }>(source);
  const server = new grpc.Server();
  server.addService(SERVICE, users);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  const client = new UsersClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  try {
    const metadata = new grpc.Metadata();
    if (authorization) metadata.set('authorization', authorization);
    return await new Promise<number>((resolve) => {
      (client as unknown as { getProfile: (request: object, metadata: grpc.Metadata, done: (error: grpc.ServiceError | null) => void) => void }).getProfile(
        {},
        metadata,
        (error) => resolve(error ? error.code : grpc.status.OK),
      );
    });
  } finally {
    client.close();
    server.forceShutdown();
  }
}

/** The status names the client sees without (or with a member's) token and with an administrator's. */
function observe(authorization?: string) {
  return async (source: string) => ({
    failing: grpc.status[await callWith(source, authorization)],
    passing: grpc.status[await callWith(source, 'Bearer admin')],
  });
}

describe('gRPC: fixes run on @grpc/grpc-js over 127.0.0.1', () => {
  itFixesCode(
    {
      title: 'PERMISSION_DENIED for a missing token becomes UNAUTHENTICATED',
      source: app(`    if (!token) return callback({ code: grpc.status.PERMISSION_DENIED, details: 'Missing token' });`),
      rule: 'require-401-for-credential-failure',
      before: 'PERMISSION_DENIED',
      after: 'UNAUTHENTICATED',
      uses: /callback\(\{ code: grpc\.status\.UNAUTHENTICATED, details: 'Missing token' \}\)/,
    },
    observe(),
    'OK',
  );

  itFixesCode(
    {
      title: 'UNAUTHENTICATED for a role check becomes PERMISSION_DENIED',
      source: app(`    if (role !== 'admin') return callback({ code: grpc.status.UNAUTHENTICATED, details: 'Admins only' });`),
      rule: 'require-403-for-permission-denial',
      before: 'UNAUTHENTICATED',
      after: 'PERMISSION_DENIED',
      uses: /callback\(\{ code: grpc\.status\.PERMISSION_DENIED, details: 'Admins only' \}\)/,
    },
    observe('Bearer member'),
    'OK',
  );
});
