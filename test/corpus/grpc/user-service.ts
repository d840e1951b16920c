import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import jwt from 'jsonwebtoken';

const definition = protoLoader.loadSync('user.proto');
const proto = grpc.loadPackageDefinition(definition) as any;

interface Claims {
  sub: string;
  roles: string[];
}

function claimsOf(call: grpc.ServerUnaryCall<unknown, unknown>): Claims | null {
  const [token] = call.metadata.get('authorization');
  if (!token) return null;
  return jwt.verify(String(token).replace(/^Bearer /, ''), process.env.JWT_SECRET!) as Claims;
}

const userService = {
  getProfile(call: grpc.ServerUnaryCall<{ id: string }, unknown>, callback: grpc.sendUnaryData<unknown>) {
    const token = call.metadata.get('authorization')[0];
    if (!token) {
      return callback({ code: grpc.status.PERMISSION_DENIED, details: 'Missing token' }); // expect: require-401-for-credential-failure
    }
    let claims: Claims;
    try {
      claims = jwt.verify(String(token), process.env.JWT_SECRET!) as Claims;
    } catch (err) {
      return callback({ code: grpc.status.PERMISSION_DENIED, details: 'Invalid token' }); // expect: require-401-for-credential-failure
    }
    callback(null, { id: claims.sub });
  },

  deleteUser(call: grpc.ServerUnaryCall<{ id: string }, unknown>, callback: grpc.sendUnaryData<unknown>) {
    const claims = claimsOf(call);
    if (!claims) return callback({ code: grpc.status.UNAUTHENTICATED, details: 'Sign in first' });
    if (!claims.roles.includes('admin')) {
      return callback({ code: grpc.status.UNAUTHENTICATED, details: 'Admins only' }); // expect: require-403-for-permission-denial
    }
    callback(null, {});
  },

  listAuditLog(call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) {
    const claims = claimsOf(call);
    if (!claims?.roles.includes('auditor')) {
      return callback({ code: grpc.status.PERMISSION_DENIED, details: 'Insufficient permissions' });
    }
    callback(null, { entries: [] });
  },

  rename(call: grpc.ServerUnaryCall<{ name: string }, unknown>, callback: grpc.sendUnaryData<unknown>) {
    if (!call.request.name) {
      return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'name is required' });
    }
    callback(null, {});
  },
};

const server = new grpc.Server();
server.addService(proto.users.UserService.service, userService);
server.bindAsync('0.0.0.0:50051', grpc.ServerCredentials.createInsecure(), () => undefined);
