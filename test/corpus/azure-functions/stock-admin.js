// Stock management functions (Azure Functions v4, JavaScript) whose handlers ask small gates of this file who calls.
const { app } = require('@azure/functions');
const jwt = require('jsonwebtoken');

const SECRET = process.env.STOCK_JWT_SECRET;

function bearerOf(request) {
  const header = request.headers.get('authorization') || '';
  return header.startsWith('Bearer ') ? header.slice(7) : null;
}

function signedInUser(request) {
  const token = bearerOf(request);
  if (!token) return null;
  try {
    return jwt.verify(token, SECRET);
  } catch {
    return null;
  }
}

function stockManager(request) {
  const user = signedInUser(request);
  if (!user) return null;
  if (!user.roles.includes('stock-manager')) return null;
  return user;
}

function warehouseOf(user) {
  if (user.role !== 'warehouse') return null;
  return user.warehouseId;
}

app.http('listStock', {
  methods: ['GET'],
  handler: async (request) => {
    const user = signedInUser(request);
    if (!user) {
      return { status: 403, jsonBody: { error: 'sign in to see the stock' } }; // expect: require-401-for-credential-failure
    }
    return { jsonBody: await stockFor(user.tenant) };
  },
});

app.http('adjustStock', {
  methods: ['POST'],
  handler: async (request) => {
    const manager = stockManager(request);
    if (!manager) {
      return { status: 403, jsonBody: { error: 'not allowed' } }; // expect: require-401-for-credential-failure
    }
    return { jsonBody: await adjust(manager, await request.json()) };
  },
});

app.http('closeWarehouse', {
  methods: ['POST'],
  handler: async (request) => {
    const user = signedInUser(request);
    if (!user) {
      return { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="stock"' }, jsonBody: { error: 'sign in' } };
    }
    const warehouse = warehouseOf(user);
    if (!warehouse) {
      return { status: 403, jsonBody: { error: 'warehouse staff only' } };
    }
    return { jsonBody: await close(warehouse) };
  },
});
